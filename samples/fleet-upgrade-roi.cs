#:project ../src/TokenCost/TokenCost.csproj
// Fleet-upgrade ROI: an owned fleet of A100 80GB serves Llama-3.1-8B (BF16) at a steady 200,000 output tokens/s.
// Is buying H200s (or B200s) to serve the same demand worth it? Old hardware is paid for, so its running cost is
// facility energy plus an assumed operations cost per device-year (rack space, support, staff); the new fleet's purchase
// is paid back by the lower running cost, if it is lower. Resale value of the old fleet is ignored.
// Run: dotnet run samples/fleet-upgrade-roi.cs
using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Pricing;

const double demandTokensPerSecond = 200_000;
const double hoursPerYear = 8766;
const double operationsPerDeviceYear = 3000; // assumption, USD: replace with your own figure
var context = PricingContext.Create(Catalog.Default);
var workload = new Workload { Batch = null, InputTokens = 1000, OutputTokens = 300 };

Fleet Size(string hardwareId)
{
    var configuration = context.Deployment("llama-3.1-8b", hardwareId, "bf16", stackId: "vllm", devices: 1);
    var report = context.Price(configuration, workload);
    var perDevice = report.Estimate.SustainedOutputTokensPerSecondPerDevice.TokensPerSecond;
    var devices = (int)Math.Ceiling(demandTokensPerSecond / perDevice);
    // The report prices one deployment (one device here); EnergyCostPerHour is its facility electricity, PUE included.
    var runningPerYear = devices * ((report.EnergyCostPerHour.UsdPerHour * hoursPerYear) + operationsPerDeviceYear);
    var price = context.Catalog.GetHardware(hardwareId).PurchasePrice?.Usd ?? throw new InvalidOperationException($"{hardwareId} lists no purchase price.");
    return new Fleet(hardwareId, report.Estimate.Batch, perDevice, devices, runningPerYear, devices * price);
}

var current = Size("nvidia_a100_80gb_sxm");
Console.WriteLine(FormattableString.Invariant($"Demand: {demandTokensPerSecond:N0} output tokens/s, {workload.InputTokens} prompt + {workload.OutputTokens} output tokens per request."));
Console.WriteLine();
Console.WriteLine("| Fleet | Batch | Tok/s per device | Devices | Running $/year | Purchase $ | Payback (years) |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
Console.WriteLine(current.Row("owned"));
foreach (var candidate in new[] { "nvidia_h200_sxm", "nvidia_b200" })
{
    var upgrade = Size(candidate);
    var savings = current.RunningPerYear - upgrade.RunningPerYear;
    Console.WriteLine(upgrade.Row(savings > 0 ? FormattableString.Invariant($"{upgrade.PurchaseUsd / savings:F1}") : "never (no savings)"));
}

Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"Running cost = facility energy (PUE included) + ${operationsPerDeviceYear:N0} operations per device-year (an assumption);"));
Console.WriteLine("the catalog's purchase prices are list prices or analyst estimates.");

/// <summary>A fleet sized for the demand.</summary>
internal sealed record Fleet(string HardwareId, int Batch, double TokensPerSecondPerDevice, int Devices, double RunningPerYear, double PurchaseUsd)
{
    public string Row(string payback) => FormattableString.Invariant(
        $"| {HardwareId} | {Batch} | {TokensPerSecondPerDevice:N0} | {Devices} | {RunningPerYear:N0} | {PurchaseUsd:N0} | {payback} |");
}
