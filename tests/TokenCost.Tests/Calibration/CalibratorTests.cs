using TokenCost.Calibration;
using TokenCost.Quantities;
using TokenCost.Serving;
using TokenCost.Validation;

namespace TokenCost.Tests.Calibration;

public class CalibratorTests
{
    [Fact]
    public void Fit_SyntheticCasesFromKnownProfile_RecoversParameters()
    {
        // Truth: the priors with a distinct vllm profile; cases are predicted by the model itself, so the fit must find the truth
        // (up to the weak pull of the priors toward the generic profile).
        var priors = Calibrator.DefaultPriors;
        var truth = priors with
        {
            Stacks = new Dictionary<string, EfficiencyProfile>(priors.Stacks)
            {
                ["vllm"] = priors.Stacks["vllm"] with { BandwidthEfficiency = 0.68, ComputeEfficiency = 0.42, LayerOverhead = TimeInterval.FromMicroseconds(8), StepOverhead = TimeInterval.FromMilliseconds(0.6) },
            },
        };
        // Depths of 16, 32 and 40 layers separate per-layer from per-step overhead; batches separate the per-sequence overhead;
        // contexts separate weight streaming from KV reads; long prefills pin the compute efficiency.
        var shapes = new List<ValidationCase>();
        foreach (var model in new[] { "llama-3.2-1b", "llama-3-8b", "llama-2-13b-chat" })
        {
            foreach (var b in new[] { 1, 16, 128 })
            {
                foreach (var context in new[] { 256, 4096 })
                {
                    shapes.Add(Shape($"{model}-d{b}-{context}", CaseMetric.StepTime, b, context, 1) with { Model = model });
                }
            }

            foreach (var q in new[] { 512, 4096 })
            {
                shapes.Add(Shape($"{model}-p{q}", CaseMetric.StepTime, 1, q, 0) with { Model = model });
            }
        }

        var truthPredictor = new CasePredictor(TestPricing.Default.WithProfiles(truth));
        var cases = shapes.Select(c => c with { Value = truthPredictor.Predict(c).Predicted!.Value }).ToList();
        var fit = new Calibrator(TestPricing.Default).Fit(cases, priors);
        var after = new CasePredictor(TestPricing.Default.WithProfiles(fit.Profiles)).PredictAll(cases);
        AccuracySummary.Of(after).P90Ape.Should().BeLessThan(2);
        var fitted = fit.Profiles.For("vllm", "nvidia_h200_sxm");
        fitted.BandwidthEfficiency.Should().BeApproximately(0.68, 0.03);
        fitted.ComputeEfficiency.Should().BeApproximately(0.42, 0.03);
        // Per-layer and per-step overheads are only weakly separable (a few % of a step); their sum for a 32-layer model is
        // identified: 32 × 8 µs + 0.6 ms = 0.856 ms.
        ((32 * fitted.LayerOverhead.Milliseconds) + fitted.StepOverhead.Milliseconds).Should().BeApproximately(0.856, 0.09);
    }

    [Fact]
    public void Fit_StackWithoutCases_SitsAtItsPriorMultipleOfTheFittedGenericValues()
    {
        // Only vllm cases: pytorch-eager, pytorch-cudagraph and tensorrt-llm are unobserved. Each must take the mode of its prior
        // given the fitted generic values (generic × its prior ÷ the generic prior), not the generic value itself: eager PyTorch
        // launches op by op (prior 140 µs per layer against the generic 4 µs), so it keeps 35 × the generic per-layer overhead.
        var priors = Calibrator.DefaultPriors;
        var predictor = new CasePredictor(TestPricing.Default.WithProfiles(priors));
        var cases = new[] { 1, 8, 64 }.SelectMany(b => new[] { 256, 4096 }.Select(context => Shape($"d{b}-{context}", CaseMetric.StepTime, b, context, 1)))
            .Select(c => c with { Value = predictor.Predict(c).Predicted!.Value * 1.3 }).ToList();
        var fit = new Calibrator(TestPricing.Default).Fit(cases, priors).Profiles;
        var generic = fit.Defaults;
        var eager = fit.For("pytorch-eager", "nvidia_h200_sxm");
        var eagerPrior = priors.Stacks["pytorch-eager"];
        eager.LayerOverhead.Microseconds.Should().BeApproximately(generic.LayerOverhead.Microseconds * eagerPrior.LayerOverhead.Microseconds / priors.Defaults.LayerOverhead.Microseconds, 1e-9);
        eager.StepOverhead.Milliseconds.Should().BeApproximately(generic.StepOverhead.Milliseconds * eagerPrior.StepOverhead.Milliseconds / priors.Defaults.StepOverhead.Milliseconds, 1e-12);
        eager.LayerOverhead.Microseconds.Should().BeGreaterThan(20 * generic.LayerOverhead.Microseconds);
        var trt = fit.For("tensorrt-llm", "nvidia_h200_sxm");
        trt.BandwidthEfficiency.Should().BeApproximately(Math.Min(1, generic.BandwidthEfficiency * priors.Stacks["tensorrt-llm"].BandwidthEfficiency / priors.Defaults.BandwidthEfficiency), 1e-12);
        // The fitted stack itself moved away from its prior (the cases are 30 % slower than the priors predict).
        fit.For("vllm", "nvidia_h200_sxm").BandwidthEfficiency.Should().BeLessThan(priors.Stacks["vllm"].BandwidthEfficiency);
    }

    [Fact]
    public void Profiles_RoundTripThroughJsonExactly()
    {
        var profiles = Calibrator.DefaultPriors with { Defaults = Calibrator.DefaultPriors.Defaults with { BandwidthEfficiency = 0.1 + (1.0 / 3), AttentionHalfSaturation = Math.PI } };
        var back = ServingProfiles.Parse(profiles.ToJson());
        back.ToJson().Should().Be(profiles.ToJson());
        back.Defaults.BandwidthEfficiency.Should().Be(0.1 + (1.0 / 3));
        back.Defaults.AttentionHalfSaturation.Should().Be(Math.PI);
    }

    [Fact]
    public void KFold_AssignsEveryCaseToOneOfKFoldsReproducibly()
    {
        var cases = Enumerable.Range(0, 20).Select(i => Shape("c" + i, CaseMetric.StepTime, 1, 16, 0)).ToList();
        var a = Calibrator.KFold(cases, 5);
        var b = Calibrator.KFold(cases, 5);
        cases.Select(a).Should().Equal(cases.Select(b));
        cases.GroupBy(a).Should().HaveCount(5).And.OnlyContain(g => g.Count() == 4);
    }

    [Fact]
    public void CaseWeight_HalvesForEachUnstatedPart()
    {
        var full = Shape("w", CaseMetric.StepTime, 1, 1024, 1);
        Calibrator.CaseWeight(full).Should().Be(1);
        Calibrator.CaseWeight(full with { Tags = new CaseTags { HardwareVariantAssumed = true } }).Should().Be(0.5);
        Calibrator.CaseWeight(full with { Tags = new CaseTags { HardwareVariantAssumed = true, PrecisionAssumed = true } }).Should().Be(0.25);
        Calibrator.CaseWeight(full with { InputTokens = null, Tags = new CaseTags { HardwareVariantAssumed = true } }).Should().Be(0.25);
    }

    private static ValidationCase Shape(string id, CaseMetric metric, int batch, int input, int output) => new()
    {
        Id = id, Model = "llama-3-8b", Hardware = "nvidia_h200_sxm", Devices = 1, TensorParallel = 1, PipelineParallel = 1, Weights = "bf16",
        Activations = "bf16", KvCache = "bf16", ServingStack = "vllm", Batch = batch, InputTokens = input, OutputTokens = output,
        Metric = metric, Value = 1, Source = "synthetic",
    };
}
