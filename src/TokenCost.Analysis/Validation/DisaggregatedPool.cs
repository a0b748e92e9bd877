namespace TokenCost.Validation;

/// <summary>One pool of a disaggregated (prefill/decode) deployment, as the case tag <c>disagg</c> writes it: <c>WxGg[TPt][EPe][DP]</c>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record DisaggregatedPool
{
    /// <summary>Gets the number of workers (replicas) in the pool, ≥ 1.</summary>
    public required int Workers { get; init; }

    /// <summary>Gets the devices per worker, ≥ 1.</summary>
    public required int DevicesPerWorker { get; init; }

    /// <summary>Gets the tensor-parallel degree of a worker (1 when omitted).</summary>
    public int TensorParallel { get; init; } = 1;

    /// <summary>Gets the expert-parallel degree of a worker (1 when omitted).</summary>
    public int ExpertParallel { get; init; } = 1;

    /// <summary>Gets a value indicating whether attention runs data-parallel across a worker's devices.</summary>
    public bool AttentionDataParallel { get; init; }

    /// <summary>Gets the devices of the pool: workers × devices per worker.</summary>
    public int Devices => Workers * DevicesPerWorker;
}
