namespace TokenCost.Contracts;

/// <summary>The bound that decided a claim's verdict.</summary>
public sealed record AuditBoundResponse
{
    /// <summary>Gets the bound's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the bound's value in the claim's metric's unit, or null for a yes/no bound.</summary>
    public required double? Value { get; init; }

    /// <summary>Gets the unit of the value.</summary>
    public required string Unit { get; init; }

    /// <summary>Gets the formula with its inputs, in words.</summary>
    public required string Formula { get; init; }

    /// <summary>Gets whether a yes/no bound holds, or null for a numeric bound.</summary>
    public required bool? Holds { get; init; }
}
