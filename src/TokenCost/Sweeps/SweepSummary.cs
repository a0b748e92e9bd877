using TokenCost.Quantities;

namespace TokenCost.Sweeps;

/// <summary>What a sweep did: points evaluated, how many fit in memory, the cheapest fitting point, and how long it took.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SweepSummary
{
    /// <summary>Gets the number of points evaluated.</summary>
    public long Evaluated { get; internal init; }

    /// <summary>Gets the number of points whose batch fits in memory.</summary>
    public long Fitting { get; internal init; }

    /// <summary>Gets the fitting point with the lowest cost per million output tokens (lowest index on ties), or null when none fits or none has a price.</summary>
    public SweepResult? Cheapest { get; internal init; }

    /// <summary>Gets the wall time of the evaluation (the plan's preparation excluded).</summary>
    public TimeInterval Elapsed { get; internal init; }

    /// <summary>Gets the evaluation rate in estimates per second.</summary>
    public double EstimatesPerSecond => Elapsed.Seconds > 0 ? Evaluated / Elapsed.Seconds : 0;
}
