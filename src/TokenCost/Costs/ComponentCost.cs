using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>One component's share of the token cost.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ComponentCost
{
    /// <summary>Gets the component's name.</summary>
    public string Name { get; internal init; } = null!;

    /// <summary>Gets the category.</summary>
    public CostCategory Category { get; internal init; }

    /// <summary>Gets the cost per hour of the whole deployment.</summary>
    public HourlyRate CostPerHour { get; internal init; }

    /// <summary>Gets the share of the cost of one million input (prompt) tokens.</summary>
    public Money CostPerMillionInputTokens { get; internal init; }

    /// <summary>Gets the share of the cost of one million output (generated) tokens.</summary>
    public Money CostPerMillionOutputTokens { get; internal init; }
}
