#:project ../src/TokenCost/TokenCost.csproj
#:project ../src/TokenCost.Analysis/TokenCost.Analysis.csproj
#:project ../src/TokenCost.Charts/TokenCost.Charts.csproj
// Interactivity–throughput curves under a closed loop of clients: the continuous-batching model against InferenceX measurements
// (Llama-3.3-70B FP8, vLLM). Draws docs/images/load-curves.svg.
// Run from the repository root: dotnet run samples/load-curves.cs [-- ../shared/validation/inferencex.jsonl docs/images/load-curves.svg]
using System.Globalization;
using ScottPlot;
using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Serving.Load;
using TokenCost.Validation;

var casesPath = args.Length > 0 ? args[0] : "../shared/validation/inferencex.jsonl";
var outPath = args.Length > 1 ? args[1] : "docs/images/load-curves.svg";
var inv = CultureInfo.InvariantCulture;
var context = PricingContext.Create(Catalog.Default);
var catalog = context.Catalog;
var estimator = context.LoadEstimator;
var cases = CaseReader.ReadFile(casesPath, catalog);
(string Hardware, int Tp, int Input, int Output)[] picks =
[
    ("nvidia_h200_sxm", 8, 1024, 1024),
    ("nvidia_h100_sxm", 4, 8192, 1024),
    ("nvidia_b200", 4, 1024, 8192),
    ("nvidia_h200_sxm", 2, 8192, 1024),
];
int[] sweep = [1, 2, 4, 8, 16, 32, 64, 128, 256];
Color[] colors = [Color.FromHex("#4C72B0"), Color.FromHex("#DD8452"), Color.FromHex("#55A868"), Color.FromHex("#C44E52")];
var plot = new Plot();
plot.Title("Llama-3.3-70B FP8, vLLM, closed loop: model (lines) vs InferenceX (points)");
plot.XLabel("Per-user output tokens/s (1000 / median TPOT)");
plot.YLabel("Total (input + output) tokens/s per GPU");
for (var k = 0; k < picks.Length; k++)
{
    var (hw, tp, input, output) = picks[k];
    bool Same(ValidationCase c) => c.Model == "llama-3.3-70b" && c.Hardware == hw && c.TensorParallel == tp && c.ServingStack == "vllm" && c.InputTokens == input && c.OutputTokens == output;
    var perUser = cases.Where(c => Same(c) && c.Metric == CaseMetric.OutputTokensPerSecondPerUser).ToDictionary(c => c.Batch!.Value, c => c.Value);
    var total = cases.Where(c => Same(c) && c.Metric == CaseMetric.TotalTokensPerSecondPerDevice).ToDictionary(c => c.Batch!.Value, c => c.Value);
    var clients = perUser.Keys.Intersect(total.Keys).Order().ToArray();
    var config = DeploymentConfiguration.Create(catalog, "llama-3.3-70b", hw, "fp8", "fp8", "fp8", "vllm", devices: tp, tensorParallel: tp);
    var workload = new Workload { InputTokens = input, OutputTokens = output };
    var model = sweep.Select(c => estimator.Estimate(config, workload, ServingLoad.Closed(c) with { LengthRangeRatio = 0.8 })).ToArray();
    var label = string.Create(inv, $"{hw.Replace("nvidia_", "", StringComparison.Ordinal)} TP{tp} {input / 1024}k/{output / 1024}k");
    var line = plot.Add.Scatter(model.Select(e => e.OutputTokensPerSecondPerUser).ToArray(), model.Select(e => e.TotalTokensPerSecondPerDevice).ToArray(), colors[k]);
    line.LegendText = label + " model (1–256 clients)";
    line.MarkerSize = 4;
    var measured = plot.Add.Scatter(clients.Select(c => perUser[c]).ToArray(), clients.Select(c => total[c]).ToArray(), colors[k]);
    measured.LineWidth = 0;
    measured.MarkerSize = 10;
    measured.MarkerShape = MarkerShape.OpenCircle;
    measured.LegendText = label + " measured (" + string.Join(", ", clients.Select(c => c.ToString(inv))) + " clients)";
    Console.WriteLine(label);
    foreach (var c in clients)
    {
        var e = estimator.Estimate(config, workload, ServingLoad.Closed(c) with { LengthRangeRatio = 0.8 });
        Console.WriteLine(string.Create(inv, $"  {c,4} clients: per-user {perUser[c],7:F1} measured {e.OutputTokensPerSecondPerUser,7:F1} model; total/GPU {total[c],7:F0} measured {e.TotalTokensPerSecondPerDevice,7:F0} model"));
    }
}

plot.Axes.AutoScale();
plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top);
plot.Axes.SetLimitsX(0, plot.Axes.GetLimits().Right);
plot.ShowLegend(Alignment.UpperRight);
plot.SaveSvg(outPath, 1000, 640);
Console.WriteLine("wrote " + outPath);
