namespace TokenCost.Contracts;

/// <summary>The load an estimate was made under and its operating point.</summary>
public sealed record LoadResponse
{
    /// <summary>Gets how requests arrive: static, closed, offline or poisson.</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the closed-loop clients of the whole deployment, or null.</summary>
    public required int? Concurrency { get; init; }

    /// <summary>Gets the Poisson arrival rate of the whole deployment, in requests per second, or null.</summary>
    public required double? RequestsPerSecond { get; init; }

    /// <summary>Gets the mean sequences running per replica (per decode worker when disaggregated), in sequences.</summary>
    public required int RunningSequencesPerReplica { get; init; }

    /// <summary>Gets the most sequences a replica (a decode worker when disaggregated) can run at once (KV cache and stack limit), in sequences.</summary>
    public required int MaxRunningSequencesPerReplica { get; init; }

    /// <summary>Gets a value indicating whether the KV cache limits the running sequences.</summary>
    public required bool KvCacheLimited { get; init; }

    /// <summary>Gets a value indicating whether the offered load exceeds what the deployment serves (a queue builds).</summary>
    public required bool Saturated { get; init; }

    /// <summary>Gets the fraction of scheduler iterations that carry prefill work, in [0, 1] (0 when disaggregated: the decode pool never prefills).</summary>
    public required double PrefillIterationFraction { get; init; }

    /// <summary>Gets the mean scheduler iteration time, in milliseconds.</summary>
    public required double IterationMs { get; init; }
}
