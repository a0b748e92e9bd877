using CsCheck;
using static TokenCost.Tests.Properties.Scenarios;

namespace TokenCost.Tests.Properties;

/// <summary>Invariants of the memory plan: quantization, tensor parallelism, context and capacity.</summary>
public class MemoryProperties
{
    [Fact]
    public void QuantizingWeightsFromBf16_NeverIncreasesWeightBytes()
    {
        var formats = Scenarios.Catalog.Formats.Where(f => f.Id != "fp32").ToArray();
        Gen.Select(Any, Gen.Int[0, formats.Length - 1]).Sample((s, i) =>
        {
            var bf16 = s.Configuration with { Weights = Scenarios.Catalog.GetFormat("bf16") };
            var quantized = s.Configuration with { Weights = formats[i] };
            AtMost(
                Estimator.PlanMemory(quantized, s.Context, s.Batch).WeightsPerDevice.Bytes,
                Estimator.PlanMemory(bf16, s.Context, s.Batch).WeightsPerDevice.Bytes,
                formats[i].Id);
            AtMost(Estimate(s, quantized).Decode.WeightBytesPerDevice.Bytes, Estimate(s, bf16).Decode.WeightBytesPerDevice.Bytes, "weight bytes read per step");
        }, iter: Iterations);
    }

    [Fact]
    public void TensorParallelism_DividesPerDeviceWeightBytes()
    {
        Any.Sample(s =>
        {
            var t = s.Configuration.TensorParallel;
            var single = s.Configuration with { Devices = 1, TensorParallel = 1 };
            Close(Estimator.PlanMemory(s.Configuration, s.Context, s.Batch).WeightsPerDevice.Bytes * t, Estimator.PlanMemory(single, s.Context, s.Batch).WeightsPerDevice.Bytes, "weights × TP");
        }, iter: Iterations);
    }

    [Fact]
    public void KvCachePerSequence_IsLinearInContext_ExceptWhereWindowsCapIt()
    {
        Gen.Select(Any, Gen.Int[1, 8]).Sample((s, k) =>
        {
            var many = Estimator.PlanMemory(s.Configuration, s.Context * k, 1).KvCachePerSequence.Bytes;
            var one = Estimator.PlanMemory(s.Configuration, s.Context, 1).KvCachePerSequence.Bytes;
            var m = s.Configuration.Model;
            if (m.SlidingWindowLayers == 0)
            {
                Close(many, k * one, "KV per sequence");
            }
            else
            {
                // Windowed layers stop growing at the window; the full layers still grow linearly.
                AtMost(many, k * one * (1 + 1e-12), "KV per sequence with windowed layers");
                AtMost(k * one * m.FullAttentionLayers / m.Layers, many * (1 + 1e-12), "the full layers' share grows linearly");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void MoreMemoryCapacity_NeverLowersMaxBatch()
    {
        Gen.Select(Any, Factor).Sample((s, f) =>
        {
            var hw = s.Configuration.Hardware;
            var bigger = s.Configuration with { Hardware = hw with { ListedMemoryGigabytes = hw.ListedMemoryGigabytes * f } };
            Estimator.PlanMemory(bigger, s.Context, s.Batch).MaxBatch.Should().BeGreaterThanOrEqualTo(Estimator.PlanMemory(s.Configuration, s.Context, s.Batch).MaxBatch);
        }, iter: Iterations);
    }

    [Fact]
    public void LongerContext_NeverRaisesMaxBatch()
    {
        Gen.Select(Any, Gen.Int[0, 8192]).Sample((s, extra) =>
            Estimator.PlanMemory(s.Configuration, s.Context + extra, 1).MaxBatch.Should().BeLessThanOrEqualTo(Estimator.PlanMemory(s.Configuration, s.Context, 1).MaxBatch),
            iter: Iterations);
    }

    [Fact]
    public void Fits_MeansTheBatchIsWithinMaxBatchAndCapacity()
    {
        Any.Sample(s =>
        {
            var plan = Estimator.PlanMemory(s.Configuration, s.Context, s.Batch);
            plan.Fits.Should().Be(plan.MaxBatch >= s.Batch);
            if (plan.Fits)
            {
                AtMost(plan.Used.Bytes, plan.Capacity.Bytes, "used memory");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void SmallerKvFormat_NeverShrinksMaxBatch()
    {
        Any.Sample(s =>
        {
            var bf16 = s.Configuration with { KvCache = Scenarios.Catalog.GetFormat("bf16") };
            var fp8 = s.Configuration with { KvCache = Scenarios.Catalog.GetFormat("fp8") };
            Estimator.PlanMemory(fp8, s.Context, 1).MaxBatch.Should().BeGreaterThanOrEqualTo(Estimator.PlanMemory(bf16, s.Context, 1).MaxBatch);
        }, iter: Iterations);
    }
}
