namespace TokenCost.Contracts;

/// <summary>The timing of a standard sweep (<c>tokencost sweep --count N --format json</c>).</summary>
public sealed record SweepTimingResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the estimates timed.</summary>
    public required long Estimates { get; init; }

    /// <summary>Gets the wall-clock time of the timed run, in seconds.</summary>
    public required double Seconds { get; init; }

    /// <summary>Gets the estimates per second.</summary>
    public required double EstimatesPerSecond { get; init; }

    /// <summary>Gets the estimates whose batch fits in memory.</summary>
    public required long Fitting { get; init; }

    /// <summary>Gets the worker threads.</summary>
    public required int Threads { get; init; }

    /// <summary>Gets the deployments planned.</summary>
    public required int Deployments { get; init; }

    /// <summary>Gets the untimed warm-up estimates run first.</summary>
    public required long WarmupEstimates { get; init; }

    /// <summary>Gets the time spent planning, excluded from the timing, in seconds.</summary>
    public required double PlanSeconds { get; init; }
}
