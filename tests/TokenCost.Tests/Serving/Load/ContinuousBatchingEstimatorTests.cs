using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Serving.Load;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Serving.Load;

public class ContinuousBatchingEstimatorTests
{
    private static readonly ContinuousBatchingEstimator Shipped = TestPricing.Default.LoadEstimator;
    private static readonly DeploymentConfiguration H200Tp8 = TestCatalog.Config("llama-3.3-70b", "nvidia_h200_sxm", "fp8", devices: 8, tp: 8, kv: "fp8") with { Stack = TestCatalog.Catalog.GetStack("vllm") };
    private static readonly Workload OneKOneK = new() { InputTokens = 1024, OutputTokens = 1024 };

    [Fact]
    public void Closed_TpotRisesWithConcurrency()
    {
        var tpots = new[] { 1, 4, 16, 64, 256 }.Select(c => Shipped.Estimate(H200Tp8, OneKOneK, ServingLoad.Closed(c)).MeanTimePerOutputToken.Seconds).ToList();
        tpots.Should().BeInAscendingOrder();
        tpots[^1].Should().BeGreaterThan(tpots[0] * 1.5);
    }

    [Fact]
    public void Closed_ThroughputPerDeviceRisesThenSaturates()
    {
        var config = TestCatalog.Config("llama-3.3-70b", "nvidia_h100_sxm", "fp8", devices: 2, tp: 2, kv: "fp8") with { Stack = TestCatalog.Catalog.GetStack("vllm") };
        var workload = new Workload { InputTokens = 8192, OutputTokens = 1024 };
        var rates = new[] { 1, 4, 16, 64, 256, 1024 }.Select(c => Shipped.Estimate(config, workload, ServingLoad.Closed(c))).ToList();
        var perDevice = rates.Select(r => r.TotalTokensPerSecondPerDevice).ToList();
        perDevice[1].Should().BeGreaterThan(perDevice[0] * 2, "four clients share the weight reads of one");
        perDevice[3].Should().BeGreaterThan(perDevice[1]);
        // Beyond the KV-cache capacity more clients only queue: throughput stays at the capacity and TTFT grows.
        rates[^1].KvCacheLimited.Should().BeTrue();
        rates[^2].KvCacheLimited.Should().BeTrue();
        perDevice[^1].Should().BeApproximately(perDevice[^2], perDevice[^2] * 0.02);
        rates[^1].MeanTimeToFirstToken.Should().BeGreaterThan(rates[^2].MeanTimeToFirstToken * 3);
        rates[^1].RunningSequences.Should().Be(rates[^1].MaxRunningSequences);
    }

    [Fact]
    public void Closed_FewClients_AreNotKvLimited()
    {
        var e = Shipped.Estimate(H200Tp8, OneKOneK, ServingLoad.Closed(4));
        e.KvCacheLimited.Should().BeFalse();
        e.RunningSequences.Should().Be(4);
        e.Saturated.Should().BeFalse();
    }

    [Fact]
    public void Closed_LongPromptsStallDecoding()
    {
        // The same concurrency with 8k prompts: prefill chunks share the iterations, so TPOT exceeds the decode-only iteration.
        var e = Shipped.Estimate(H200Tp8, new Workload { InputTokens = 8192, OutputTokens = 1024 }, ServingLoad.Closed(32));
        e.PrefillIterationFraction.Should().BeInRange(0.01, 1);
        e.MixedIterationTime.Should().BeGreaterThan(e.DecodeIterationTime * 5);
        e.MeanTimePerOutputToken.Should().BeGreaterThan(e.DecodeIterationTime * 1.2);
        e.MeanTimeToFirstToken.Should().BeGreaterThanOrEqualTo(e.MixedIterationTime);
    }

    [Fact]
    public void Closed_ThroughputIdentities()
    {
        var load = ServingLoad.Closed(16) with { LengthRangeRatio = 0.8 };
        var e = Shipped.Estimate(H200Tp8, OneKOneK, load);
        e.MeanInputTokens.Should().BeApproximately(921.6, 1e-9);
        e.MeanOutputTokens.Should().BeApproximately(921.6, 1e-9);
        e.TotalTokensPerSecondPerDevice.Should().BeApproximately(e.InputTokensPerSecondPerDevice + e.OutputTokensPerSecondPerDevice, 1e-9);
        e.OutputTokensPerSecondPerDevice.Should().BeApproximately(e.RequestsPerSecondPerReplica * 921.6 / 8, 1e-6);
        e.OutputTokensPerSecondPerUser.Should().BeApproximately(1 / e.MedianTimePerOutputToken.Seconds, 1e-9);
        // Little's law closes the loop: 16 clients = requests/s × request latency.
        (e.RequestsPerSecondPerReplica * e.MeanRequestLatency.Seconds).Should().BeApproximately(16, 0.05);
    }

    [Fact]
    public void Poisson_BelowCapacity_CompletesTheOfferedRateAndQueuesBeyondIt()
    {
        var capacity = Shipped.Estimate(H200Tp8, OneKOneK, ServingLoad.Offline).RequestsPerSecondPerReplica;
        var light = Shipped.Estimate(H200Tp8, OneKOneK, ServingLoad.Poisson(capacity * 0.2));
        light.RequestsPerSecondPerReplica.Should().BeApproximately(capacity * 0.2, capacity * 1e-6);
        light.Saturated.Should().BeFalse();
        var heavy = Shipped.Estimate(H200Tp8, OneKOneK, ServingLoad.Poisson(capacity * 0.7));
        heavy.MeanTimePerOutputToken.Should().BeGreaterThan(light.MeanTimePerOutputToken);
        var over = Shipped.Estimate(H200Tp8, OneKOneK, ServingLoad.Poisson(capacity * 3));
        over.Saturated.Should().BeTrue();
        over.Warnings.Should().Contain(w => w.Contains("capacity", StringComparison.Ordinal));
    }

    [Fact]
    public void Static_MatchesTheRooflineEstimate()
    {
        var workload = OneKOneK with { Batch = 8 };
        var e = Shipped.Estimate(H200Tp8, workload, ServingLoad.Static);
        var s = Shipped.Estimator.Estimate(H200Tp8, workload);
        e.MeanTimePerOutputToken.Should().Be(s.TimePerOutputToken);
        e.MeanTimeToFirstToken.Should().Be(s.TimeToFirstToken);
        e.RunningSequences.Should().Be(8);
    }

    [Fact]
    public void Cost_TotalTokenCostSplitsIntoInputAndOutput()
    {
        var e = Shipped.Estimate(H200Tp8, new Workload { InputTokens = 8192, OutputTokens = 1024 }, ServingLoad.Closed(32));
        var report = TestPricing.Default.Calculator.Calculate(e);
        var inPerHour = e.InputTokensPerSecondPerDevice * 8 * 3600;
        var outPerHour = e.OutputTokensPerSecondPerDevice * 8 * 3600;
        var total = report.CostPerMillionTotalTokens.Usd * (inPerHour + outPerHour);
        var parts = (report.CostPerMillionInputTokens.Usd * inPerHour) + (report.CostPerMillionOutputTokens.Usd * outPerHour);
        parts.Should().BeApproximately(total, total * 1e-9);
        report.InputTimeShare.Should().BeInRange(0.01, 0.99);
        report.TotalCostPerHour.UsdPerHour.Should().BeApproximately(report.CostPerMillionTotalTokens.Usd * (inPerHour + outPerHour) / 1e6, 1e-6);
    }
}
