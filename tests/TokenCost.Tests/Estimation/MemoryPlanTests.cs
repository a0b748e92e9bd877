using TokenCost.Tests.Support;

namespace TokenCost.Tests.Estimation;

public class MemoryPlanTests
{
    [Fact]
    public void PlanMemory_Llama70BInt4OnH100_MaxBatchFromKvBudget()
    {
        // Capacity 80 GiB = 85,899,345,920 B; weights 36,364,615,680 + 2 × 524,288,000 (16-bit embedding and head) = 37,413,191,680 B;
        // reserve 2 GB; KV fraction 1 → budget 46,486,154,240 B. KV per sequence at 768 tokens = 768 × 327,680 = 251,658,240 B → 184.
        var config = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4");
        var plan = TestCatalog.IdealEstimator.PlanMemory(config, 768, 1);
        plan.WeightsPerDevice.Bytes.Should().Be(37_413_191_680);
        plan.KvCachePerSequence.Bytes.Should().Be(251_658_240);
        plan.KvCacheBudget.Bytes.Should().Be(46_486_154_240);
        plan.MaxBatch.Should().Be(184);
        plan.Fits.Should().BeTrue();
    }

    [Fact]
    public void PlanMemory_Llama70BBf16OnOneH100_DoesNotFit()
    {
        // 137.95 GB of 16-bit weights > 85.9 GB of HBM.
        var plan = TestCatalog.IdealEstimator.PlanMemory(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm"), 1024, 1);
        plan.MaxBatch.Should().Be(0);
        plan.Fits.Should().BeFalse();
    }

    [Fact]
    public void PlanMemory_BatchAboveMax_DoesNotFit()
    {
        var config = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4");
        TestCatalog.IdealEstimator.PlanMemory(config, 768, 185).Fits.Should().BeFalse();
    }

    [Fact]
    public void PlanMemory_TensorParallel_SplitsKvHeadsButReplicatesBelowOneHead()
    {
        // TP 8: one of 8 kv heads per device → 2 × 1 × 128 × 2 B × 80 layers = 40,960 B per token; TP 16 replicates (still 40,960 B).
        var tp8 = TestCatalog.IdealEstimator.PlanMemory(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", devices: 8), 1, 1);
        var tp16 = TestCatalog.IdealEstimator.PlanMemory(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", devices: 16), 1, 1);
        tp8.KvCachePerSequence.Bytes.Should().Be(40_960);
        tp16.KvCachePerSequence.Bytes.Should().Be(40_960);
    }

    [Fact]
    public void PlanMemory_Fp8KvCache_DoublesMaxBatch()
    {
        var bf16 = TestCatalog.IdealEstimator.PlanMemory(TestCatalog.Config("llama-3-8b", "nvidia_h100_sxm", kv: "bf16"), 4096, 1);
        var fp8 = TestCatalog.IdealEstimator.PlanMemory(TestCatalog.Config("llama-3-8b", "nvidia_h100_sxm", kv: "fp8"), 4096, 1);
        ((double)fp8.MaxBatch / bf16.MaxBatch).Should().BeApproximately(2, 0.02);
    }

    [Fact]
    public void PlanMemory_UnevenPipeline_SizesTheMostLoadedStage()
    {
        // 80 layers over 3 stages: the largest stage holds ⌈80/3⌉ = 27 layers → KV 27 × 2 × 8 × 128 × 2 B = 110,592 B per token.
        var plan = TestCatalog.IdealEstimator.PlanMemory(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", devices: 3, tp: 1, pp: 3), 1, 1);
        plan.KvCachePerSequence.Bytes.Should().Be(110_592);
    }
}
