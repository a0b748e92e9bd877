using TokenCost.Catalogs;
using TokenCost.Economics.Scenarios;
using TokenCost.Estimation;
using TokenCost.Quantities;

namespace TokenCost.Tests.Economics;

public class ScenarioTests
{
    private static readonly ScenarioAnalyzer Analyzer = new(TestPricing.Default);

    private static readonly ServingScenario Small = new()
    {
        Deployment = DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", "nvidia_l40s", "fp8"),
        InputTokens = 2000,
        OutputTokens = 200,
        RequestsPerDay = 5000,
        Api = new ApiPricing { Name = "api", CostPerMillionInputTokens = Money.FromUsd(0.1), CostPerMillionOutputTokens = Money.FromUsd(0.2) },
    };

    private static string Samples(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenCost.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "samples", "scenarios", file);
    }

    [Fact]
    public void Fleet_SizedForTargetUtilization_HandDerived()
    {
        var r = Analyzer.Analyze(Small with { RequestsPerDay = 1_000_000 });
        var f = r.Fleet;
        // deployments = ⌈requests ÷ (capacity × 86,400 s × 0.7)⌉; cost/day = deployments × $/h × 24.
        f.Deployments.Should().Be((int)Math.Ceiling(1_000_000 / (f.CapacityRequestsPerSecond * 86_400 * 0.7)));
        f.CostPerDay.Usd.Should().BeApproximately(f.Deployments * f.Report.TotalCostPerHour.UsdPerHour * 24, 1e-9);
        f.CostPerYear.Usd.Should().BeApproximately(f.CostPerDay.Usd * 365, 1e-6);
        f.BusyFraction.Should().BeInRange(0, 0.7);
    }

    [Fact]
    public void Fleet_Emissions_HandDerived()
    {
        var f = Analyzer.Analyze(Small).Fleet;
        // Embodied: 1 device × 320 kgCO2e ÷ 5 years ÷ 1000 = 0.064 t/yr.
        f.EmbodiedTonnesCo2ePerYear.Should().BeApproximately(0.064, 1e-12);
        // Operational: kWh/day × 365 × 370 g/kWh ÷ 10⁶.
        f.OperationalTonnesCo2ePerYear.Should().BeApproximately(f.EnergyPerDay.KilowattHours * 365 * 370 / 1e6, 1e-12);
    }

    [Fact]
    public void Api_CostPerRequest_AndBreakEven_HandDerived()
    {
        var a = Analyzer.Analyze(Small).Api!;
        // (2000 × $0.1 + 200 × $0.2) ÷ 10⁶ = $0.00024 per request; 5,000 requests → $1.20/day.
        a.ApiCostPerRequest.Usd.Should().BeApproximately(0.00024, 1e-15);
        a.ApiCostPerDay.Usd.Should().BeApproximately(1.2, 1e-12);
        // Break-even: one deployment-day ÷ API cost per request.
        var fleet = Analyzer.Analyze(Small).Fleet;
        a.BreakEvenRequestsPerDay!.Value.Should().BeApproximately(fleet.Report.TotalCostPerHour.UsdPerHour * 24 / 0.00024, 1e-6);
        a.Cheaper.Should().Be(ServingOption.Api);
        var big = Analyzer.Analyze(Small with { RequestsPerDay = 2 * a.BreakEvenRequestsPerDay.Value }).Api!;
        big.Cheaper.Should().Be(ServingOption.SelfHosted);
    }

    [Fact]
    public void Api_CachedInput_UsesCachedPrice()
    {
        var s = Small with { CachedInputFraction = 0.5, Api = Small.Api! with { CostPerMillionCachedInputTokens = Money.FromUsd(0.02) } };
        // (1000 × 0.1 + 1000 × 0.02 + 200 × 0.2) ÷ 10⁶ = 160 ÷ 10⁶.
        Analyzer.Analyze(s).Api!.ApiCostPerRequest.Usd.Should().BeApproximately(160e-6, 1e-15);
    }

    [Fact]
    public void Api_CheaperThanMarginalSelfHosting_NeverBreaksEven()
    {
        var s = Small with { Api = Small.Api! with { CostPerMillionInputTokens = Money.Zero, CostPerMillionOutputTokens = Money.FromUsd(1e-6) } };
        Analyzer.Analyze(s).Api!.BreakEvenRequestsPerDay.Should().BeNull();
    }

    [Fact]
    public void SampleChatAssistant_RoutingAndUpgrade()
    {
        var r = Analyzer.Analyze(ScenarioFile.Load(Samples("chat-assistant.json"), Catalog.Default));
        var routing = r.Routing!;
        routing.BlendedQuality!.Value.Should().BeApproximately((0.3 * 0.55) + (0.7 * 0.83), 1e-12); // 0.746
        // 40 W × on-device request latency.
        routing.DeviceEnergyPerQuery!.Value.Joules.Should().BeApproximately(40 * routing.DeviceRequestLatency.Seconds, 1e-9);
        routing.CloudFleet.Deployments.Should().BeLessThanOrEqualTo(r.Fleet.Deployments);
        var u = r.Upgrade!;
        u.CapitalExpenseUsd.Should().BeApproximately(u.NewFleet.Devices * 33821.0, 1e-6);
        u.PaybackYears!.Value.Should().BeApproximately(u.CapitalExpenseUsd!.Value / (r.Fleet.CostPerYear.Usd - u.PurchasedOperatingCostPerYearUsd!.Value), 1e-9);
    }

    [Fact]
    public void Load_SampleFiles_Parse()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(Samples("x.json"))!, "*.json"))
        {
            FluentActions.Invoking(() => ScenarioFile.Load(file, Catalog.Default)).Should().NotThrow();
        }
    }

    [Fact]
    public void Parse_UnknownKey_ReportsFileAndLine()
    {
        const string json = "{\n  \"deployment\": { \"model\": \"llama-3.1-8b\", \"hardware\": \"nvidia_l40s\" },\n  \"workload\": { \"requestsPerDay\": 10, \"colour\": 1 }\n}";
        var ex = FluentActions.Invoking(() => ScenarioFile.Parse(json, Catalog.Default, "s.json")).Should().Throw<ScenarioFileException>().Which;
        ex.File.Should().Be("s.json");
        ex.Line.Should().Be(3);
        ex.Message.Should().Contain("colour");
    }

    [Fact]
    public void Parse_DuplicateKey_Rejected()
    {
        const string json = "{ \"deployment\": { \"model\": \"llama-3.1-8b\", \"model\": \"llama-3.1-8b\", \"hardware\": \"nvidia_l40s\" }, \"workload\": { \"requestsPerDay\": 10 } }";
        FluentActions.Invoking(() => ScenarioFile.Parse(json, Catalog.Default, "s.json")).Should().Throw<ScenarioFileException>().WithMessage("s.json:1:*");
    }

    [Fact]
    public void Parse_UnknownModel_IsScenarioFileExceptionNamingTheFile()
    {
        const string json = "{ \"deployment\": { \"model\": \"nope\", \"hardware\": \"nvidia_l40s\" }, \"workload\": { \"requestsPerDay\": 10 } }";
        FluentActions.Invoking(() => ScenarioFile.Parse(json, Catalog.Default, "s.json")).Should().Throw<ScenarioFileException>().WithMessage("s.json:*nope*");
    }

    [Fact]
    public void Parse_MissingVolume_Rejected()
    {
        const string json = "{ \"deployment\": { \"model\": \"llama-3.1-8b\", \"hardware\": \"nvidia_l40s\" }, \"workload\": { } }";
        FluentActions.Invoking(() => ScenarioFile.Parse(json, Catalog.Default, "s.json")).Should().Throw<ScenarioFileException>().WithMessage("*requestsPerDay*");
    }
}
