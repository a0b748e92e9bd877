#:project ../src/TokenCost/TokenCost.csproj
// The README's library tour, kept runnable: CI runs every samples/*.cs.
// Run: dotnet run samples/readme-tour.cs
using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quantities;

// One context holds everything a price depends on: catalog, serving profiles, data-centre parameters and cost model.
var context = PricingContext.Create(Catalog.Default);
var config = context.Deployment("llama-2-70b", "nvidia_h100_sxm", weightsId: "int4");
var report = context.Price(config, new Workload { Batch = 1, InputTokens = 512, OutputTokens = 256 });
var estimate = report.Estimate;

Console.WriteLine($"TPOT {estimate.TimePerOutputToken}, bound: {estimate.Bound}");
Console.WriteLine($"{report.CostPerMillionOutputTokens} per 1M output tokens ({report.TotalCostPerHour})");

// Your electricity price: derive a context (contexts are immutable) and price with it; every analyser takes a context.
var mine = context.WithDataCenter(context.DataCenter with { ElectricityPrice = EnergyPrice.FromUsdPerKilowattHour(0.30) });
Console.WriteLine($"at 0.30 $/kWh: {mine.Price(config, estimate.Workload).CostPerMillionOutputTokens} per 1M output tokens");
