#:project ../src/TokenCost/TokenCost.csproj
// Compare platforms for one model: what does Llama-3.1-70B in FP8 cost per million output tokens on each accelerator,
// at batch 32 with 1,000 prompt and 250 output tokens? Each platform gets the fewest devices (1, 2, 4, 8) on which it fits.
// Run: dotnet run samples/compare-platforms.cs
using TokenCost.Catalogs;
using TokenCost.Comparisons;
using TokenCost.Estimation;
using TokenCost.Pricing;

var workload = new Workload { Batch = 32, InputTokens = 1000, OutputTokens = 250 };
string[] platforms = ["nvidia_a100_80gb_sxm", "nvidia_h100_sxm", "nvidia_h200_sxm", "nvidia_b200", "amd_mi300x", "amd_mi325x"];

var comparison = PlatformComparison.Create(PricingContext.Create(Catalog.Default), "llama-3.1-70b", platforms, workload, weightsId: "fp8", stackId: "vllm");

// The same Markdown table a pricing page or a notebook gets (ToHtml() gives the HTML one).
Console.WriteLine(comparison.ToMarkdown());

var cheapest = comparison.Cheapest ?? throw new InvalidOperationException("No platform fits the batch.");
Console.WriteLine(FormattableString.Invariant(
    $"Cheapest: {cheapest.Estimate.Configuration.Devices} × {cheapest.Estimate.Configuration.Hardware.Id} at ${cheapest.CostPerMillionOutputTokens.Usd:F3} per 1M output tokens ({cheapest.Estimate.TimePerOutputToken.Milliseconds:F1} ms per token)."));
