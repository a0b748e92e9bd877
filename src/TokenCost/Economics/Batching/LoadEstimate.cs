using TokenCost.Quantities;

namespace TokenCost.Economics.Batching;

/// <summary>A deployment under Poisson request arrivals: utilisation, queueing delay, TTFT and time per output token at p50 and p90.</summary>
/// <remarks>This type is immutable and thread-safe. Latencies are null when the arrival rate exceeds capacity (<see cref="Stable"/> is false).</remarks>
public sealed record LoadEstimate
{
    /// <summary>Gets the batching policy.</summary>
    public BatchingPolicy Policy { get; internal init; }

    /// <summary>Gets the request arrival rate of the whole deployment, in requests per second.</summary>
    public double RequestsPerSecond { get; internal init; }

    /// <summary>Gets the sequence slots per replica (the batch limit, for example the KV-cache concurrency).</summary>
    public int Slots { get; internal init; }

    /// <summary>Gets the largest request rate the deployment sustains, in requests per second.</summary>
    public double CapacityRequestsPerSecond { get; internal init; }

    /// <summary>Gets the utilisation: arrival rate ÷ capacity (may exceed 1 when unstable).</summary>
    public double Utilization => RequestsPerSecond / CapacityRequestsPerSecond;

    /// <summary>Gets a value indicating whether the queue is stable (utilisation below 1).</summary>
    public bool Stable => Utilization < 1;

    /// <summary>Gets the mean sequences in flight per replica (Little's law: arrival rate × time in service).</summary>
    public double MeanSequencesInFlight { get; internal init; }

    /// <summary>Gets the mean time a request waits before its prefill starts, or null when unstable.</summary>
    public TimeInterval? MeanQueueDelay { get; internal init; }

    /// <summary>Gets the median time to first token (queueing + prefill), or null when unstable.</summary>
    public TimeInterval? TimeToFirstTokenP50 { get; internal init; }

    /// <summary>Gets the 90th-percentile time to first token, or null when unstable.</summary>
    public TimeInterval? TimeToFirstTokenP90 { get; internal init; }

    /// <summary>Gets the median time per output token, or null when unstable.</summary>
    public TimeInterval? TimePerOutputTokenP50 { get; internal init; }

    /// <summary>Gets the 90th-percentile time per output token, or null when unstable.</summary>
    public TimeInterval? TimePerOutputTokenP90 { get; internal init; }
}
