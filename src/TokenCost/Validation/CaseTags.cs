namespace TokenCost.Validation;

/// <summary>The <c>[key=value]</c> tags that start a case's <c>notes</c>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CaseTags
{
    /// <summary>Gets the time base of a per-user rate: <c>e2e</c>, <c>decode</c>, or null when not stated.</summary>
    public string? Timebase { get; init; }

    /// <summary>Gets the statistic of a latency value: <c>mean</c> or <c>p50</c> (null = mean).</summary>
    public string? Statistic { get; init; }

    /// <summary>Gets the weight quantization group size (elements per scale), when stated.</summary>
    public int? GroupSize { get; init; }

    /// <summary>Gets a value indicating whether the exact hardware variant was assumed.</summary>
    public bool HardwareVariantAssumed { get; init; }

    /// <summary>Gets a value indicating whether the numeric formats were assumed.</summary>
    public bool PrecisionAssumed { get; init; }

    /// <summary>Gets a value indicating whether the source calls the value anomalous (not a capability figure; excluded from fitting).</summary>
    public bool Anomalous { get; init; }
}
