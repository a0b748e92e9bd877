using TokenCost.Economics.Curves;
using TokenCost.Economics.Optimization;

namespace TokenCost.Economics.Frontier;

/// <content>The speed–cost frontier under continuous batching.</content>
public static partial class LatencyCostFrontier
{
    /// <summary>
    /// Keeps the loaded operating points not dominated in (per-user output tokens/s, maximised; $/1M output tokens, minimised) and, when an
    /// objective is given, that meet it; ordered by falling per-user speed and falling cost.
    /// </summary>
    /// <param name="points">The points of one or more interactivity–throughput sweeps (<see cref="InteractivityCurve.Points"/>).</param>
    /// <param name="objective">The per-user limits the points must meet first, or null for none.</param>
    /// <returns>The frontier: for any speed floor s, the cheapest point with at least s tokens/s per user is the last frontier point whose speed is ≥ s.</returns>
    public static IReadOnlyList<CurvePoint> ParetoSpeedCost(IEnumerable<CurvePoint> points, UserSpeedObjective? objective = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var frontier = new List<CurvePoint>();
        foreach (var p in points.Where(p => objective?.IsMetBy(p) ?? true)
                     .OrderByDescending(p => p.OutputTokensPerSecondPerUser)
                     .ThenBy(p => p.CostPerMillionOutputTokens.Usd))
        {
            if (frontier.Count == 0 || p.CostPerMillionOutputTokens.Usd < frontier[^1].CostPerMillionOutputTokens.Usd)
            {
                frontier.Add(p);
            }
        }

        return frontier;
    }
}
