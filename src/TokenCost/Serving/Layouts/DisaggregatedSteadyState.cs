namespace TokenCost.Serving.Layouts;

/// <summary>The steady state of a disaggregated prefill/decode deployment under a closed loop (all rates for the whole deployment).</summary>
internal sealed record DisaggregatedSteadyState
{
    /// <summary>Gets the time per output token in the decode pool, in seconds.</summary>
    public double TpotSeconds { get; init; }

    /// <summary>Gets the time to first token: prefill-pool queue + prefill + KV transfer, in seconds.</summary>
    public double TtftSeconds { get; init; }

    /// <summary>Gets the seconds to move one request's KV cache from the prefill to the decode pool.</summary>
    public double KvTransferSeconds { get; init; }

    /// <summary>Gets the completed requests per second of the whole deployment.</summary>
    public double RequestsPerSecond { get; init; }

    /// <summary>Gets the most requests per second the prefill pool can take (all its workers busy).</summary>
    public double PrefillCapacityRequestsPerSecond { get; init; }

    /// <summary>Gets the sequences decoding per decode replica.</summary>
    public double DecodingPerReplica { get; init; }

    /// <summary>Gets the prefill replicas that would run exactly busy at the achieved request rate (the balanced pool size).</summary>
    public double BalancedPrefillReplicas { get; init; }

    /// <summary>Gets a value indicating whether the prefill pool limits the rate (requests queue for prefill).</summary>
    public bool PrefillLimited { get; init; }
}
