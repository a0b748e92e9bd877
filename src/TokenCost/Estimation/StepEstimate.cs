using TokenCost.Quantities;

namespace TokenCost.Estimation;

/// <summary>
/// The modelled time of one forward step over a batch, split by what limits each operator, with the bytes and operations per device behind it.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. <see cref="Time"/> = <see cref="MemoryBoundTime"/> + <see cref="ComputeBoundTime"/>
/// + <see cref="CommunicationTime"/> + <see cref="OverheadTime"/> exactly: each operator contributes max(bytes ÷ achieved bandwidth,
/// operations ÷ achieved peak) to the bucket of its larger term.
/// </remarks>
public readonly record struct StepEstimate
{
    /// <summary>Gets the wall time of the step.</summary>
    public TimeInterval Time { get; internal init; }

    /// <summary>Gets the time of operators limited by memory bandwidth.</summary>
    public TimeInterval MemoryBoundTime { get; internal init; }

    /// <summary>Gets the time of operators limited by compute.</summary>
    public TimeInterval ComputeBoundTime { get; internal init; }

    /// <summary>Gets the time of all-reduces and pipeline hand-offs.</summary>
    public TimeInterval CommunicationTime { get; internal init; }

    /// <summary>Gets the fixed per-layer and per-step overhead.</summary>
    public TimeInterval OverheadTime { get; internal init; }

    /// <summary>Gets the bytes one device moves to and from memory during the step.</summary>
    public DataSize BytesPerDevice { get; internal init; }

    /// <summary>Gets the operations one device performs during the step.</summary>
    public FlopCount FlopsPerDevice { get; internal init; }

    /// <summary>Gets the weight bytes one device reads during the step (for MoE, only the experts touched).</summary>
    public DataSize WeightBytesPerDevice { get; internal init; }

    /// <summary>Gets the KV-cache bytes one device reads and writes during the step.</summary>
    public DataSize KvCacheBytesPerDevice { get; internal init; }

    /// <summary>Gets the achieved fraction of peak memory bandwidth over the step, in [0, 1].</summary>
    public double BandwidthUtilization { get; internal init; }

    /// <summary>Gets the achieved fraction of the linear layers' peak compute over the step, in [0, 1].</summary>
    public double ComputeUtilization { get; internal init; }

    /// <summary>Gets the dominant bound.</summary>
    public Bound Bound { get; internal init; }
}
