using FluentAssertions;
using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Serving;
using TokenCost.Serving.Layouts;
using Xunit;

namespace TokenCost.Tests.Serving.Layouts;

public sealed class ServingLayoutTests
{
    private static DeploymentConfiguration R1(string hardware = "nvidia_h200_sxm", int devices = 8, ServingLayout? layout = null) =>
        DeploymentConfiguration.Create(Catalog.Default, "deepseek-r1", hardware, "fp8", kvCacheId: "fp8", devices: devices, tensorParallel: devices == 16 ? 16 : 8) with { Layout = layout ?? ServingLayout.TensorParallelOnly };

    private static readonly EfficiencyProfile Profile = new();

    [Fact]
    public void Catalog_CarriesTopology_WithScaleOutPerDirectionInBytes()
    {
        var h200 = Catalog.Default.GetHardware("nvidia_h200_sxm");
        h200.ScaleUpDomainDevices.Should().Be(8);
        h200.ScaleOutBandwidthPerDevice!.Value.BytesPerSecond.Should().Be(400e9 / 8); // 400 Gb/s NIC per GPU = 50 GB/s each way
        h200.NetworkSources.Should().NotBeEmpty();
        Catalog.Default.GetHardware("nvidia_gb200_per_gpu").ScaleUpDomainDevices.Should().Be(72);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void ExpertParallel_MustBePositive(int ep) =>
        FluentActions.Invoking(() => new ServingLayout { ExpertParallel = ep }).Should().Throw<ArgumentException>().WithParameterName("ExpertParallel");

    [Fact]
    public void ExpertParallel_MustDivideTensorParallel() =>
        FluentActions.Invoking(() => R1(layout: new ServingLayout { ExpertParallel = 3 }).Validate()).Should().Throw<ArgumentException>().WithMessage("*expert parallel (3)*");

    [Fact]
    public void ExpertParallel72_On256Experts_HoldsFourExpertSlotsPerDevice()
    {
        // ⌈256 ÷ 72⌉ = 4 experts per device (72 × 4 = 288 slots, 32 of them redundant copies): effective split 256 ÷ 4 = 64.
        var nvl72 = R1("nvidia_gb200_per_gpu", 8) with { Devices = 72, TensorParallel = 72, Layout = new ServingLayout { ExpertParallel = 72, AttentionDataParallel = true } };
        nvl72.Validate();
        RooflineEstimator.ExpertShards(nvl72).Should().Be(64);
    }

    [Fact]
    public void ExpertParallel_OnADenseModel_IsRejected()
    {
        var dense = DeploymentConfiguration.Create(Catalog.Default, "llama-3.3-70b", "nvidia_h200_sxm", "fp8", devices: 8) with { Layout = new ServingLayout { ExpertParallel = 8 } };
        FluentActions.Invoking(dense.Validate).Should().Throw<ArgumentException>().WithMessage("*no experts*");
    }

    [Fact]
    public void TensorParallelOnly_LeavesTheStepUnchanged()
    {
        var a = RooflineEstimator.Forward(R1(), 32, 1, 2048, Profile);
        var b = RooflineEstimator.Forward(R1(layout: new ServingLayout()), 32, 1, 2048, Profile);
        b.Time.Should().Be(a.Time);
    }

    [Fact]
    public void AttentionDataParallel_HoldsTpTimesTheMlaSequences_ButWholeAttentionWeights()
    {
        // MLA caches one latent per token for all heads: under TP every rank holds every sequence's latent, under DP-attention only its own.
        var tp = RooflineEstimator.PlanMemory(R1(), 4096, 1, Profile);
        var dp = RooflineEstimator.PlanMemory(R1(layout: new ServingLayout { ExpertParallel = 8, AttentionDataParallel = true }), 4096, 1, Profile);
        dp.WeightsPerDevice.Bytes.Should().BeGreaterThan(tp.WeightsPerDevice.Bytes);
        var m = R1().Model;
        var extra = (m.QkvParametersPerLayer + m.OutputProjectionParametersPerLayer) * m.Layers * 1.0 * 7 / 8; // fp8: 1 byte per parameter
        dp.WeightsPerDevice.Bytes.Should().BeApproximately(tp.WeightsPerDevice.Bytes + extra, 1e6);
        dp.MaxBatch.Should().Be((int)Math.Floor(dp.KvCacheBudget / dp.KvCachePerSequence) * 8);
        dp.MaxBatch.Should().BeGreaterThan(5 * tp.MaxBatch);
    }

    [Fact]
    public void ExpertImbalance_SlowsADecodeStep()
    {
        var even = RooflineEstimator.Forward(R1(layout: new ServingLayout { ExpertParallel = 8, ExpertLoadImbalance = 1 }), 256, 1, 2048, Profile);
        var skewed = RooflineEstimator.Forward(R1(layout: new ServingLayout { ExpertParallel = 8, ExpertLoadImbalance = 1.5 }), 256, 1, 2048, Profile);
        skewed.Time.Should().BeGreaterThan(even.Time);
    }

    [Fact]
    public void AllToAll_BeyondTheScaleUpDomain_PaysTheScaleOutLink()
    {
        var dp = new ServingLayout { ExpertParallel = 16, AttentionDataParallel = true };
        var inNode = RooflineEstimator.MoeAllToAllSeconds(R1("nvidia_gb200_per_gpu", 16, dp), 4096, Profile);
        var acrossNodes = RooflineEstimator.MoeAllToAllSeconds(R1("nvidia_b200", 16, dp), 4096, Profile);

        // Same 4096 tokens ÷ 16 devices, hidden 7168, 2 bytes, D = 16(1 − (15/16)^8) destinations, 15/16 remote, each way:
        // NVL72 at 900 GB/s per direction vs 50 GB/s of 400 Gb/s NIC: the byte term is 18× slower across nodes.
        acrossNodes.Should().BeGreaterThan(10 * inNode);
        RooflineEstimator.MoeAllToAllSeconds(R1(layout: new ServingLayout { ExpertParallel = 8 }), 4096, Profile).Should().Be(0, "with TP attention the FFN all-reduce combines the experts");
    }

    [Fact]
    public void Disaggregated_OnePrefillWorkerForManyDecodeWorkers_IsPrefillLimited()
    {
        var decode = R1(devices: 72 - 8); // eight decode workers of TP8
        var prefill = R1(devices: 8);
        double Step(double running) => RooflineEstimator.Iteration(decode, new SequenceGroup(running, 1, 8192), default, Profile).Time.Seconds;
        var longPrompts = DisaggregatedSolver.Solve(prefill, decode, Profile, 4096, 8192, 1024, Step);
        longPrompts.PrefillLimited.Should().BeTrue();
        longPrompts.RequestsPerSecond.Should().BeApproximately(longPrompts.PrefillCapacityRequestsPerSecond, 0.01 * longPrompts.PrefillCapacityRequestsPerSecond);
        longPrompts.BalancedPrefillReplicas.Should().BeApproximately(1, 0.02);

        var fewClients = DisaggregatedSolver.Solve(prefill, decode, Profile, 16, 1024, 1024, Step);
        fewClients.PrefillLimited.Should().BeFalse();
        fewClients.BalancedPrefillReplicas.Should().BeLessThan(1);
        fewClients.TtftSeconds.Should().BeGreaterThan(fewClients.KvTransferSeconds);
    }

    [Fact]
    public void KvTransfer_IsTheLatentCacheOverTheScaleOutLinks()
    {
        var decode = R1(devices: 16) with { TensorParallel = 8 };
        var prefill = R1(devices: 8);
        var seconds = DisaggregatedSolver.KvTransferSeconds(prefill, decode, 8192, Profile);

        // 8192 tokens × 61 layers × 576 latent elements × 1 byte = 288 MB over 8 NICs of 50 GB/s (× the link efficiency) + latency.
        var bytes = 8192.0 * 61 * 576;
        seconds.Should().BeApproximately(Profile.CollectiveLatency.Seconds + (bytes / (8 * 50e9 * Profile.InterconnectEfficiency)), 1e-9);
    }
}
