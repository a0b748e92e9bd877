using CsCheck;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving;
using static TokenCost.Tests.Properties.Scenarios;

namespace TokenCost.Tests.Properties;

/// <summary>Physical invariants of the roofline times: more resources never make a step slower, more work never makes it faster.</summary>
public class TimingProperties
{
    [Fact]
    public void MoreMemoryBandwidth_NeverSlower()
    {
        Gen.Select(Any, Factor).Sample((s, f) =>
        {
            var faster = s.Configuration with { Hardware = s.Configuration.Hardware with { MemoryBandwidth = s.Configuration.Hardware.MemoryBandwidth * f } };
            var a = Estimate(s);
            var b = Estimate(s, faster);
            AtMost(b.TimeToFirstToken.Seconds, a.TimeToFirstToken.Seconds, "TTFT");
            AtMost(b.TimePerOutputToken.Seconds, a.TimePerOutputToken.Seconds, "TPOT");
        }, iter: Iterations);
    }

    [Fact]
    public void MorePeakCompute_NeverSlower()
    {
        Gen.Select(Any, Factor).Sample((s, f) =>
        {
            var faster = s.Configuration with { Hardware = ScaleCompute(s.Configuration.Hardware, f) };
            var a = Estimate(s);
            var b = Estimate(s, faster);
            AtMost(b.TimeToFirstToken.Seconds, a.TimeToFirstToken.Seconds, "TTFT");
            AtMost(b.TimePerOutputToken.Seconds, a.TimePerOutputToken.Seconds, "TPOT");
        }, iter: Iterations);
    }

    [Fact]
    public void MoreInterconnectBandwidth_NeverSlower()
    {
        Gen.Select(Any, Factor).Sample((s, f) =>
        {
            var hw = s.Configuration.Hardware;
            var faster = s.Configuration with { Hardware = hw with { InterconnectBandwidth = hw.InterconnectBandwidth!.Value * f } };
            AtMost(Estimate(s, faster).TimePerOutputToken.Seconds, Estimate(s).TimePerOutputToken.Seconds, "TPOT");
            AtMost(Estimate(s, faster).TimeToFirstToken.Seconds, Estimate(s).TimeToFirstToken.Seconds, "TTFT");
        }, iter: Iterations);
    }

    [Fact]
    public void HigherStackEfficiencies_NeverSlower()
    {
        var baseProfile = new EfficiencyProfile { BandwidthEfficiency = 0.5, ComputeEfficiency = 0.4, AttentionEfficiency = 0.3, InterconnectEfficiency = 0.5 };
        Gen.Select(Any, Gen.Double[1.0, 2.0]).Sample((s, f) =>
        {
            var better = baseProfile with
            {
                BandwidthEfficiency = baseProfile.BandwidthEfficiency * f,
                ComputeEfficiency = baseProfile.ComputeEfficiency * f,
                AttentionEfficiency = baseProfile.AttentionEfficiency * f,
                InterconnectEfficiency = baseProfile.InterconnectEfficiency * f,
            };
            var a = new RooflineEstimator(new ServingProfiles { Defaults = baseProfile }).Estimate(s.Configuration, s.Workload);
            var b = new RooflineEstimator(new ServingProfiles { Defaults = better }).Estimate(s.Configuration, s.Workload);
            AtMost(b.TimeToFirstToken.Seconds, a.TimeToFirstToken.Seconds, "TTFT");
            AtMost(b.TimePerOutputToken.Seconds, a.TimePerOutputToken.Seconds, "TPOT");
        }, iter: Iterations);
    }

    [Fact]
    public void LowerOverheads_NeverSlower()
    {
        var slow = new EfficiencyProfile { LayerOverhead = TimeInterval.FromMicroseconds(10), StepOverhead = TimeInterval.FromMilliseconds(1), CollectiveLatency = TimeInterval.FromMicroseconds(20) };
        Gen.Select(Any, Gen.Double[0.0, 1.0]).Sample((s, f) =>
        {
            var fast = slow with { LayerOverhead = slow.LayerOverhead * f, StepOverhead = slow.StepOverhead * f, CollectiveLatency = slow.CollectiveLatency * f };
            var a = new RooflineEstimator(new ServingProfiles { Defaults = slow }).Estimate(s.Configuration, s.Workload);
            var b = new RooflineEstimator(new ServingProfiles { Defaults = fast }).Estimate(s.Configuration, s.Workload);
            AtMost(b.TimePerOutputToken.Seconds, a.TimePerOutputToken.Seconds, "TPOT");
        }, iter: Iterations);
    }

    [Fact]
    public void LongerPrompt_NeverLowersTimeToFirstToken()
    {
        Gen.Select(Any, Gen.Int[0, 4096]).Sample((s, extra) =>
        {
            var longer = s with { InputTokens = s.InputTokens + extra };
            AtMost(Estimate(s).TimeToFirstToken.Seconds, Estimate(longer).TimeToFirstToken.Seconds, "TTFT");
        }, iter: Iterations);
    }

    [Fact]
    public void LongerContext_NeverLowersTimePerOutputToken()
    {
        Gen.Select(Any, Gen.Int[0, 4096]).Sample((s, extra) =>
        {
            var longer = s with { InputTokens = s.InputTokens + extra };
            AtMost(Estimate(s).TimePerOutputToken.Seconds, Estimate(longer).TimePerOutputToken.Seconds, "TPOT");
        }, iter: Iterations);
    }

    [Fact]
    public void LargerBatch_NeverLowersThroughputWhileItFits()
    {
        Gen.Select(Fitting, Gen.Int[1, 256]).Sample((s, extra) =>
        {
            var larger = s with { Batch = s.Batch + extra };
            if (!Estimator.PlanMemory(larger.Configuration, larger.Context, larger.Batch).Fits)
            {
                return;
            }

            var a = Estimate(s);
            var b = Estimate(larger);
            AtMost(a.SustainedOutputTokensPerSecond.TokensPerSecond, b.SustainedOutputTokensPerSecond.TokensPerSecond, "output tokens/s");
            AtMost(a.DecodeTokensPerSecond.TokensPerSecond, b.DecodeTokensPerSecond.TokensPerSecond, "decode tokens/s");
        }, iter: Iterations);
    }

    [Fact]
    public void LargerBatch_NeverShortensASequenceStep()
    {
        Gen.Select(Any, Gen.Int[1, 256]).Sample((s, extra) =>
            AtMost(Estimate(s).TimePerOutputToken.Seconds, Estimate(s with { Batch = s.Batch + extra }).TimePerOutputToken.Seconds, "TPOT"),
            iter: Iterations);
    }

    [Fact]
    public void StepBreakdown_SumsToTotal()
    {
        Any.Sample(s =>
        {
            foreach (var step in new[] { Estimate(s).Prefill, Estimate(s).Decode })
            {
                Close(step.MemoryBoundTime.Seconds + step.ComputeBoundTime.Seconds + step.CommunicationTime.Seconds + step.OverheadTime.Seconds, step.Time.Seconds, "step parts");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Utilizations_AreFractions()
    {
        Any.Sample(s =>
        {
            var e = Estimate(s);
            foreach (var u in new[] { e.Prefill.BandwidthUtilization, e.Prefill.ComputeUtilization, e.Decode.BandwidthUtilization, e.Decode.ComputeUtilization })
            {
                u.Should().BeInRange(0, 1);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void MixtureOfExpertsWithAllExpertsActive_EqualsDenseModelOfTheSameShape()
    {
        var dense = Scenarios.Catalog.Models.Where(m => !m.IsMixtureOfExperts && m.IntermediateSize % 16 == 0).ToArray();
        var gen = from s in Any
                  from i in Gen.Int[0, dense.Length - 1]
                  from experts in Gen.OneOfConst(1, 2, 4, 8, 16)
                  select (s, dense[i], experts);
        gen.Sample((s, model, experts) =>
        {
            var moe = model with { Experts = experts, ExpertsPerToken = experts, SharedExperts = 0, DenseLayers = 0, ExpertIntermediateSize = (int)(model.IntermediateSize / experts), IntermediateSize = 0 };
            var d = s.Configuration with { Model = model };
            var m = s.Configuration with { Model = moe };
            var routerBytes = (double)model.Layers * model.HiddenSize * experts * d.Weights.BytesPerElement / d.TensorParallel;

            var dp = Estimator.PlanMemory(d, s.Context, s.Batch);
            var mp = Estimator.PlanMemory(m, s.Context, s.Batch);
            Close(mp.WeightsPerDevice.Bytes - dp.WeightsPerDevice.Bytes, routerBytes, "only the router differs", 1e-6);
            Close(mp.KvCachePerSequence.Bytes, dp.KvCachePerSequence.Bytes, "KV cache");

            // The router (hidden × experts per layer) is the only extra work: under 0.1 % of the FFN.
            var de = Estimate(s, d);
            var me = Estimate(s, m);
            // Besides the router, each routed layer pays the profile's fixed routed-layer overhead per step (docs/roofline.md).
            var routed = Estimator.ProfileFor(m).MoeLayerOverhead.Seconds * model.Layers;
            AtMost(de.TimePerOutputToken.Seconds, me.TimePerOutputToken.Seconds - routed, "TPOT");
            Close(me.TimePerOutputToken.Seconds - routed, de.TimePerOutputToken.Seconds, "TPOT", 1e-3);
            Close(me.TimeToFirstToken.Seconds - routed, de.TimeToFirstToken.Seconds, "TTFT", 1e-3);
        }, iter: Iterations);
    }

    [Fact]
    public void FastPath_EqualsFullEstimate()
    {
        Gen.Select(Any, Gen.Bool).Sample((s, auto) =>
        {
            var workload = auto ? s.Workload with { Batch = null } : s.Workload;
            var full = Estimator.Estimate(s.Configuration, workload);
            var fast = Estimator.Summarize(s.Configuration, workload, null);
            fast.Batch.Should().Be(full.Batch);
            fast.TimeToFirstToken.Should().Be(full.TimeToFirstToken);
            fast.TimePerOutputToken.Should().Be(full.TimePerOutputToken);
            fast.SustainedOutputTokensPerSecond.Should().Be(full.SustainedOutputTokensPerSecond);
            fast.DecodeTokensPerSecond.Should().Be(full.DecodeTokensPerSecond);
            fast.MaxBatch.Should().Be(full.Memory.MaxBatch);
            fast.Fits.Should().Be(full.Memory.Fits);
            fast.Bound.Should().Be(full.Bound);
        }, iter: Iterations);
    }

    [Fact]
    public void AutomaticBatch_FitsAndRespectsTheSchedulerCap()
    {
        Any.Sample(s =>
        {
            var e = Estimator.Estimate(s.Configuration, s.Workload with { Batch = null });
            e.Batch.Should().BeLessThanOrEqualTo(Estimator.ProfileFor(s.Configuration).MaxBatch);
            if (e.Memory.MaxBatch >= 1)
            {
                e.Memory.Fits.Should().BeTrue();
            }
        }, iter: Iterations);
    }
}
