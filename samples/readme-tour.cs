#:project ../src/TokenCost/TokenCost.csproj
// The README's library tour, kept runnable: CI runs every samples/*.cs.
// Run: dotnet run samples/readme-tour.cs
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;

var catalog = Catalog.Default;
var config = DeploymentConfiguration.Create(catalog, "llama-2-70b", "nvidia_h100_sxm", weightsId: "int4");
var estimate = new RooflineEstimator(catalog.Profiles).Estimate(config, new Workload { Batch = 1, InputTokens = 512, OutputTokens = 256 });
var report = new TokenCostCalculator().Calculate(estimate);

Console.WriteLine($"TPOT {estimate.TimePerOutputToken}, bound: {estimate.Bound}");
Console.WriteLine($"{report.CostPerMillionOutputTokens} per 1M output tokens ({report.TotalCostPerHour})");
