#:project ../src/TokenCost/TokenCost.csproj
// Quantization what-if: Llama-3.1-70B on 2 × H100 SXM. What do FP8, INT8 and INT4 weights buy over BF16 —
// memory, the largest batch that fits, time per token and dollars per million output tokens?
// Run: dotnet run samples/quantization-what-if.cs
using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Pricing;

var context = PricingContext.Create(Catalog.Default);
var workload = new Workload { Batch = null, InputTokens = 2000, OutputTokens = 500 }; // batch null: as many as memory allows

Console.WriteLine("| Weights | Weights/device (GB) | Max batch | Batch | TPOT (ms) | Output tok/s | $/1M output | vs bf16 |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
double? baseline = null;
foreach (var weights in new[] { "bf16", "fp8", "int8", "int4" })
{
    var configuration = context.Deployment("llama-3.1-70b", "nvidia_h100_sxm", weights, stackId: "vllm", devices: 2);
    var report = context.Price(configuration, workload);
    var e = report.Estimate;
    baseline ??= report.CostPerMillionOutputTokens.Usd;
    Console.WriteLine(FormattableString.Invariant(
        $"| {weights} | {e.Memory.WeightsPerDevice.Gigabytes:F1} | {e.Memory.MaxBatch} | {e.Batch} | {e.TimePerOutputToken.Milliseconds:F1} | {e.DecodeTokensPerSecond.TokensPerSecond:F0} | {report.CostPerMillionOutputTokens.Usd:F3} | {report.CostPerMillionOutputTokens.Usd / baseline.Value:P0} |"));
}

Console.WriteLine();
Console.WriteLine("Smaller weights free memory for KV cache (a larger batch) and cut the bytes read per decode step; the estimator's");
Console.WriteLine("bandwidth efficiency for each format decides how much of that shows up as speed.");
