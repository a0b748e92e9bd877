namespace TokenCost.Contracts;

/// <summary>One input of the tornado table: the cost with the input at its 10th and 90th percentiles, all others central.</summary>
public sealed record SensitivityResponse
{
    /// <summary>Gets the input's name.</summary>
    public required string Input { get; init; }

    /// <summary>Gets the input's distribution, in words.</summary>
    public required string Distribution { get; init; }

    /// <summary>Gets the input's 10th percentile, in the input's unit.</summary>
    public required double InputP10 { get; init; }

    /// <summary>Gets the input's 90th percentile, in the input's unit.</summary>
    public required double InputP90 { get; init; }

    /// <summary>Gets the cost of one million output tokens with the input at its 10th percentile, in USD.</summary>
    public required double CostAtP10Usd { get; init; }

    /// <summary>Gets the cost of one million output tokens with the input at its 90th percentile, in USD.</summary>
    public required double CostAtP90Usd { get; init; }

    /// <summary>Gets the difference between the two costs, in USD.</summary>
    public required double SwingUsd { get; init; }
}
