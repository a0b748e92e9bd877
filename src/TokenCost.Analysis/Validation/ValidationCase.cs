namespace TokenCost.Validation;

/// <summary>One measured performance number for one inference configuration: a line of a case file.</summary>
/// <remarks>This type is immutable and thread-safe. Nullable members are null where the source does not state them.</remarks>
public sealed record ValidationCase
{
    /// <summary>Gets the unique case id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the hardware id of every device.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the number of devices that produced the value, ≥ 1.</summary>
    public required int Devices { get; init; }

    /// <summary>Gets the tensor-parallel degree, or null when not stated.</summary>
    public int? TensorParallel { get; init; }

    /// <summary>Gets the pipeline-parallel degree, or null when not stated.</summary>
    public int? PipelineParallel { get; init; }

    /// <summary>Gets the weight format id, or null when not stated.</summary>
    public string? Weights { get; init; }

    /// <summary>Gets the activation format id, or null when not stated.</summary>
    public string? Activations { get; init; }

    /// <summary>Gets the KV-cache format id, or null when not stated.</summary>
    public string? KvCache { get; init; }

    /// <summary>Gets the serving stack id.</summary>
    public required string ServingStack { get; init; }

    /// <summary>Gets the concurrent sequences, or null for a saturating run (as many as the stack fits).</summary>
    public int? Batch { get; init; }

    /// <summary>Gets the prompt tokens per sequence (for <c>step_ms</c>: cached or new tokens), or null when not stated.</summary>
    public int? InputTokens { get; init; }

    /// <summary>Gets the generated tokens per sequence (for <c>step_ms</c>: 0 or 1), or null when not stated.</summary>
    public int? OutputTokens { get; init; }

    /// <summary>Gets the speculative-decoding setting, or null without speculative decoding.</summary>
    public SpeculativeSetting? Speculative { get; init; }

    /// <summary>Gets what <see cref="Value"/> measures.</summary>
    public required CaseMetric Metric { get; init; }

    /// <summary>Gets the measured value in the metric's unit (see <see cref="CaseMetrics.Unit"/>), &gt; 0.</summary>
    public required double Value { get; init; }

    /// <summary>Gets where the value is published.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the notes, tags included.</summary>
    public string Notes { get; init; } = "";

    /// <summary>Gets the tags parsed from <see cref="Notes"/>.</summary>
    public CaseTags Tags { get; init; } = new();

    /// <summary>Gets the 1-based line of the case in its file (0 when built in code).</summary>
    public int Line { get; init; }
}
