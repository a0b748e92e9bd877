using TokenCost.Catalogs;
using TokenCost.Validation;

namespace TokenCost.Tests.Validation;

public class CoverageTests
{
    [Fact]
    public void Predict_EveryHardwareModelFormatAndLayout_GivesAPositiveFiniteValue()
    {
        var predictor = new CasePredictor(TestPricing.Default);
        var failures = new List<string>();
        foreach (var hw in Catalog.Default.Hardware)
        {
            foreach (var model in new[] { "llama-3.1-8b", "mixtral-8x7b", "llama-3.1-70b" })
            {
                foreach (var weights in new[] { "bf16", "fp8", "int4", "q4_k_m", "fp4" })
                {
                    foreach (var devices in new[] { 1, 8 })
                    {
                        foreach (var (metric, batch, input, output) in new (CaseMetric, int?, int?, int?)[]
                        {
                            (CaseMetric.OutputTokensPerSecond, null, 128, 128), (CaseMetric.TimePerOutputToken, 1, null, null),
                            (CaseMetric.TimeToFirstToken, 4, 2048, 1), (CaseMetric.StepTime, 16, 8, 0), (CaseMetric.JoulesPerOutputToken, 8, 1024, 1),
                        })
                        {
                            var c = new ValidationCase
                            {
                                Id = "x", Model = model, Hardware = hw.Id, Devices = devices, Weights = weights, ServingStack = "unknown",
                                Batch = batch, InputTokens = input, OutputTokens = output, Metric = metric, Value = 1, Source = "synthetic",
                            };
                            var p = predictor.Predict(c);
                            var energyWithoutTdp = metric == CaseMetric.JoulesPerOutputToken && hw.ThermalDesignPower is null;
                            if (!energyWithoutTdp && !(p.Predicted is double v && double.IsFinite(v) && v > 0))
                            {
                                failures.Add($"{hw.Id} {model} {weights} x{devices} {metric}: {p.Error}");
                            }
                        }
                    }
                }
            }
        }

        failures.Should().BeEmpty();
    }
}
