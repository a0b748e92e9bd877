using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Pricing;

namespace TokenCost.Economics.Frontier;

/// <summary>
/// Sweeps batch sizes (and any set of configurations: formats, TP, hardware) and keeps the Pareto-optimal points:
/// time per output token vs $/1M output tokens, and per-user tokens/s vs tokens/s per device.
/// </summary>
/// <remarks>
/// This type is stateless and thread-safe. A point is dominated when another is no slower and no dearer and strictly better in one;
/// the latency–cost frontier is returned by rising latency, so its cost never rises as latency is allowed to rise.
/// </remarks>
public static partial class LatencyCostFrontier
{
    /// <summary>Gets the default batch sweep: powers of two from 1 up to <paramref name="maxBatch"/>, plus <paramref name="maxBatch"/> itself.</summary>
    /// <param name="maxBatch">The largest batch, ≥ 1.</param>
    /// <returns>The batch sizes, ascending and distinct.</returns>
    public static IReadOnlyList<int> BatchSizes(int maxBatch)
    {
        Guard.Positive(maxBatch);
        var list = new List<int>();
        for (var b = 1; b < maxBatch && b > 0; b *= 2)
        {
            list.Add(b);
        }

        list.Add(maxBatch);
        return list;
    }

    /// <summary>Evaluates every configuration at every batch that fits in memory (or at the default sweep up to its memory limit and the stack's scheduler cap).</summary>
    /// <param name="context">The pricing context whose estimator and cost calculator evaluate each point.</param>
    /// <param name="configurations">The configurations to sweep.</param>
    /// <param name="workload">The workload; its batch is ignored.</param>
    /// <param name="batches">The batch sizes to try, or null for <see cref="BatchSizes"/> up to each configuration's largest fitting batch.</param>
    /// <returns>Every fitting point, in sweep order.</returns>
    /// <exception cref="ArgumentException">A configuration cannot be priced (for example hardware without a catalog price).</exception>
    public static IReadOnlyList<FrontierPoint> Evaluate(PricingContext context, IEnumerable<DeploymentConfiguration> configurations, Workload workload, IReadOnlyList<int>? batches = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var estimator = context.Estimator;
        var calculator = context.Calculator;
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentNullException.ThrowIfNull(workload);
        var points = new List<FrontierPoint>();
        foreach (var configuration in configurations)
        {
            var auto = estimator.Estimate(configuration, workload with { Batch = null });
            if (auto.Memory.MaxBatch < 1)
            {
                continue;
            }

            foreach (var b in batches ?? BatchSizes(auto.Batch))
            {
                var estimate = estimator.Estimate(configuration, workload with { Batch = b });
                if (estimate.Memory.Fits)
                {
                    points.Add(new FrontierPoint { Report = calculator.Calculate(estimate) });
                }
            }
        }

        return points;
    }

    /// <summary>Keeps the points not dominated in (time per output token, $/1M output tokens), ordered by rising latency and falling cost.</summary>
    /// <param name="points">The evaluated points.</param>
    /// <returns>The Pareto frontier.</returns>
    public static IReadOnlyList<FrontierPoint> ParetoLatencyCost(IEnumerable<FrontierPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var frontier = new List<FrontierPoint>();
        foreach (var p in points.OrderBy(p => p.TimePerOutputToken.Seconds).ThenBy(p => p.CostPerMillionOutputTokens.Usd))
        {
            if (frontier.Count == 0 || p.CostPerMillionOutputTokens.Usd < frontier[^1].CostPerMillionOutputTokens.Usd)
            {
                frontier.Add(p);
            }
        }

        return frontier;
    }

    /// <summary>Keeps the points not dominated in (per-user tokens/s, tokens/s per device), both maximised, ordered by falling per-user speed.</summary>
    /// <param name="points">The evaluated points.</param>
    /// <returns>The Pareto frontier.</returns>
    public static IReadOnlyList<FrontierPoint> ParetoThroughput(IEnumerable<FrontierPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var frontier = new List<FrontierPoint>();
        foreach (var p in points.OrderByDescending(p => p.OutputTokensPerSecondPerUser.TokensPerSecond).ThenByDescending(p => p.DecodeTokensPerSecondPerDevice.TokensPerSecond))
        {
            if (frontier.Count == 0 || p.DecodeTokensPerSecondPerDevice.TokensPerSecond > frontier[^1].DecodeTokensPerSecondPerDevice.TokensPerSecond)
            {
                frontier.Add(p);
            }
        }

        return frontier;
    }
}
