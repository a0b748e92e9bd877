namespace TokenCost.Server.Contracts;

/// <summary>The load an estimate was made under and its operating point: the <c>load</c> object of <c>tokencost estimate --json</c>.</summary>
internal sealed record LoadResponse
{
    /// <summary>Gets how requests arrive: static, closed, offline or poisson.</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the closed-loop clients of the whole deployment, or null for other kinds.</summary>
    public required int? Concurrency { get; init; }

    /// <summary>Gets the Poisson arrival rate of the whole deployment in requests per second, or null for other kinds.</summary>
    public required double? RequestsPerSecond { get; init; }

    /// <summary>Gets the mean sequences running at once per replica.</summary>
    public required int RunningSequencesPerReplica { get; init; }

    /// <summary>Gets the most sequences per replica that KV-cache memory (and the stack's limit) allows.</summary>
    public required int MaxRunningSequencesPerReplica { get; init; }

    /// <summary>Gets a value indicating whether KV-cache memory limits the running sequences.</summary>
    public required bool KvCacheLimited { get; init; }

    /// <summary>Gets a value indicating whether arrivals exceed the capacity (the figures are then at capacity).</summary>
    public required bool Saturated { get; init; }

    /// <summary>Gets the fraction of engine iterations that carry prefill work, in [0, 1].</summary>
    public required double PrefillIterationFraction { get; init; }

    /// <summary>Gets the mean engine iteration time, in milliseconds.</summary>
    public required double IterationMs { get; init; }
}
