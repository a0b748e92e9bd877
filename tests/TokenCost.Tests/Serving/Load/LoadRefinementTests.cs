using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving;
using TokenCost.Serving.Load;
using TokenCost.Speculative;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Serving.Load;

/// <summary>The routed-layer overhead, synchronized closed-loop waves and self-speculative decoding under load (docs/roofline.md).</summary>
public class LoadRefinementTests
{
    private static readonly EfficiencyProfile Base = new();

    [Fact]
    public void MoeLayerOverhead_AddsPerMoeLayerOnly()
    {
        // gpt-oss-120b: 36 layers, all routed; Llama-3.3-70B: dense. 50 µs per routed layer adds 36 × 50 µs = 1.8 ms to a step of gpt-oss only.
        var moe = TestCatalog.Config("gpt-oss-120b", "nvidia_h100_sxm", "bf16", devices: 4, tp: 4);
        var dense = TestCatalog.Config("llama-3.3-70b", "nvidia_h100_sxm", "fp8", devices: 2, tp: 2);
        var with = Base with { MoeLayerOverhead = TimeInterval.FromMicroseconds(50) };
        moe.Model.MoeLayers.Should().Be(36);
        var delta = RooflineEstimator.Forward(moe, 8, 1, 1024, with).Time.Seconds - RooflineEstimator.Forward(moe, 8, 1, 1024, Base).Time.Seconds;
        delta.Should().BeApproximately(36 * 50e-6, 1e-9);
        RooflineEstimator.Forward(dense, 8, 1, 1024, with).Time.Should().Be(RooflineEstimator.Forward(dense, 8, 1, 1024, Base).Time);
        // Captured graphs remove the per-layer launch overhead, not the routed layer's kernels.
        var cb = with.ForContinuousBatching();
        cb.LayerOverhead.Should().Be(TimeInterval.Zero);
        cb.MoeLayerOverhead.Should().Be(TimeInterval.FromMicroseconds(50));
    }

    [Fact]
    public void SynchronizedWaves_LengthenTtftOnlyAndGrowWithClients()
    {
        var c = TestCatalog.Config("llama-3.3-70b", "nvidia_h200_sxm", "fp8", devices: 8, tp: 8, kv: "fp8");
        var waves = Base with { SynchronizedArrivalFraction = 0.2 };
        var few = ContinuousBatchingEstimator.Solve(c, Base, LoadKind.Closed, 64, 8192, 1024);
        var fewWaves = ContinuousBatchingEstimator.Solve(c, waves, LoadKind.Closed, 64, 8192, 1024);
        fewWaves.TpotSeconds.Should().Be(few.TpotSeconds);
        // Little's law over the run: the clients' wait in waves lowers the request rate.
        fewWaves.RequestsPerSecond.Should().BeLessThan(few.RequestsPerSecond);
        (fewWaves.RequestsPerSecond * fewWaves.RequestSeconds(1024)).Should().BeApproximately(64, 0.64);
        // 64 prompts of 8,192 tokens are 64 budgets of 8,192: the wave's mean first token comes after (64 + 1) ÷ 2 prefill iterations.
        var full = RooflineEstimator.Iteration(c, new SequenceGroup(1, 8192, 0), default, Base.ForContinuousBatching()).Time.Seconds;
        fewWaves.TtftSeconds.Should().BeApproximately((0.8 * few.TtftSeconds) + (0.2 * full * 65 / 2), 1e-9);
        var four = ContinuousBatchingEstimator.Solve(c, waves, LoadKind.Closed, 4, 8192, 1024).TtftSeconds - ContinuousBatchingEstimator.Solve(c, Base, LoadKind.Closed, 4, 8192, 1024).TtftSeconds;
        (fewWaves.TtftSeconds - few.TtftSeconds).Should().BeGreaterThan(four * 5);
    }

    [Fact]
    public void SelfSpeculativeDecode_UnderLoad_DividesTheIterationByTheAcceptedTokens()
    {
        var c = TestCatalog.Config("deepseek-r1", "nvidia_h200_sxm", "fp8", devices: 8, tp: 8);
        var draft = c with { Model = SpeculativeDecoding.MultiTokenPredictionHead(c.Model) };
        var plain = ContinuousBatchingEstimator.Solve(c, Base, LoadKind.Closed, 8, 1024, 1024);
        var none = ContinuousBatchingEstimator.Solve(c, Base, LoadKind.Closed, 8, 1024, 1024, 1, draft, 1, 0);
        var good = ContinuousBatchingEstimator.Solve(c, Base, LoadKind.Closed, 8, 1024, 1024, 1, draft, 1, 0.9);
        // Nothing accepted: every iteration drafts and verifies two tokens for one, so it is slower than plain decoding.
        none.TpotSeconds.Should().BeApproximately(none.IterationSeconds, 1e-12);
        none.TpotSeconds.Should().BeGreaterThan(plain.TpotSeconds);
        // 90 % acceptance of one draft token: 1.9 tokens per iteration.
        good.TpotSeconds.Should().BeApproximately(good.IterationSeconds / 1.9, 1e-12);
        good.TpotSeconds.Should().BeLessThan(plain.TpotSeconds);
        good.RequestsPerSecond.Should().BeGreaterThan(plain.RequestsPerSecond);
    }
}
