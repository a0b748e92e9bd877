using TokenCost.Quantities;

namespace TokenCost.Estimation;

/// <summary>
/// The headline numbers of one estimate, as a small value type the fast path and sweeps return without allocating:
/// time to first token, time per output token, throughput, memory fit, dominant bound and the rental cost of output tokens.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. Every figure equals the one <see cref="RooflineEstimator.Estimate"/> reports for the same
/// configuration and workload (same formulas, same order of operations); the cost is the rental component of
/// <see cref="Costs.TokenCostCalculator"/> alone: price per device-hour × devices × hours per million output tokens.
/// </remarks>
public readonly record struct EstimateSummary
{
    /// <summary>Gets the batch per replica modelled (the requested one, or the largest that fits when the batch was left open).</summary>
    public int Batch { get; internal init; }

    /// <summary>Gets the time to first token (the prefill step of the batch).</summary>
    public TimeInterval TimeToFirstToken { get; internal init; }

    /// <summary>Gets the time per output token (one decode step at the mid-generation context).</summary>
    public TimeInterval TimePerOutputToken { get; internal init; }

    /// <summary>Gets the sustained output throughput of the whole deployment, prefill included: batch × output × replicas ÷ request latency.</summary>
    public TokenRate SustainedOutputTokensPerSecond { get; internal init; }

    /// <summary>Gets the decode throughput of the whole deployment: batch × replicas ÷ TPOT.</summary>
    public TokenRate DecodeTokensPerSecond { get; internal init; }

    /// <summary>Gets the largest number of sequences per replica whose KV cache fits at the full context (0 when the weights alone do not fit).</summary>
    public int MaxBatch { get; internal init; }

    /// <summary>Gets a value indicating whether the modelled batch fits in memory.</summary>
    public bool Fits { get; internal init; }

    /// <summary>Gets the dominant bound of the decode step.</summary>
    public Bound Bound { get; internal init; }

    /// <summary>Gets the rental cost of one million output tokens at the given price per device-hour, or null when no price was given.</summary>
    public Money? CostPerMillionOutputTokens { get; internal init; }
}
