using BenchmarkDotNet.Attributes;
using TokenCost.Catalogs;
using TokenCost.Pricing;
using TokenCost.Sweeps;

namespace TokenCost.Benchmarks;

/// <summary>The standard sweep (every catalog hardware × model × formats × TP 1-8 × shapes × batches) on all cores.</summary>
public class SweepBenchmarks
{
    private readonly SweepEngine _engine = new(PricingContext.Create(Catalog.Default));
    private SweepPlan _plan = null!;

    /// <summary>Gets or sets the number of configurations.</summary>
    [Params(1_000_000)]
    public long Points { get; set; }

    /// <summary>Plans the standard space with enough batches for <see cref="Points"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var plan = _engine.Plan(SweepSpace.Standard(Catalog.Default));
        var batches = (int)((Points + plan.Count - 1) / plan.Count);
        _plan = plan.WithBatches([.. Enumerable.Range(1, batches)]);
    }

    /// <summary>Runs the sweep, summarising only.</summary>
    /// <returns>The summary.</returns>
    [Benchmark]
    public SweepSummary Sweep() => _engine.Run(_plan, null, new SweepOptions { Limit = Points });

    /// <summary>Plans the standard space (prepares about 18,000 deployments).</summary>
    /// <returns>The plan.</returns>
    [Benchmark]
    public SweepPlan PlanStandardSpace() => _engine.Plan(SweepSpace.Standard(Catalog.Default));
}
