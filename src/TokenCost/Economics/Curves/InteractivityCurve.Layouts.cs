using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Pricing;
using TokenCost.Serving.Layouts;
using TokenCost.Serving.Load;

namespace TokenCost.Economics.Curves;

/// <content>Curves over MoE serving layouts: expert parallelism, data-parallel attention and disaggregated prefill/decode pools.</content>
public sealed partial class InteractivityCurve
{
    /// <summary>Evaluates one operating point of a disaggregated prefill/decode deployment (without Pareto flags).</summary>
    /// <param name="context">The pricing context (all devices of both pools are priced).</param>
    /// <param name="deployment">The prefill and decode pools.</param>
    /// <param name="workload">The prompt and output tokens per request.</param>
    /// <param name="concurrency">Closed-loop clients of the whole deployment, ≥ 1.</param>
    /// <param name="lengthRangeRatio">The shortest request as a fraction of the nominal lengths, in (0, 1].</param>
    /// <returns>The point; <see cref="CurvePoint.Layout"/> is the pools' notation and per-device rates count both pools.</returns>
    /// <exception cref="ArgumentException">The deployment cannot run (no memory for a KV cache in the decode pool) or be priced.</exception>
    public static CurvePoint EvaluateDisaggregated(PricingContext context, DisaggregatedDeployment deployment, Workload workload, int concurrency, double lengthRangeRatio = 1)
    {
        ArgumentNullException.ThrowIfNull(context);
        var load = ServingLoad.Closed(concurrency) with { LengthRangeRatio = lengthRangeRatio };
        var report = context.Calculator.Calculate(context.LoadEstimator.Estimate(deployment, workload, load));
        var dc = context.DataCenter;
        return new CurvePoint
        {
            Report = report,
            Concurrency = concurrency,
            FacilityPowerPerDevice = report.Estimate.AveragePowerPerDevice is { } p ? p * (dc.ServerPowerOverhead * dc.PowerUsageEffectiveness) : null,
        };
    }

    /// <summary>
    /// Sweeps concurrency for each configuration and for the layouts <paramref name="layouts"/> derives from it (docs/economics.md,
    /// "Layout search"): every point of each single-replica layout (<see cref="LayoutSpace.Replicas"/>) is kept; of the disaggregated
    /// deployments (<see cref="LayoutSpace.Disaggregations"/>, many pool sizes) only the points on their own speed–cost front per
    /// configuration are kept (no other disaggregated point of that configuration is at least as fast per user and at most as costly per
    /// output token), each with its pools in <see cref="CurvePoint.Layout"/>. <paramref name="disaggregated"/> deployments given explicitly
    /// keep every point.
    /// </summary>
    /// <param name="context">The pricing context.</param>
    /// <param name="configurations">The deployments (each one replica's layout is the starting point of its variants).</param>
    /// <param name="layouts">The layouts to derive, for example <see cref="LayoutSpace.Default"/> or <see cref="LayoutSpace.None"/>.</param>
    /// <param name="workload">The prompt and output tokens per request (its batch is ignored).</param>
    /// <param name="concurrencies">Closed-loop clients of the whole deployment, each ≥ 1, or null for <see cref="DefaultConcurrencies"/>.</param>
    /// <param name="lengthRangeRatio">The shortest request as a fraction of the nominal lengths, in (0, 1].</param>
    /// <param name="disaggregated">Disaggregated deployments to sweep as given, or null for none.</param>
    /// <returns>The curve, Pareto flags set over all kept points; what cannot run or be priced is listed in <see cref="Skipped"/>.</returns>
    /// <exception cref="ArgumentException">No deployment or concurrency is given, a concurrency is below 1, or the sweep would evaluate more than <see cref="MaxPoints"/> points.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lengthRangeRatio"/> is not in (0, 1].</exception>
    public static InteractivityCurve SweepLayouts(
        PricingContext context,
        IEnumerable<DeploymentConfiguration> configurations,
        LayoutSpace layouts,
        Workload workload,
        IReadOnlyList<int>? concurrencies = null,
        double lengthRangeRatio = 1,
        IEnumerable<DisaggregatedDeployment>? disaggregated = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentNullException.ThrowIfNull(layouts);
        ArgumentNullException.ThrowIfNull(workload);
        Guard.PositiveFraction(lengthRangeRatio);
        var configs = configurations.ToList();
        var given = disaggregated?.ToList() ?? [];
        var levels = CheckConcurrencies(concurrencies ?? DefaultConcurrencies);
        if (configs.Count + given.Count == 0 || configs.Any(c => c is null) || given.Any(d => d is null))
        {
            throw new ArgumentException("give at least one configuration or disaggregated deployment, and no null ones.", nameof(configurations));
        }

        var families = configs.Select(c => (Replicas: layouts.Replicas(c), Pools: layouts.Disaggregations(c))).ToList();
        var deployments = families.Sum(f => (long)f.Replicas.Count + f.Pools.Count) + given.Count;
        if (deployments * levels.Count > MaxPoints)
        {
            throw new ArgumentException($"the sweep has {deployments * levels.Count} points ({deployments} deployments with their layouts × {levels.Count} concurrencies), more than the limit of {MaxPoints}; narrow it.", nameof(configurations));
        }

        var points = new List<CurvePoint>();
        var skipped = new List<string>();
        foreach (var (replicas, pools) in families)
        {
            foreach (var configuration in replicas)
            {
                try
                {
                    points.AddRange(levels.Select(concurrency => Evaluate(context, configuration, workload, concurrency, lengthRangeRatio)).ToList());
                }
                catch (ArgumentException ex)
                {
                    skipped.Add($"{Describe(configuration)}: {ex.Message.Split(" (Parameter", 2)[0]}");
                }
            }

            points.AddRange(PoolFront(context, pools, workload, levels, lengthRangeRatio, skipped));
        }

        foreach (var deployment in given)
        {
            try
            {
                points.AddRange(levels.Select(concurrency => EvaluateDisaggregated(context, deployment, workload, concurrency, lengthRangeRatio)).ToList());
            }
            catch (ArgumentException ex)
            {
                skipped.Add($"{deployment.Devices} × {deployment.Decode.Hardware.Id} ({deployment.Notation}) {deployment.Decode.Weights.Id}: {ex.Message.Split(" (Parameter", 2)[0]}");
            }
        }

        return new InteractivityCurve(Flag(points), skipped);
    }

    // The speed–cost front of all points of a family of disaggregated deployments (one worker configuration, every pool size and layout).
    private static List<CurvePoint> PoolFront(PricingContext context, IReadOnlyList<DisaggregatedDeployment> pools, Workload workload, List<int> levels, double ratio, List<string> skipped)
    {
        var points = new List<CurvePoint>();
        var failed = 0;
        string? reason = null;
        foreach (var deployment in pools)
        {
            try
            {
                points.AddRange(levels.Select(concurrency => EvaluateDisaggregated(context, deployment, workload, concurrency, ratio)).ToList());
            }
            catch (ArgumentException ex)
            {
                failed++;
                reason ??= ex.Message.Split(" (Parameter", 2)[0];
            }
        }

        if (failed > 0)
        {
            var d = pools[0].Decode;
            skipped.Add(FormattableString.Invariant($"{failed} of {pools.Count} disaggregated deployments of {d.DevicesPerReplica}-device {d.Hardware.Id} workers ({d.Weights.Id}): {reason}"));
        }

        var front = NonDomination.Flags(points.Select(p => p.OutputTokensPerSecondPerUser).ToList(), points.Select(p => -p.CostPerMillionOutputTokens.Usd).ToList());
        return points.Where((_, i) => front[i]).ToList();
    }
}
