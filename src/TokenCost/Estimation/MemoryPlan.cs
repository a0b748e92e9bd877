using TokenCost.Quantities;

namespace TokenCost.Estimation;

/// <summary>How one device's memory is used: weights, a reserve, and the KV cache that decides how many sequences fit.</summary>
/// <remarks>This type is immutable and thread-safe. Sizes are per device (the most loaded pipeline stage).</remarks>
public readonly record struct MemoryPlan
{
    /// <summary>Gets the device's memory capacity.</summary>
    public DataSize Capacity { get; internal init; }

    /// <summary>Gets the weight bytes stored on the device: block weights ÷ (TP × PP) plus its share of embedding and output head.</summary>
    public DataSize WeightsPerDevice { get; internal init; }

    /// <summary>Gets the memory kept for the runtime, activations and workspace.</summary>
    public DataSize Reserve { get; internal init; }

    /// <summary>Gets the memory the stack gives to the KV cache: (capacity − weights − reserve) × the stack's KV fraction.</summary>
    public DataSize KvCacheBudget { get; internal init; }

    /// <summary>Gets the KV cache of one sequence at its full context (prompt + output) on this device.</summary>
    public DataSize KvCachePerSequence { get; internal init; }

    /// <summary>Gets the context length (tokens) the KV figures are sized for.</summary>
    public int ContextTokens { get; internal init; }

    /// <summary>Gets the largest number of sequences per replica whose KV cache fits (0 when the weights alone do not fit).</summary>
    public int MaxBatch { get; internal init; }

    /// <summary>Gets the memory used at the requested batch: weights + reserve + batch × KV per sequence.</summary>
    public DataSize Used { get; internal init; }

    /// <summary>Gets a value indicating whether the requested batch fits.</summary>
    public bool Fits { get; internal init; }
}
