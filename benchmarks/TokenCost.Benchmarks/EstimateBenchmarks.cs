using BenchmarkDotNet.Attributes;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quantities;

namespace TokenCost.Benchmarks;

/// <summary>One configuration: the allocation-free fast path, the full estimate, and pricing it.</summary>
[MemoryDiagnoser]
public class EstimateBenchmarks
{
    private static readonly PricingContext Context = PricingContext.Create(Catalog.Default);
    private readonly RooflineEstimator _estimator = Context.Estimator;
    private readonly TokenCostCalculator _calculator = Context.Calculator;
    private readonly Workload _workload = new() { Batch = 16, InputTokens = 2048, OutputTokens = 512 };
    private readonly HourlyRate _price = HourlyRate.FromUsdPerHour(2.5);
    private DeploymentConfiguration _configuration = null!;
    private PreparedDeployment _prepared = null!;
    private PerformanceEstimate _estimate = null!;

    /// <summary>Prepares Llama-2-70B int4 on two H100 SXM (TP 2).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _configuration = DeploymentConfiguration.Create(Catalog.Default, "llama-2-70b", "nvidia_h100_sxm", "int4", devices: 2);
        _prepared = _estimator.Prepare(_configuration);
        _estimate = _estimator.Estimate(_configuration, _workload);
    }

    /// <summary>The fast path: one summary of a prepared deployment (TTFT, TPOT, throughput, fit, bound, $/1M).</summary>
    /// <returns>The summary.</returns>
    [Benchmark(Baseline = true)]
    public EstimateSummary SingleEstimate() => _estimator.Summarize(_prepared, 16, 2048, 512, _price);

    /// <summary>The full estimate with memory plan, step breakdowns, power and warnings.</summary>
    /// <returns>The estimate.</returns>
    [Benchmark]
    public PerformanceEstimate FullEstimate() => _estimator.Estimate(_configuration, _workload);

    /// <summary>Pricing an estimate with the default cost model (rental, energy, serving overhead).</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public TokenCostReport Cost() => _calculator.Calculate(_estimate);
}
