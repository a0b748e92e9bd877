using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Estimation;

public class RooflineEstimatorTests
{
    private static readonly RooflineEstimator Ideal = TestCatalog.IdealEstimator;

    [Fact]
    public void Forward_Llama70BInt4DecodeAtBatch1_ReadsAllWeightsOnce()
    {
        // Block weights 68,451,041,280 × 0.53125 B = 36,364,615,680 B, plus the 16-bit LM head 262,144,000 × 2 = 524,288,000 B.
        var config = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4");
        var step = Ideal.Forward(config, 1, 1, 512);
        step.WeightBytesPerDevice.Bytes.Should().BeApproximately(36_888_903_680, 1);
    }

    [Fact]
    public void Forward_H100DecodeFloor_IsWeightsOverBandwidth()
    {
        // 36,888,903,680 B ÷ 3.35e12 B/s = 11.0116 ms: the least possible time per token at batch 1.
        var config = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4");
        var step = Ideal.Forward(config, 1, 1, 0);
        (step.WeightBytesPerDevice / config.Hardware.MemoryBandwidth).Milliseconds.Should().BeApproximately(11.0116, 1e-4);
        step.Time.Milliseconds.Should().BeGreaterThan(11.0116);
        step.Bound.Should().Be(Bound.Memory);
    }

    [Fact]
    public void Forward_KvBytes_AreGqaAware()
    {
        // Llama-2-70B: 2 × 8 kv heads × 128 × 2 B = 4096 B per token per layer; 80 layers → 327,680 B per token.
        // Decode at context c reads (c + 1) tokens and writes 1 token: batch 4, c = 999 → 4 × 1001 × 327,680 B.
        var config = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "fp8");
        var step = Ideal.Forward(config, 4, 1, 999);
        step.KvCacheBytesPerDevice.Bytes.Should().BeApproximately(4 * 1001 * 327_680.0, 1);
    }

    [Fact]
    public void Forward_KvBytes_FollowKvFormat()
    {
        var bf16 = Ideal.Forward(TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm", kv: "bf16"), 8, 1, 2048);
        var fp8 = Ideal.Forward(TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm", kv: "fp8"), 8, 1, 2048);
        (bf16.KvCacheBytesPerDevice / fp8.KvCacheBytesPerDevice).Should().BeApproximately(2, 1e-12);
    }

    [Fact]
    public void Forward_MoeDecodeAtBatch1_ReadsOnlyTouchedExperts()
    {
        // Mixtral at one token: 8 × (1 − 6/8) = 2 of 8 experts per layer. Weights read = 32 × (attention 41,943,040 + 2 × 176,160,768
        // + router 32,768) × 2 B + LM head 131,072,000 × 2 B; the embedding table is only looked up, not read whole.
        var config = TestCatalog.Config("mixtral-8x7b", "nvidia_h100_sxm");
        var step = Ideal.Forward(config, 1, 1, 0);
        step.WeightBytesPerDevice.Bytes.Should().BeApproximately((32 * (41_943_040.0 + (2 * 176_160_768.0) + 32_768) * 2) + 262_144_000, 1);
    }

    [Fact]
    public void Forward_MoeAtLargeBatch_ReadsAllExperts()
    {
        var config = TestCatalog.Config("mixtral-8x7b", "nvidia_h100_sxm", devices: 2);
        var small = Ideal.Forward(config, 1, 1, 0).WeightBytesPerDevice;
        var large = Ideal.Forward(config, 256, 1, 0).WeightBytesPerDevice;
        (large / small).Should().BeGreaterThan(3.0, "256 tokens touch all 8 experts while 1 token touches 2");
    }

    [Fact]
    public void Forward_AllReduceTime_FollowsRingFormula()
    {
        // TP 8, batch 1 decode: message 8192 × 2 B = 16,384 B; ring all-reduce 2 × 7/8 × 16,384 B ÷ 450 GB/s per direction = 63.716 ns;
        // 2 all-reduces per layer × 80 layers = 160 × 63.716 ns = 10.1945 µs (ideal profile: no latency, full link efficiency).
        var config = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", devices: 8);
        var step = Ideal.Forward(config, 1, 1, 0);
        step.CommunicationTime.Microseconds.Should().BeApproximately(160 * (2 * 7.0 / 8 * 16_384 / 450e9) * 1e6, 1e-6);
    }

    [Fact]
    public void Forward_AllReduceLatency_AddsTwicePerLayer()
    {
        // 8 µs per all-reduce × 2 × 80 layers = 1.28 ms on top of the bandwidth term.
        var profile = TestCatalog.Ideal with { CollectiveLatency = TimeInterval.FromMicroseconds(8) };
        var estimator = new RooflineEstimator(new ServingProfiles { Defaults = profile });
        var config = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", devices: 8);
        var delta = estimator.Forward(config, 1, 1, 0).CommunicationTime - Ideal.Forward(config, 1, 1, 0).CommunicationTime;
        delta.Milliseconds.Should().BeApproximately(1.28, 1e-9);
    }

    [Fact]
    public void Forward_TensorParallel_DividesWeightBytesPerDevice()
    {
        var one = Ideal.Forward(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "fp8"), 1, 1, 0).WeightBytesPerDevice;
        var four = Ideal.Forward(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "fp8", devices: 4), 1, 1, 0).WeightBytesPerDevice;
        (one / four).Should().BeApproximately(4, 1e-9);
    }

    [Fact]
    public void Forward_PrefillOfLongPrompt_IsComputeBound()
    {
        var step = Ideal.Forward(TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm"), 8, 2048, 0);
        step.Bound.Should().Be(Bound.Compute);
    }

    [Fact]
    public void Forward_PrefillFlops_AreTwicePerParameterPerTokenPlusCausalAttention()
    {
        // Llama-3-8B, 1 × 1024 tokens: linear 2 × 1024 × 6,979,321,856 (blocks) + LM head 2 × 1 × 525,336,576,
        // attention 4 × 32 heads × 128 × 1024 × (0 + 1025/2) per layer × 32 layers.
        var m = TestCatalog.Catalog.GetModel("llama-3-8b");
        var step = Ideal.Forward(TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm"), 1, 1024, 0);
        var expected = (2.0 * 1024 * m.BlockLinearParameters) + (2.0 * m.EmbeddingParameters) + (32 * 4.0 * 32 * 128 * 1024 * 512.5);
        step.FlopsPerDevice.Flops.Should().BeApproximately(expected, expected * 1e-12);
    }

    [Fact]
    public void Forward_Fp8Activations_UseFp8Peak()
    {
        var bf16 = Ideal.Forward(TestCatalog.Config("llama-3-8b", "nvidia_h100_sxm", "bf16"), 16, 2048, 0);
        var fp8 = Ideal.Forward(TestCatalog.Config("llama-3-8b", "nvidia_h100_sxm", "fp8"), 16, 2048, 0);
        (bf16.ComputeBoundTime / fp8.ComputeBoundTime).Should().BeGreaterThan(1.6, "fp8 matmuls run at 2× the bf16 peak (attention stays 16-bit)");
    }

    [Fact]
    public void Forward_OverheadsFromProfile_AreAdded()
    {
        // 80 layers × 5 µs + 0.5 ms step = 0.9 ms.
        var profile = TestCatalog.Ideal with { LayerOverhead = TimeInterval.FromMicroseconds(5), StepOverhead = TimeInterval.FromMilliseconds(0.5) };
        var estimator = new RooflineEstimator(new ServingProfiles { Defaults = profile });
        var config = TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4");
        var step = estimator.Forward(config, 1, 1, 0);
        step.OverheadTime.Milliseconds.Should().BeApproximately(0.9, 1e-12);
        (step.Time - Ideal.Forward(config, 1, 1, 0).Time).Milliseconds.Should().BeApproximately(0.9, 1e-9);
    }

    [Fact]
    public void Forward_TimeIsTheSumOfItsParts()
    {
        var s = TestPricing.Default.Estimator.Forward(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "fp8", devices: 4), 32, 1, 1000);
        s.Time.Seconds.Should().BeApproximately((s.MemoryBoundTime + s.ComputeBoundTime + s.CommunicationTime + s.OverheadTime).Seconds, 1e-15);
    }

    [Fact]
    public void Forward_PipelineParallel_AddsHandOffs()
    {
        var pp = Ideal.Forward(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "fp8", devices: 2, tp: 1, pp: 2), 1, 1, 0);
        pp.CommunicationTime.Should().BeGreaterThan(TimeInterval.Zero);
    }

    [Fact]
    public void Forward_ContextGrows_DecodeGetsSlower()
    {
        var config = TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm");
        Ideal.Forward(config, 64, 1, 8000).Time.Should().BeGreaterThan(Ideal.Forward(config, 64, 1, 1000).Time);
    }

    [Fact]
    public void Forward_InvalidBatch_Throws()
    {
        var act = () => Ideal.Forward(TestCatalog.Config("llama-3-8b", "nvidia_h200_sxm"), 0, 1, 0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
