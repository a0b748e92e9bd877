namespace TokenCost.Contracts;

/// <summary>The accuracy over a group of cases.</summary>
public sealed record AccuracySummaryResponse
{
    /// <summary>Gets the cases in the group.</summary>
    public required int Cases { get; init; }

    /// <summary>Gets the fraction of the cases predicted, in [0, 1].</summary>
    public required double Coverage { get; init; }

    /// <summary>Gets the median absolute percentage error, in percent, or null when no case was predicted.</summary>
    public required double? MedianApePercent { get; init; }

    /// <summary>Gets the 90th-percentile absolute percentage error, in percent, or null.</summary>
    public required double? P90ApePercent { get; init; }
}
