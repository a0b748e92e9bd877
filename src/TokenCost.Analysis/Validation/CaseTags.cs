using TokenCost.Serving.Load;

namespace TokenCost.Validation;

/// <summary>The <c>[key=value]</c> tags that start a case's <c>notes</c>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CaseTags
{
    /// <summary>Gets the time base of a per-user rate (<c>e2e</c> or <c>decode</c>), or null when not stated.</summary>
    public RateTimebase? Timebase { get; init; }

    /// <summary>Gets the statistic of a latency value (<c>mean</c> or <c>p50</c>), or null when not stated (read as the mean).</summary>
    public LatencyStatistic? Statistic { get; init; }

    /// <summary>Gets the weight quantization group size (elements per scale), when stated.</summary>
    public int? GroupSize { get; init; }

    /// <summary>Gets a value indicating whether the exact hardware variant was assumed.</summary>
    public bool HardwareVariantAssumed { get; init; }

    /// <summary>Gets a value indicating whether the numeric formats were assumed.</summary>
    public bool PrecisionAssumed { get; init; }

    /// <summary>Gets a value indicating whether the source calls the value anomalous (not a capability figure; excluded from fitting).</summary>
    public bool Anomalous { get; init; }

    /// <summary>Gets how requests reached the server (tag <c>load</c>), or null when the source does not say.</summary>
    public LoadKind? Load { get; init; }

    /// <summary>Gets the expert-parallel degree of a replica (tag <c>expert_parallel</c>, ≥ 2), or null.</summary>
    public int? ExpertParallel { get; init; }

    /// <summary>Gets a value indicating whether attention runs data-parallel across a replica's devices (tag <c>attention_dp=yes</c>).</summary>
    public bool AttentionDataParallel { get; init; }

    /// <summary>Gets the prefill pool of a disaggregated deployment (tag <c>disagg</c>, first pool), or null.</summary>
    public DisaggregatedPool? PrefillPool { get; init; }

    /// <summary>Gets the decode pool of a disaggregated deployment (tag <c>disagg</c>, second pool), or null.</summary>
    public DisaggregatedPool? DecodePool { get; init; }
}
