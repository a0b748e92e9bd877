using TokenCost.Quantities;

namespace TokenCost.Economics.Batching;

/// <summary>A deployment under Poisson request arrivals: utilisation, queueing delay, TTFT and time per output token at p50 and p90.</summary>
/// <remarks>This type is immutable and thread-safe. Latencies are null when the arrival rate exceeds capacity (<see cref="Stable"/> is false).</remarks>
public sealed record LoadEstimate
{
    /// <summary>Gets the batching policy.</summary>
    public required BatchingPolicy Policy { get; init; }

    /// <summary>Gets the request arrival rate of the whole deployment, in requests per second.</summary>
    public required double RequestsPerSecond { get; init; }

    /// <summary>Gets the sequence slots per replica (the batch limit, for example the KV-cache concurrency).</summary>
    public required int Slots { get; init; }

    /// <summary>Gets the largest request rate the deployment sustains, in requests per second.</summary>
    public required double CapacityRequestsPerSecond { get; init; }

    /// <summary>Gets the utilisation: arrival rate ÷ capacity (may exceed 1 when unstable).</summary>
    public double Utilization => RequestsPerSecond / CapacityRequestsPerSecond;

    /// <summary>Gets a value indicating whether the queue is stable (utilisation below 1).</summary>
    public bool Stable => Utilization < 1;

    /// <summary>Gets the mean sequences in flight per replica (Little's law: arrival rate × time in service).</summary>
    public required double MeanSequencesInFlight { get; init; }

    /// <summary>Gets the mean time a request waits before its prefill starts, or null when unstable.</summary>
    public required TimeInterval? MeanQueueDelay { get; init; }

    /// <summary>Gets the median time to first token (queueing + prefill), or null when unstable.</summary>
    public required TimeInterval? TimeToFirstTokenP50 { get; init; }

    /// <summary>Gets the 90th-percentile time to first token, or null when unstable.</summary>
    public required TimeInterval? TimeToFirstTokenP90 { get; init; }

    /// <summary>Gets the median time per output token, or null when unstable.</summary>
    public required TimeInterval? TimePerOutputTokenP50 { get; init; }

    /// <summary>Gets the 90th-percentile time per output token, or null when unstable.</summary>
    public required TimeInterval? TimePerOutputTokenP90 { get; init; }
}
