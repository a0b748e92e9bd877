namespace TokenCost.Contracts;

/// <summary>One arrival rate of a batching policy under Poisson arrivals.</summary>
public sealed record QueueingPointResponse
{
    /// <summary>Gets the arrival rate of the whole deployment, in requests per second.</summary>
    public required double RequestsPerSecond { get; init; }

    /// <summary>Gets the fraction of capacity used, in [0, 1] when stable.</summary>
    public required double Utilization { get; init; }

    /// <summary>Gets a value indicating whether the queue is stable (arrivals below capacity).</summary>
    public required bool Stable { get; init; }

    /// <summary>Gets the mean sequences in flight.</summary>
    public required double MeanSequencesInFlight { get; init; }

    /// <summary>Gets the mean wait in the queue, in milliseconds, or null when unstable.</summary>
    public required double? MeanQueueDelayMs { get; init; }

    /// <summary>Gets the median time to first token, in milliseconds, or null when unstable.</summary>
    public required double? TimeToFirstTokenP50Ms { get; init; }

    /// <summary>Gets the 90th-percentile time to first token, in milliseconds, or null when unstable.</summary>
    public required double? TimeToFirstTokenP90Ms { get; init; }

    /// <summary>Gets the median time per output token, in milliseconds, or null when unstable.</summary>
    public required double? TimePerOutputTokenP50Ms { get; init; }

    /// <summary>Gets the 90th-percentile time per output token, in milliseconds, or null when unstable.</summary>
    public required double? TimePerOutputTokenP90Ms { get; init; }
}
