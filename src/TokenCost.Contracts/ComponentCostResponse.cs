namespace TokenCost.Contracts;

/// <summary>One cost component: its hourly cost and its share of the per-token prices.</summary>
public sealed record ComponentCostResponse
{
    /// <summary>Gets the component's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the category: hardware, energy or serving.</summary>
    public required string Category { get; init; }

    /// <summary>Gets the component's cost, in USD per hour.</summary>
    public required double UsdPerHour { get; init; }

    /// <summary>Gets the component's share of the cost of one million prompt tokens, in USD.</summary>
    public required double CostPerMillionInputTokensUsd { get; init; }

    /// <summary>Gets the component's share of the cost of one million output tokens, in USD.</summary>
    public required double CostPerMillionOutputTokensUsd { get; init; }
}
