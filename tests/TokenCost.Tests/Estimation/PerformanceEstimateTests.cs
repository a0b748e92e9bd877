using TokenCost.Estimation;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Estimation;

public class PerformanceEstimateTests
{
    private static readonly RooflineEstimator Shipped = TestPricing.Default.Estimator;

    [Fact]
    public void Estimate_SeedHeadlineCase_IsMemoryBoundAboveTheFloor()
    {
        var config = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4");
        var e = Shipped.Estimate(config, new Workload());
        e.Bound.Should().Be(Bound.Memory);
        e.TimePerOutputToken.Milliseconds.Should().BeGreaterThan(11.01);
        e.Memory.Fits.Should().BeTrue();
    }

    [Fact]
    public void Estimate_RequestLatency_IsTtftPlusRemainingTokens()
    {
        var e = Shipped.Estimate(TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm"), new Workload { Batch = 4, InputTokens = 100, OutputTokens = 11 });
        e.RequestLatency.Seconds.Should().BeApproximately(e.TimeToFirstToken.Seconds + (10 * e.TimePerOutputToken.Seconds), 1e-12);
    }

    [Fact]
    public void Estimate_Throughput_ScalesWithReplicas()
    {
        var one = Shipped.Estimate(TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm"), new Workload { Batch = 8 });
        var four = Shipped.Estimate(TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm", devices: 4, tp: 1), new Workload { Batch = 8 });
        (four.DecodeTokensPerSecond / one.DecodeTokensPerSecond).Should().BeApproximately(4, 1e-9);
    }

    [Fact]
    public void Estimate_LargerBatch_RaisesThroughputWhileItFits()
    {
        var config = TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm");
        var small = Shipped.Estimate(config, new Workload { Batch = 1 });
        var large = Shipped.Estimate(config, new Workload { Batch = 64 });
        large.DecodeTokensPerSecond.Should().BeGreaterThan(small.DecodeTokensPerSecond);
        large.TimePerOutputToken.Should().BeGreaterThanOrEqualTo(small.TimePerOutputToken);
    }

    [Fact]
    public void Estimate_AutoBatch_UsesLargestThatFitsUpToSchedulerCap()
    {
        var config = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4");
        var e = Shipped.Estimate(config, new Workload { Batch = null });
        var cap = Shipped.ProfileFor(config).MaxBatch;
        e.Batch.Should().Be(Math.Min(e.Memory.MaxBatch, cap));
        e.Memory.Fits.Should().BeTrue();
    }

    [Fact]
    public void Estimate_NotFitting_WarnsAndSaysSo()
    {
        var e = Shipped.Estimate(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm"), new Workload());
        e.Memory.Fits.Should().BeFalse();
        e.Warnings.Should().Contain(w => w.Contains("does not fit", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_HardwareWithoutTdp_HasNoEnergyAndWarns()
    {
        var e = Shipped.Estimate(TestCatalog.Config("llama-3-8b", "google_tpu_v6e"), new Workload());
        e.EnergyPerOutputToken.Should().BeNull();
        e.Warnings.Should().Contain(w => w.Contains("TDP", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_EnergyPerToken_IsDecodePowerTimesTpotOverBatch()
    {
        var e = Shipped.Estimate(TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm"), new Workload { Batch = 16 });
        e.EnergyPerOutputToken!.Value.Joules.Should().BeApproximately(e.DecodePowerPerDevice!.Value.Watts * e.TimePerOutputToken.Seconds / 16, 1e-12);
    }

    [Fact]
    public void Workload_InvalidValues_ThrowNamingTheProperty()
    {
        var batch = () => new Workload { Batch = 0 };
        batch.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Batch");
        var input = () => new Workload { InputTokens = -1 };
        input.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("InputTokens");
    }

    [Fact]
    public void Estimate_ContextOverflow_ThrowsInsteadOfWrapping()
    {
        var act = () => Shipped.Estimate(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4"), new Workload { InputTokens = int.MaxValue, OutputTokens = 2 });
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("workload");
    }

    [Fact]
    public void Estimate_ContextBeyondModelMaximum_Warns()
    {
        // Llama-2-70B's maximum context is 4096 tokens.
        var e = Shipped.Estimate(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4"), new Workload { InputTokens = 8000, OutputTokens = 100 });
        e.Warnings.Should().Contain(w => w.Contains("maximum context of 4096", StringComparison.Ordinal));
    }
}
