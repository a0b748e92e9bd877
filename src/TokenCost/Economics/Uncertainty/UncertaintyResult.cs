using TokenCost.Quantities;

namespace TokenCost.Economics.Uncertainty;

/// <summary>The Monte Carlo distribution of $/1M output tokens and the tornado table of its inputs.</summary>
/// <remarks>This type is immutable and thread-safe. P10 ≤ P50 ≤ P90 by construction (empirical quantiles of one sorted sample).</remarks>
public sealed record UncertaintyResult
{
    /// <summary>Gets the deterministic estimate's $/1M output tokens (full utilisation, every input as priced).</summary>
    public Money Deterministic { get; internal init; }

    /// <summary>Gets the 10th percentile of $/1M output tokens.</summary>
    public Money P10 { get; internal init; }

    /// <summary>Gets the median of $/1M output tokens.</summary>
    public Money P50 { get; internal init; }

    /// <summary>Gets the 90th percentile of $/1M output tokens.</summary>
    public Money P90 { get; internal init; }

    /// <summary>Gets the mean of $/1M output tokens.</summary>
    public Money Mean { get; internal init; }

    /// <summary>Gets the number of samples drawn.</summary>
    public int Samples { get; internal init; }

    /// <summary>Gets the seed of the random source.</summary>
    public int Seed { get; internal init; }

    /// <summary>Gets the tornado table, largest swing first.</summary>
    public IReadOnlyList<SensitivityEntry> Sensitivity { get; internal init; } = null!;
}
