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
        // Truth: the priors with a distinct pytorch-eager profile; cases are predicted by the model itself, so the fit must find the truth.
        var priors = Calibrator.DefaultPriors;
        var truth = priors with
        {
            Stacks = new Dictionary<string, EfficiencyProfile>(priors.Stacks)
            {
                ["pytorch-eager"] = priors.Stacks["pytorch-eager"] with { BandwidthEfficiency = 0.62, ComputeEfficiency = 0.48, LayerOverhead = TimeInterval.FromMicroseconds(120), StepOverhead = TimeInterval.FromMilliseconds(0.2) },
            },
        };
        var shapes = new List<ValidationCase>();
        foreach (var b in new[] { 1, 8, 64, 256 })
        {
            shapes.Add(Shape($"d{b}", CaseMetric.StepTime, b, 1024, 1));
        }

        foreach (var q in new[] { 256, 2048, 8192 })
        {
            shapes.Add(Shape($"p{q}", CaseMetric.StepTime, 1, q, 0));
        }

        // Other depths (16 and 40 layers) separate the per-layer from the per-step overhead.
        shapes.Add(Shape("s1", CaseMetric.StepTime, 1, 512, 1) with { Model = "llama-3.2-1b" });
        shapes.Add(Shape("s2", CaseMetric.StepTime, 16, 512, 1) with { Model = "llama-3.2-1b" });
        shapes.Add(Shape("s3", CaseMetric.StepTime, 1, 512, 1) with { Model = "llama-2-13b-chat" });
        shapes.Add(Shape("s4", CaseMetric.StepTime, 1, 1024, 0) with { Model = "llama-2-13b-chat" });

        var truthPredictor = new CasePredictor(profiles: truth);
        var cases = shapes.Select(c => c with { Value = truthPredictor.Predict(c).Predicted!.Value }).ToList();
        var fit = new Calibrator().Fit(cases, priors);
        var fitted = fit.Profiles.For("pytorch-eager", "nvidia_h200_sxm");
        fitted.BandwidthEfficiency.Should().BeApproximately(0.62, 0.03);
        fitted.ComputeEfficiency.Should().BeApproximately(0.48, 0.03);
        // Per-layer and per-step overheads trade off against each other and the weak prior toward the generic profile pulls a little: ±25 %.
        fitted.LayerOverhead.Microseconds.Should().BeApproximately(120, 30);
        var after = new CasePredictor(profiles: fit.Profiles).PredictAll(cases);
        AccuracySummary.Of(after).P90Ape.Should().BeLessThan(2);
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

    private static ValidationCase Shape(string id, CaseMetric metric, int batch, int input, int output) => new()
    {
        Id = id, Model = "llama-3-8b", Hardware = "nvidia_h200_sxm", Devices = 1, TensorParallel = 1, PipelineParallel = 1, Weights = "bf16",
        Activations = "bf16", KvCache = "bf16", ServingStack = "pytorch-eager", Batch = batch, InputTokens = input, OutputTokens = output,
        Metric = metric, Value = 1, Source = "synthetic",
    };
}
