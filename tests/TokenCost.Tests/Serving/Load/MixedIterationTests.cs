using TokenCost.Estimation;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Serving.Load;

public class MixedIterationTests
{
    // Llama-3.3-70B FP8 (weights, activations, KV) on one H200, ideal profile (efficiencies 1, no overheads).
    private static readonly DeploymentConfiguration Config = TestCatalog.Config("llama-3.3-70b", "nvidia_h200_sxm", "fp8", kv: "fp8");
    private static readonly SequenceGroup Decode = new(4, 1, 1536);
    private static readonly SequenceGroup Chunk = new(1, 1024, 0);

    [Fact]
    public void Iteration_DecodePlusChunk_HandComputedFlops()
    {
        // Linear: 2 × 1,028 tokens × 80 layers × (83,886,080 QKV + 67,108,864 O + 704,643,072 FFN) = 140,735,340,871,680.
        // Attention: 80 × (4·4·64·128·1·1,537 [decode, context 1,536 + the new token] + 4·1·64·128·1,024·512.5 [causal chunk]) = 1,391,848,325,120.
        // Output head: logits for the 5 sequences: 2 × 5 × 128,256 × 8,192 = 10,506,731,520.
        var mixed = RooflineEstimator.Iteration(Config, Decode, Chunk, TestCatalog.Ideal);
        mixed.FlopsPerDevice.Flops.Should().BeApproximately(142_137_695_928_320, 1e3);
    }

    [Fact]
    public void Iteration_DecodePlusChunk_IsComputeBoundAtTheFp8Peak()
    {
        // The linear work alone takes 140.735 TFLOP ÷ 1,978.9 TFLOP/s = 71.12 ms: the chunk makes the iteration compute-bound,
        // about 4.6 decode-only iterations (15.2 ms each: 70.6 GB of weights at 4.8 TB/s, plus KV and head) of stall for every running sequence.
        var mixed = RooflineEstimator.Iteration(Config, Decode, Chunk, TestCatalog.Ideal);
        var decode = RooflineEstimator.Iteration(Config, Decode, default, TestCatalog.Ideal);
        mixed.Bound.Should().Be(Bound.Compute);
        decode.Bound.Should().Be(Bound.Memory);
        mixed.Time.Milliseconds.Should().BeInRange(71.12, 73.5);
        decode.Time.Milliseconds.Should().BeInRange(14.7, 15.6);
    }

    [Fact]
    public void Iteration_WeightsAreReadOnceForBothGroups()
    {
        var mixed = RooflineEstimator.Iteration(Config, Decode, Chunk, TestCatalog.Ideal);
        var decode = RooflineEstimator.Forward(Config, 4, 1, 1536, TestCatalog.Ideal);
        var prefill = RooflineEstimator.Forward(Config, 1, 1024, 0, TestCatalog.Ideal);
        mixed.WeightBytesPerDevice.Bytes.Should().BeApproximately(decode.WeightBytesPerDevice.Bytes, 1);
        mixed.FlopsPerDevice.Flops.Should().BeApproximately(decode.FlopsPerDevice.Flops + prefill.FlopsPerDevice.Flops, 1e3);
        mixed.Time.Should().BeLessThan(decode.Time + prefill.Time, "one iteration shares the weight reads that two separate steps pay twice");
    }

    [Fact]
    public void Forward_IsTheOneGroupIteration()
    {
        var forward = RooflineEstimator.Forward(Config, 8, 1, 2048, TestCatalog.Ideal);
        var iteration = RooflineEstimator.Iteration(Config, new SequenceGroup(8, 1, 2048), default, TestCatalog.Ideal);
        iteration.Should().Be(forward);
    }
}
