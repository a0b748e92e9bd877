using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Pricing;
using TokenCost.Rendering;
using TokenCost.Serving.Load;

namespace TokenCost.Economics.Curves;

/// <summary>
/// The interactivity–throughput curve buyers read: one or more deployments swept over closed-loop concurrency under continuous batching,
/// each point with per-user speed, TTFT, TPOT, throughput per device, $/1M tokens, tokens/s per MW and its Pareto flags.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Each point is <see cref="ContinuousBatchingEstimator.Estimate(DeploymentConfiguration, Workload, ServingLoad)"/> with
/// <see cref="ServingLoad.Closed(int)"/>, priced by <see cref="TokenCostCalculator.Calculate(LoadedEstimate)"/>: raising concurrency fills
/// the batch, so throughput per device rises and the speed each user sees falls.</para>
/// <para>Facility power per device is the data-centre model's: the mean board power at the operating point × server overhead × PUE
/// (the same power <see cref="EnergyCost"/> charges). The price tiers' all-in kW are not used: they are fixed provisioning figures on two
/// different bases, not the power at the operating point (docs/costs.md, "Price tiers").</para>
/// <para><see cref="CurvePoint.OnParetoFront"/> is computed per hardware on (per-user output tokens/s, output tokens/s per device), both maximised;
/// <see cref="CurvePoint.OnCostParetoFront"/> over the whole sweep on (per-user output tokens/s maximised, $/1M output tokens minimised).</para>
/// </remarks>
[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = [RenderedView.HtmlMimeType])]
public sealed partial class InteractivityCurve
{
    /// <summary>The largest number of operating points one sweep may evaluate (configurations × concurrencies).</summary>
    public const int MaxPoints = 20_000;

    private InteractivityCurve(IReadOnlyList<CurvePoint> points, IReadOnlyList<string> skipped)
    {
        Points = points;
        Skipped = skipped;
    }

    /// <summary>Gets the default concurrency sweep: 4, 8, 16, 32, 64, 128 clients.</summary>
    public static IReadOnlyList<int> DefaultConcurrencies { get; } = [4, 8, 16, 32, 64, 128];

    /// <summary>Gets the evaluated points, in sweep order (configuration, then rising concurrency).</summary>
    public IReadOnlyList<CurvePoint> Points { get; }

    /// <summary>Gets why configurations were left out (no memory for a KV cache, no price for the hardware, a layout that cannot be modelled).</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>Gets the points on their hardware's Pareto front, ordered by hardware then falling per-user speed.</summary>
    public IReadOnlyList<CurvePoint> ParetoFront =>
        Points.Where(p => p.OnParetoFront).OrderBy(p => p.Configuration.Hardware.Id, StringComparer.Ordinal).ThenByDescending(p => p.OutputTokensPerSecondPerUser).ToList();

    /// <summary>Sweeps concurrency for each configuration.</summary>
    /// <param name="context">The pricing context: continuous-batching estimator, cost model and data-centre parameters (which also give the facility power).</param>
    /// <param name="configurations">The deployments (hardware, devices, tensor parallelism, formats, stack).</param>
    /// <param name="workload">The prompt and output tokens per request (its batch is ignored).</param>
    /// <param name="concurrencies">Closed-loop clients of the whole deployment, each ≥ 1, or null for <see cref="DefaultConcurrencies"/>.</param>
    /// <param name="lengthRangeRatio">The shortest request as a fraction of the nominal lengths, in (0, 1] (see <see cref="ServingLoad.LengthRangeRatio"/>).</param>
    /// <returns>The curve; configurations that cannot run or be priced are listed in <see cref="Skipped"/>.</returns>
    /// <exception cref="ArgumentException">No configuration or concurrency is given, a concurrency is below 1, or the sweep has more than <see cref="MaxPoints"/> points.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lengthRangeRatio"/> is not in (0, 1].</exception>
    public static InteractivityCurve Sweep(
        PricingContext context,
        IEnumerable<DeploymentConfiguration> configurations,
        Workload workload,
        IReadOnlyList<int>? concurrencies = null,
        double lengthRangeRatio = 1)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(configurations);
        ArgumentNullException.ThrowIfNull(workload);
        Guard.PositiveFraction(lengthRangeRatio);
        var configs = configurations.ToList();
        var levels = CheckConcurrencies(concurrencies ?? DefaultConcurrencies);
        if (configs.Count == 0 || configs.Any(c => c is null))
        {
            throw new ArgumentException("give at least one configuration and no null ones.", nameof(configurations));
        }

        if ((long)configs.Count * levels.Count > MaxPoints)
        {
            throw new ArgumentException($"the sweep has {(long)configs.Count * levels.Count} points ({configs.Count} configurations × {levels.Count} concurrencies), more than the limit of {MaxPoints}; narrow it.", nameof(configurations));
        }

        var points = new List<CurvePoint>();
        var skipped = new List<string>();
        foreach (var configuration in configs)
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

        return new InteractivityCurve(Flag(points), skipped);
    }

    /// <summary>Evaluates one operating point (without Pareto flags, which need the whole sweep).</summary>
    /// <param name="context">The pricing context.</param>
    /// <param name="configuration">The deployment.</param>
    /// <param name="workload">The prompt and output tokens per request.</param>
    /// <param name="concurrency">Closed-loop clients of the whole deployment, ≥ 1.</param>
    /// <param name="lengthRangeRatio">The shortest request as a fraction of the nominal lengths, in (0, 1].</param>
    /// <returns>The point.</returns>
    /// <exception cref="ArgumentException">The configuration cannot run (no memory for a KV cache) or be priced.</exception>
    public static CurvePoint Evaluate(PricingContext context, DeploymentConfiguration configuration, Workload workload, int concurrency, double lengthRangeRatio = 1)
    {
        ArgumentNullException.ThrowIfNull(context);
        var load = ServingLoad.Closed(concurrency) with { LengthRangeRatio = lengthRangeRatio };
        var report = context.Price(configuration, workload, load);
        var dc = context.DataCenter;
        return new CurvePoint
        {
            Report = report,
            Concurrency = concurrency,
            FacilityPowerPerDevice = report.Estimate.AveragePowerPerDevice is { } p ? p * (dc.ServerPowerOverhead * dc.PowerUsageEffectiveness) : null,
        };
    }

    /// <summary>Sets the Pareto flags of a set of points (per hardware in speed × throughput per device; over all points in speed × cost).</summary>
    /// <param name="points">The points.</param>
    /// <returns>The points with <see cref="CurvePoint.OnParetoFront"/> and <see cref="CurvePoint.OnCostParetoFront"/> set, in the same order.</returns>
    public static IReadOnlyList<CurvePoint> Flag(IReadOnlyList<CurvePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var front = new bool[points.Count];
        foreach (var group in Enumerable.Range(0, points.Count).GroupBy(i => points[i].Configuration.Hardware.Id, StringComparer.Ordinal))
        {
            var indices = group.ToList();
            var flags = NonDomination.Flags(
                indices.Select(i => points[i].OutputTokensPerSecondPerUser).ToList(),
                indices.Select(i => points[i].OutputTokensPerSecondPerDevice).ToList());
            for (var k = 0; k < indices.Count; k++)
            {
                front[indices[k]] = flags[k];
            }
        }

        var cost = NonDomination.Flags(
            points.Select(p => p.OutputTokensPerSecondPerUser).ToList(),
            points.Select(p => -p.CostPerMillionOutputTokens.Usd).ToList());
        return points.Select((p, i) => p with { OnParetoFront = front[i], OnCostParetoFront = cost[i] }).ToList();
    }

    private static List<int> CheckConcurrencies(IReadOnlyList<int> concurrencies)
    {
        if (concurrencies.Count == 0)
        {
            throw new ArgumentException("give at least one concurrency.", nameof(concurrencies));
        }

        foreach (var c in concurrencies)
        {
            Guard.Positive(c, nameof(concurrencies));
        }

        return concurrencies.Distinct().Order().ToList();
    }

    private static string Describe(DeploymentConfiguration c) =>
        FormattableString.Invariant($"{c.Devices} × {c.Hardware.Id} ({c.LayoutNotation}) {c.Weights.Id}");
}
