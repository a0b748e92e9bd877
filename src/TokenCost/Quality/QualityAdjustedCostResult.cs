using TokenCost.Quantities;

namespace TokenCost.Quality;

/// <summary>The cheapest way to serve a model within a stated quality loss, with every option considered.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record QualityAdjustedCostResult
{
    /// <summary>Gets the model id.</summary>
    public string Model { get; internal init; } = null!;

    /// <summary>Gets the hardware id.</summary>
    public string Hardware { get; internal init; } = null!;

    /// <summary>Gets the benchmark the loss is measured on.</summary>
    public string Benchmark { get; internal init; } = null!;

    /// <summary>Gets the largest loss accepted, in the benchmark's unit (MMLU: percentage points).</summary>
    public double MaxLoss { get; internal init; }

    /// <summary>Gets every option considered, cheapest first (options that do not fit last).</summary>
    public IReadOnlyList<QualityOption> Options { get; internal init; } = null!;

    /// <summary>Gets the cheapest option that fits and is within the loss, or null when none is.</summary>
    public QualityOption? Best => Options.FirstOrDefault(o => o.Fits && o.WithinLoss);

    /// <summary>Gets the quality-adjusted cost: $ per 1M output tokens of <see cref="Best"/>, or null when no option qualifies.</summary>
    public Money? CostPerMillionOutputTokens => Best?.CostPerMillionOutputTokens;
}
