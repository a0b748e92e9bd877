namespace TokenCost.Contracts;

/// <summary>The pools of a disaggregated prefill/decode deployment (<c>tokencost estimate --disagg …</c>, <c>POST /v1/estimate</c> with <c>disagg</c>): a prefill pool that only prefills and a decode pool that only decodes, every request's KV cache crossing from one to the other (docs/economics.md, "Layout search").</summary>
public sealed record DisaggregatedResponse
{
    /// <summary>Gets the prefill pool's workers (replicas).</summary>
    public required int PrefillWorkers { get; init; }

    /// <summary>Gets the accelerators of the prefill pool (all its workers).</summary>
    public required int PrefillDevices { get; init; }

    /// <summary>Gets a prefill worker's layout in the case-tag notation, for example <c>TP8EP8DP</c>.</summary>
    public required string PrefillLayout { get; init; }

    /// <summary>Gets the decode pool's workers (replicas).</summary>
    public required int DecodeWorkers { get; init; }

    /// <summary>Gets the accelerators of the decode pool (all its workers).</summary>
    public required int DecodeDevices { get; init; }

    /// <summary>Gets a decode worker's layout in the case-tag notation, for example <c>TP8EP8</c>.</summary>
    public required string DecodeLayout { get; init; }

    /// <summary>Gets the fraction of time the prefill pool is busy, in [0, 1] (the share of its hourly cost that prompt tokens pay for).</summary>
    public required double PrefillPoolUtilization { get; init; }

    /// <summary>Gets the time to move one request's KV cache from the prefill to the decode pool (part of the time to first token), in milliseconds.</summary>
    public required double KvTransferMs { get; init; }

    /// <summary>Gets the cost of the prefill pool, in USD per hour (its devices at the deployment's cost per device-hour at the operating point).</summary>
    public required double PrefillPoolUsdPerHour { get; init; }

    /// <summary>Gets the cost of the decode pool, in USD per hour; with the prefill pool's it makes up the deployment's totalUsdPerHour.</summary>
    public required double DecodePoolUsdPerHour { get; init; }
}
