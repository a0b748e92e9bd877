namespace TokenCost.Contracts;

/// <summary>The hourly cost of a deployment by category, and each component with its share of the per-token prices.</summary>
public sealed record CostBreakdownResponse
{
    /// <summary>Gets the hardware cost (rental or amortised purchase), in USD per hour.</summary>
    public required double HardwareUsdPerHour { get; init; }

    /// <summary>Gets the energy cost, in USD per hour.</summary>
    public required double EnergyUsdPerHour { get; init; }

    /// <summary>Gets the serving overhead cost, in USD per hour.</summary>
    public required double ServingUsdPerHour { get; init; }

    /// <summary>Gets the cost components.</summary>
    public required IReadOnlyList<ComponentCostResponse> Components { get; init; }
}
