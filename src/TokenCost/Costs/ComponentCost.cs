using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>One component's share of the token cost.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ComponentCost
{
    /// <summary>Gets the component's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the category.</summary>
    public required CostCategory Category { get; init; }

    /// <summary>Gets the cost per hour of the whole deployment.</summary>
    public required HourlyRate CostPerHour { get; init; }

    /// <summary>Gets the share of the cost of one million input (prompt) tokens.</summary>
    public required Money CostPerMillionInputTokens { get; init; }

    /// <summary>Gets the share of the cost of one million output (generated) tokens.</summary>
    public required Money CostPerMillionOutputTokens { get; init; }
}
