using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Economics.Optimization;

/// <summary>
/// What every user of a continuously batched deployment must get: a per-user output speed floor and a time-to-first-token limit
/// (for example ≥ 50 tokens/s and TTFT ≤ 2 s).
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. Statistics: the speed floor applies to 1 ÷ median TPOT and the TPOT limit to the median TPOT,
/// the TTFT limit to the mean TTFT (what <see cref="Serving.Load.ContinuousBatchingEstimator"/> gives). The steady-state model has every
/// user of a closed loop in the same state, so its mean and median TPOT are equal and "every user" means the typical user, not a tail
/// percentile: leave headroom if the limit is on p90 or p99.
/// </remarks>
public sealed record UserSpeedObjective
{
    private readonly double? _minSpeed;

    /// <summary>Gets the smallest acceptable output speed per user, in tokens/s (1 ÷ median TPOT), or null for no floor.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a finite number &gt; 0.</exception>
    public double? MinOutputTokensPerSecondPerUser { get => _minSpeed; init => _minSpeed = value is double v ? Guard.PositiveFinite(v, nameof(MinOutputTokensPerSecondPerUser)) : null; }

    /// <summary>Gets the largest acceptable mean time to first token (waiting for a slot and prefill budget, plus the prefill), or null for no limit.</summary>
    public TimeInterval? MaxTimeToFirstToken { get; init; }

    /// <summary>Gets the largest acceptable median time per output token, or null for no limit (equivalent to a speed floor of its inverse).</summary>
    public TimeInterval? MaxTimePerOutputToken { get; init; }

    /// <summary>Checks a point against the objective.</summary>
    /// <param name="point">The point.</param>
    /// <returns>Whether the point meets every limit that is set.</returns>
    public bool IsMetBy(Curves.CurvePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return (MinOutputTokensPerSecondPerUser is not double min || point.OutputTokensPerSecondPerUser >= min)
            && (MaxTimeToFirstToken is not { } ttft || point.TimeToFirstToken <= ttft)
            && (MaxTimePerOutputToken is not { } tpot || point.TimePerOutputToken <= tpot);
    }
}
