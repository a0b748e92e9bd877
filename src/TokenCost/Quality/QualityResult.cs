namespace TokenCost.Quality;

/// <summary>One published (or flagged) quality figure of a model under a weight quantization method, with its source.</summary>
/// <remarks>This type is immutable and thread-safe. <see cref="Value"/> and <see cref="Baseline"/> are in the benchmark's unit
/// (MMLU: accuracy in percent; perplexity: a ratio ≥ 1).</remarks>
public sealed record QualityResult
{
    /// <summary>Gets the row id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the model id (TokenCost catalog).</summary>
    public required string Model { get; init; }

    /// <summary>Gets the quantization method (fp16, gptq, awq, quip# …).</summary>
    public required string Method { get; init; }

    /// <summary>Gets the TokenCost numeric-format id whose byte counts the method's weights are priced with.</summary>
    public required string Format { get; init; }

    /// <summary>Gets the bits per weight the method stores (before group scales).</summary>
    public double Bits { get; init; }

    /// <summary>Gets the quantization group size, or null when none applies or it is not stated.</summary>
    public int? GroupSize { get; init; }

    /// <summary>Gets the benchmark id, for example <see cref="QualityCatalog.Mmlu"/>.</summary>
    public required string Benchmark { get; init; }

    /// <summary>Gets the quantized model's score, in the benchmark's unit.</summary>
    public required double Value { get; init; }

    /// <summary>Gets the same source's 16-bit score, in the benchmark's unit.</summary>
    public required double Baseline { get; init; }

    /// <summary>Gets the source (paper, authors, venue or URL).</summary>
    public required string Source { get; init; }

    /// <summary>Gets the table or section the figure comes from.</summary>
    public required string Table { get; init; }

    /// <summary>Gets the source's date, <c>yyyy-MM</c>.</summary>
    public required string Date { get; init; }

    /// <summary>Gets a value indicating whether the figure is unverified or an estimate (see <see cref="Note"/>).</summary>
    public bool IsEstimate { get; init; }

    /// <summary>Gets notes on the figure.</summary>
    public string Note { get; init; } = "";

    /// <summary>Gets a value indicating whether a higher score is better (accuracy benchmarks) rather than lower (perplexity).</summary>
    public bool HigherIsBetter => !Benchmark.Contains("perplexity", StringComparison.Ordinal);

    /// <summary>Gets the loss against the baseline in the benchmark's unit, positive when quality drops (MMLU: points; perplexity: increase).</summary>
    public double Loss => HigherIsBetter ? Baseline - Value : Value - Baseline;

    /// <summary>Gets <see cref="Loss"/> as a fraction of the baseline (0.016 = 1.6 % worse).</summary>
    public double RelativeLoss => Baseline == 0 ? 0 : Loss / Baseline;
}
