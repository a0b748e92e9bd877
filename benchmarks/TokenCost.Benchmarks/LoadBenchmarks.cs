using BenchmarkDotNet.Attributes;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Serving.Load;

namespace TokenCost.Benchmarks;

/// <summary>One load-aware operating point: Llama-3.3-70B FP8 on 8 × H200 (TP 8), vLLM, 1k/1k tokens, 64 closed-loop clients.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private static readonly PricingContext Context = PricingContext.Create(Catalog.Default);
    private readonly ContinuousBatchingEstimator _estimator = Context.LoadEstimator;
    private readonly TokenCostCalculator _calculator = Context.Calculator;
    private readonly Workload _workload = new() { InputTokens = 1024, OutputTokens = 1024 };
    private readonly ServingLoad _closed = ServingLoad.Closed(64) with { LengthRangeRatio = 0.8 };
    private readonly ServingLoad _poisson = ServingLoad.Poisson(5);
    private DeploymentConfiguration _configuration = null!;
    private LoadedEstimate _loaded = null!;

    /// <summary>Prepares the deployment.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _configuration = DeploymentConfiguration.Create(Catalog.Default, "llama-3.3-70b", "nvidia_h200_sxm", "fp8", kvCacheId: "fp8", stackId: "vllm", devices: 8);
        _loaded = _estimator.Estimate(_configuration, _workload, _closed);
    }

    /// <summary>The closed-loop steady state (fixed point over mixed iterations) with its static estimate and warnings.</summary>
    /// <returns>The loaded estimate.</returns>
    [Benchmark(Baseline = true)]
    public LoadedEstimate ClosedLoop() => _estimator.Estimate(_configuration, _workload, _closed);

    /// <summary>Poisson arrivals at 5 requests/s (fixed point on the running sequences, Erlang-C slot wait).</summary>
    /// <returns>The loaded estimate.</returns>
    [Benchmark]
    public LoadedEstimate Poisson() => _estimator.Estimate(_configuration, _workload, _poisson);

    /// <summary>Pricing the loaded point: $/1M input, output and total tokens.</summary>
    /// <returns>The report.</returns>
    [Benchmark]
    public LoadedCostReport Cost() => _calculator.Calculate(_loaded);
}
