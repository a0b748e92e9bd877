namespace TokenCost.Contracts;

/// <summary>The distribution of the cost of one million output tokens, in USD.</summary>
public sealed record CostDistributionResponse
{
    /// <summary>Gets the cost with every input at its central value, in USD.</summary>
    public required double Deterministic { get; init; }

    /// <summary>Gets the 10th percentile, in USD.</summary>
    public required double P10 { get; init; }

    /// <summary>Gets the median, in USD.</summary>
    public required double P50 { get; init; }

    /// <summary>Gets the 90th percentile, in USD.</summary>
    public required double P90 { get; init; }

    /// <summary>Gets the mean, in USD.</summary>
    public required double Mean { get; init; }
}
