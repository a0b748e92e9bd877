using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Validation;

namespace TokenCost.Tests.Validation;

public class CasePredictorTests
{
    private static ValidationCase Case(CaseMetric metric, int? batch = 4, int? input = 1000, int? output = 200, string notes = "") => new()
    {
        Id = "x", Model = "llama-3-8b", Hardware = "nvidia_h200_sxm", Devices = 1, TensorParallel = 1, PipelineParallel = 1,
        Weights = "bf16", Activations = "bf16", KvCache = "bf16", ServingStack = "vllm", Batch = batch, InputTokens = input, OutputTokens = output,
        Metric = metric, Value = 1, Source = "test", Notes = notes, Tags = CaseReader.ParseTags(notes, "t", 1),
    };

    private static readonly CasePredictor Predictor = new(TestPricing.Default);

    private static double P(ValidationCase c) => Predictor.Predict(c).Predicted ?? throw new InvalidOperationException(Predictor.Predict(c).Error);

    [Fact]
    public void PerUser_E2eTimebaseIncludesTtft_DecodeTimebaseIsInverseTpot()
    {
        var ttft = P(Case(CaseMetric.TimeToFirstToken)) / 1000;
        var tpot = P(Case(CaseMetric.TimePerOutputToken)) / 1000;
        P(Case(CaseMetric.OutputTokensPerSecondPerUser, notes: "[timebase=e2e]")).Should().BeApproximately(200 / (ttft + (199 * tpot)), 1e-9);
        P(Case(CaseMetric.OutputTokensPerSecondPerUser, notes: "[timebase=decode]")).Should().BeApproximately(1 / tpot, 1e-9);
    }

    [Fact]
    public void Throughput_IsBatchTimesOutputOverE2eLatency_AndPerDeviceDivides()
    {
        var e2e = P(Case(CaseMetric.EndToEndLatency)) / 1000;
        P(Case(CaseMetric.OutputTokensPerSecond)).Should().BeApproximately(4 * 200 / e2e, 1e-6);
        P(Case(CaseMetric.OutputTokensPerSecondPerDevice)).Should().BeApproximately(4 * 200 / e2e, 1e-6);
    }

    [Fact]
    public void StepMs_OutputOneIsDecodeAtContext_OutputZeroIsForwardOverNewTokens()
    {
        var profiles = Catalog.Default.Profiles;
        var config = DeploymentConfiguration.Create(Catalog.Default, "llama-3-8b", "nvidia_h200_sxm", "bf16", "bf16", "bf16", "vllm");
        var profile = profiles.For("vllm", "nvidia_h200_sxm");
        P(Case(CaseMetric.StepTime, 4, 1000, 1)).Should().BeApproximately(RooflineEstimator.Forward(config, 4, 1, 1000, profile).Time.Milliseconds, 1e-9);
        P(Case(CaseMetric.StepTime, 4, 16, 0)).Should().BeApproximately(RooflineEstimator.Forward(config, 4, 16, 0, profile).Time.Milliseconds, 1e-9);
    }

    [Fact]
    public void Joules_DecodeStepCase_IsStepEnergyOverBatch()
    {
        var config = DeploymentConfiguration.Create(Catalog.Default, "llama-3-8b", "nvidia_h200_sxm", "bf16", "bf16", "bf16", "vllm");
        var profiles = Catalog.Default.Profiles;
        var step = RooflineEstimator.Forward(config, 8, 1, 1024, profiles.For("vllm", "nvidia_h200_sxm"));
        var watts = profiles.Power.Estimate(config.Hardware.ThermalDesignPower!.Value, step.BandwidthUtilization, step.ComputeUtilization).Watts;
        P(Case(CaseMetric.JoulesPerOutputToken, 8, 1024, 1)).Should().BeApproximately(watts * step.Time.Seconds / 8, 1e-9);
    }

    [Fact]
    public void SaturatingBatch_ThroughputExceedsBatchOne()
    {
        P(Case(CaseMetric.OutputTokensPerSecond, batch: null)).Should().BeGreaterThan(10 * P(Case(CaseMetric.OutputTokensPerSecond, batch: 1)));
    }

    [Fact]
    public void Speculative_EagleWithDefaults_IsFasterThanPlainDecode()
    {
        var plain = Case(CaseMetric.OutputTokensPerSecondPerUser, batch: 1, input: null, output: null);
        var spec = plain with { Speculative = new SpeculativeSetting { DraftModel = "eagle" } };
        // EAGLE at α = 0.75, γ = 5 yields 3.3 tokens per step for 5 one-layer draft steps + one verification.
        P(spec).Should().BeGreaterThan(1.1 * P(plain));
    }

    [Fact]
    public void CalibrationCopy_EveryCaseIsPredicted()
    {
        var cases = CaseReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "Validation", "Data", "calibration.jsonl"), Catalog.Default);
        var predictions = Predictor.PredictAll(cases);
        predictions.Should().OnlyContain(p => p.Predicted > 0 && p.Error == null);
        AccuracySummary.Of(predictions).MedianApe.Should().BeLessThan(12);
    }
}
