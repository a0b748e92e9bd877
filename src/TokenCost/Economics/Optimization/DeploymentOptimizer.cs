using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Economics.Frontier;
using TokenCost.Estimation;
using TokenCost.Pricing;

namespace TokenCost.Economics.Optimization;

/// <summary>
/// Finds the cheapest configuration ($/1M output tokens) across the catalog — hardware, device count (tensor parallel), weight format
/// and batch — that fits in memory and meets a service-level objective.
/// </summary>
/// <remarks>
/// This type is stateless and thread-safe. Exhaustive search over the space; hardware the cost model cannot price (no catalog cloud
/// price under the default rental model) is skipped and listed in <see cref="OptimizationResult.Skipped"/>, as are layouts the
/// estimator cannot model (no interconnect for TP &gt; 1, format not in the catalog). TTFT is the prefill of the whole batch.
/// </remarks>
public static partial class DeploymentOptimizer
{
    /// <summary>Searches the space.</summary>
    /// <param name="context">The pricing context: catalog searched, estimator and cost calculator.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="workload">The workload (prompt and output tokens; its batch is ignored).</param>
    /// <param name="objective">The limits.</param>
    /// <param name="space">The search space, or null for the default.</param>
    /// <returns>The result; <see cref="OptimizationResult.Feasible"/> is false when nothing meets the objective.</returns>
    /// <exception cref="UnknownIdException">The model or a listed hardware id is not in the catalog.</exception>
    public static OptimizationResult Optimize(PricingContext context, string modelId, Workload workload, ServiceLevelObjective objective, OptimizerSearchSpace? space = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var catalog = context.Catalog;
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(objective);
        space ??= new OptimizerSearchSpace();
        catalog.GetModel(modelId);
        var skipped = new List<string>();
        var configurations = Configurations(catalog, modelId, space, skipped);

        var points = new List<FrontierPoint>();
        foreach (var group in configurations.GroupBy(c => c.Hardware.Id, StringComparer.Ordinal))
        {
            try
            {
                points.AddRange(LatencyCostFrontier.Evaluate(context, group, workload, space.Batches));
            }
            catch (ArgumentException ex)
            {
                skipped.Add($"{group.Key}: {ex.Message.Split(" (Parameter", 2)[0]}");
            }
        }

        var feasible = points.Where(p => Meets(p, objective, space)).ToList();
        return new OptimizationResult
        {
            Best = feasible.OrderBy(p => p.CostPerMillionOutputTokens.Usd).ThenBy(p => p.TimePerOutputToken.Seconds).FirstOrDefault(),
            Fastest = points.OrderBy(p => p.TimePerOutputToken.Seconds).FirstOrDefault(),
            Objective = objective,
            Evaluated = points.Count,
            FeasibleCount = feasible.Count,
            Skipped = skipped,
        };
    }

    /// <summary>Checks one point against an objective: it fits, TPOT ≤ limit, TTFT ≤ limit (when set), quality ≥ minimum (when set).</summary>
    /// <param name="point">The point.</param>
    /// <param name="objective">The objective.</param>
    /// <param name="space">The search space (for its quality hook), or null.</param>
    /// <returns>Whether the point meets the objective.</returns>
    public static bool Meets(FrontierPoint point, ServiceLevelObjective objective, OptimizerSearchSpace? space = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(objective);
        if (!point.Fits || point.TimePerOutputToken > objective.MaxTimePerOutputToken)
        {
            return false;
        }

        if (objective.MaxTimeToFirstToken is { } ttft && point.TimeToFirstToken > ttft)
        {
            return false;
        }

        return objective.MinQuality is not double min || (space?.Quality?.Invoke(point.Configuration) is double q && q >= min);
    }
}
