using TokenCost.Economics.Curves;

namespace TokenCost.Economics.Optimization;

/// <summary>The answer of <see cref="DeploymentOptimizer.OptimizeUnderLoad"/>: the cheapest operating point that meets a <see cref="UserSpeedObjective"/>, or none.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record LoadedOptimizationResult
{
    /// <summary>Gets the cheapest point ($/1M output tokens) that meets the objective, or null when nothing does.</summary>
    public CurvePoint? Best => Candidates.Count > 0 ? Candidates[0] : null;

    /// <summary>Gets a value indicating whether some configuration meets the objective.</summary>
    public bool Feasible => Best is not null;

    /// <summary>Gets the objective searched for.</summary>
    public UserSpeedObjective Objective { get; internal init; } = null!;

    /// <summary>Gets, per configuration that meets the objective, its cheapest point that does, cheapest first.</summary>
    public IReadOnlyList<CurvePoint> Candidates { get; internal init; } = null!;

    /// <summary>Gets the point with the highest per-user speed among those evaluated (what comes closest when nothing is feasible), or null when nothing could be evaluated.</summary>
    public CurvePoint? Fastest { get; internal init; }

    /// <summary>Gets the number of operating points evaluated (configurations × concurrencies tried).</summary>
    public int Evaluated { get; internal init; }

    /// <summary>Gets the reasons configurations were skipped (hardware without a price, layouts that cannot be modelled, no memory for a KV cache).</summary>
    public IReadOnlyList<string> Skipped { get; internal init; } = null!;
}
