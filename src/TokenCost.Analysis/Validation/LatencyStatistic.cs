namespace TokenCost.Validation;

/// <summary>The statistic a case's latency value reports (the <c>statistic</c> tag).</summary>
public enum LatencyStatistic
{
    /// <summary><c>mean</c>: the mean over requests.</summary>
    Mean,

    /// <summary><c>p50</c>: the median over requests.</summary>
    Median,
}
