using TokenCost.Economics.Frontier;

namespace TokenCost.Economics.Optimization;

/// <summary>The optimizer's answer: the cheapest feasible point, or none, with what was searched and skipped.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record OptimizationResult
{
    /// <summary>Gets the cheapest point that fits and meets the objective, or null when nothing does.</summary>
    public FrontierPoint? Best { get; internal init; }

    /// <summary>Gets a value indicating whether some configuration fits and meets the objective.</summary>
    public bool Feasible => Best is not null;

    /// <summary>Gets the objective searched for.</summary>
    public ServiceLevelObjective Objective { get; internal init; } = null!;

    /// <summary>Gets the number of fitting points evaluated.</summary>
    public int Evaluated { get; internal init; }

    /// <summary>Gets the number of evaluated points that met the objective.</summary>
    public int FeasibleCount { get; internal init; }

    /// <summary>Gets the point with the lowest time per output token among those evaluated (what comes closest when nothing is feasible), or null when nothing fits.</summary>
    public FrontierPoint? Fastest { get; internal init; }

    /// <summary>Gets the reasons candidates were skipped before evaluation (hardware without a price, layouts that cannot be modelled).</summary>
    public IReadOnlyList<string> Skipped { get; internal init; } = null!;
}
