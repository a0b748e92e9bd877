using TokenCost.Economics.Frontier;

namespace TokenCost.Economics.Optimization;

/// <summary>The optimizer's answer: the cheapest feasible point, or none, with what was searched and skipped.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record OptimizationResult
{
    /// <summary>Gets the cheapest point that fits and meets the objective, or null when nothing does.</summary>
    public FrontierPoint? Best { get; init; }

    /// <summary>Gets a value indicating whether some configuration fits and meets the objective.</summary>
    public bool Feasible => Best is not null;

    /// <summary>Gets the objective searched for.</summary>
    public required ServiceLevelObjective Objective { get; init; }

    /// <summary>Gets the number of fitting points evaluated.</summary>
    public required int Evaluated { get; init; }

    /// <summary>Gets the number of evaluated points that met the objective.</summary>
    public required int FeasibleCount { get; init; }

    /// <summary>Gets the point with the lowest time per output token among those evaluated (what comes closest when nothing is feasible), or null when nothing fits.</summary>
    public FrontierPoint? Fastest { get; init; }

    /// <summary>Gets the reasons candidates were skipped before evaluation (hardware without a price, layouts that cannot be modelled).</summary>
    public required IReadOnlyList<string> Skipped { get; init; }
}
