using TokenCost.Estimation;
using TokenCost.Speculative;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Estimation;

/// <summary>MLA, sliding windows, dense + MoE layer mixes, mixed-precision experts and MTP in the estimator (docs/roofline.md, "Modern attention and MoE layouts").</summary>
public class ModernLayoutTests
{
    private static readonly RooflineEstimator Ideal = TestCatalog.IdealEstimator;

    [Fact]
    public void DeepSeek_LatentKvCache_IsTheWholeLatentOnEveryRank()
    {
        // 9216 tokens × 61 layers × (512 + 64) × 2 B = 647,626,752 B per sequence on each of the 8 ranks (not divided by TP).
        var config = TestCatalog.Config("deepseek-r1", "nvidia_h200_sxm", "fp8", devices: 8) with { KvCache = TestCatalog.Catalog.GetFormat("bf16") };
        var plan = Ideal.PlanMemory(config, 9216, 1);
        plan.KvCachePerSequence.Bytes.Should().BeApproximately(9216.0 * 61 * 576 * 2, 1);

        // A per-head cache (2 × 128 heads × 192 ÷ 8 ranks = 6144 values per token per layer) would be 10.7 × larger per rank.
        var perHead = 9216.0 * 61 * 2 * (128 / 8.0) * 192 * 2;
        (perHead / plan.KvCachePerSequence.Bytes).Should().BeApproximately(10.67, 0.01);
        plan.MaxBatch.Should().BeGreaterThan(40, "a latent cache leaves room for far more than the 10–20 sequences of a per-head cache");
    }

    [Fact]
    public void DeepSeek_DecodeUsesTheAbsorbedForm_PrefillTheExpandedOne()
    {
        var m = TestCatalog.Catalog.GetModel("deepseek-r1");
        var config = TestCatalog.Config("deepseek-r1", "nvidia_h200_sxm", "fp8", devices: 8);
        // Decode, batch 1, context 4095: attention FLOPs per layer = 2 × 16 heads × 4096 positions × (2·512 + 64) (absorbed),
        // cheaper than the expanded 2 × 16 × 4096 × (192 + 128) plus up-projecting 4095 latents (2 × 4095 × 16,777,216 ÷ 8).
        var decode = Ideal.Forward(config, 1, 1, 4095);
        var absorbed = 2.0 * 16 * 4096 * 1088;
        var linear = decode.FlopsPerDevice.Flops - (61 * absorbed);
        linear.Should().BeGreaterThan(0);
        var dense = (2.0 * m.ActiveParametersPerToken / 8) - (2.0 * m.EmbeddingParameters / 8); // every matmul of one token, per rank
        linear.Should().BeApproximately(dense, dense * 0.01);
    }

    [Fact]
    public void GptOss_WindowedLayers_HoldAndReadAtMostTheWindow()
    {
        var config = TestCatalog.Config("gpt-oss-120b", "nvidia_h200_sxm", "bf16");
        // 18 full layers × 8192 + 18 windowed × 128 positions, 2 × 8 × 64 values, 2 B each.
        Ideal.PlanMemory(config, 8192, 1).KvCachePerSequence.Bytes.Should().BeApproximately(((18 * 8192.0) + (18 * 128)) * 1024 * 2, 1);

        var noWindow = config with { Model = config.Model with { SlidingWindow = 0, SlidingWindowLayers = 0 } };
        var windowed = Ideal.Forward(config, 8, 1, 8191);
        var full = Ideal.Forward(noWindow, 8, 1, 8191);
        // Decode reads (8192 positions + 1 written) per full layer and (128 + 1) per windowed one.
        windowed.KvCacheBytesPerDevice.Bytes.Should().BeApproximately(8 * 2048.0 * ((18 * 8193) + (18 * 129)), 1);
        full.KvCacheBytesPerDevice.Bytes.Should().BeApproximately(8 * 2048.0 * 36 * 8193, 1);
        windowed.Time.Should().BeLessThan(full.Time);
    }

    [Theory]
    [InlineData(0, 1, 128)]
    [InlineData(0, 500, 128)]
    [InlineData(100, 50, 128)]
    [InlineData(300, 1, 128)]
    [InlineData(10, 7, 1_000_000)]
    public void AttendedPositions_MatchesCountingEveryToken(int cached, int newTokens, int window)
    {
        var sum = 0.0;
        for (var i = 1; i <= newTokens; i++)
        {
            sum += Math.Min(cached + i, window);
        }

        RooflineEstimator.AttendedPositions(cached, newTokens, window).Should().BeApproximately(sum / newTokens, 1e-9);
    }

    [Fact]
    public void MixedPrecision_ExpertsInMxfp4_RestInBf16()
    {
        var catalog = TestCatalog.Catalog;
        var m = catalog.GetModel("gpt-oss-120b");
        var config = TestCatalog.Config("gpt-oss-120b", "nvidia_h100_sxm", "bf16") with { ExpertWeights = catalog.GetFormat("mxfp4") };
        var expected = ((m.BlockLinearParameters - m.ExpertParameters) * 2) + (m.ExpertParameters * 0.53125) + ((m.EmbeddingParameters + m.UntiedOutputHeadParameters) * 2);
        Ideal.PlanMemory(config, 1024, 1).WeightsPerDevice.Bytes.Should().BeApproximately(expected, 1);
        // About 63 GB: it fits one 80 GB H100 (all-bf16 it would be 234 GB).
        (expected / 1e9).Should().BeInRange(60, 66);

        var same = config with { ExpertWeights = catalog.GetFormat("bf16") };
        var plain = config with { ExpertWeights = null };
        Ideal.Forward(same, 4, 1, 100).Time.Seconds.Should().BeApproximately(Ideal.Forward(plain, 4, 1, 100).Time.Seconds, 1e-15);
    }

    [Fact]
    public void Maverick_DenseAndMoeLayers_EachGetTheirOwnFfn()
    {
        var config = TestCatalog.Config("llama-4-maverick-17b-128e", "nvidia_h200_sxm", "fp8", devices: 8);
        var m = config.Model;
        // Batch 1 decode touches 1 routed + 1 shared expert in 24 MoE layers and the 16384-wide FFN in the 24 dense layers.
        var step = Ideal.Forward(config, 1, 1, 0);
        var ffn = (24 * m.DenseFeedForwardParametersPerLayer) + (24 * ((2 * m.ParametersPerExpert) + m.RouterParametersPerLayer));
        var attention = 48 * (m.QkvParametersPerLayer + m.OutputProjectionParametersPerLayer);
        step.WeightBytesPerDevice.Bytes.Should().BeApproximately(((ffn + attention) / 8) + (m.EmbeddingParameters * 2 / 8), 1e3);
    }

    [Fact]
    public void MultiTokenPredictionHead_IsOneMoeLayer()
    {
        var m = TestCatalog.Catalog.GetModel("deepseek-r1");
        var head = SpeculativeDecoding.MultiTokenPredictionHead(m);
        head.Layers.Should().Be(1);
        head.MoeLayers.Should().Be(1);
        head.Invoking(h => h.Validate()).Should().NotThrow();
        var noMtp = TestCatalog.Catalog.GetModel("kimi-k2");
        noMtp.Invoking(SpeculativeDecoding.MultiTokenPredictionHead).Should().Throw<ArgumentException>().WithParameterName("target");
        SpeculativeDecoding.EagleHead(m).Invoking(h => h.Validate()).Should().NotThrow();
    }
}
