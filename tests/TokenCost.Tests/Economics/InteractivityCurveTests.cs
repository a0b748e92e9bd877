using System.Text.Json;
using CsCheck;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Serving.Load;
using TokenCost.Tests.Cli;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Economics;

public class InteractivityCurveTests
{
    private static readonly ContinuousBatchingEstimator Engine = TestPricing.Default.LoadEstimator;
    private static readonly Workload Chat = new() { InputTokens = 1000, OutputTokens = 1000 };

    private static InteractivityCurve Sweep(IEnumerable<DeploymentConfiguration> configurations, IReadOnlyList<int>? concurrencies = null, PricingContext? pricing = null) =>
        InteractivityCurve.Sweep(pricing ?? TestPricing.Default, configurations, Chat, concurrencies);

    private static bool Dominates(CurvePoint q, CurvePoint p) =>
        q.OutputTokensPerSecondPerUser >= p.OutputTokensPerSecondPerUser && q.OutputTokensPerSecondPerDevice >= p.OutputTokensPerSecondPerDevice
        && (q.OutputTokensPerSecondPerUser > p.OutputTokensPerSecondPerUser || q.OutputTokensPerSecondPerDevice > p.OutputTokensPerSecondPerDevice);

    private static bool CheaperAtSpeed(CurvePoint q, CurvePoint p) =>
        q.OutputTokensPerSecondPerUser >= p.OutputTokensPerSecondPerUser && q.CostPerMillionOutputTokens.Usd <= p.CostPerMillionOutputTokens.Usd
        && (q.OutputTokensPerSecondPerUser > p.OutputTokensPerSecondPerUser || q.CostPerMillionOutputTokens.Usd < p.CostPerMillionOutputTokens.Usd);

    [Fact]
    public void Sweep_DefaultConcurrencies_GivesSixPointsTradingSpeedForThroughput()
    {
        var curve = Sweep([TestCatalog.Config("llama-3.1-8b", "nvidia_h100_sxm", "fp8")]);
        curve.Points.Select(p => p.Concurrency).Should().Equal(4, 8, 16, 32, 64, 128);
        curve.Skipped.Should().BeEmpty();
        for (var i = 1; i < curve.Points.Count; i++)
        {
            // More users in the batch: each step is longer (slower per user) but carries more tokens (more per device).
            curve.Points[i].OutputTokensPerSecondPerUser.Should().BeLessThan(curve.Points[i - 1].OutputTokensPerSecondPerUser);
            curve.Points[i].OutputTokensPerSecondPerDevice.Should().BeGreaterThan(curve.Points[i - 1].OutputTokensPerSecondPerDevice);
            curve.Points[i].CostPerMillionOutputTokens.Usd.Should().BeLessThan(curve.Points[i - 1].CostPerMillionOutputTokens.Usd);
        }

        // One configuration, strictly trading speed for throughput: every point is on the front.
        curve.Points.Should().OnlyContain(p => p.OnParetoFront && p.OnCostParetoFront);
    }

    [Fact]
    public void Point_CarriesTheLoadedEstimateAndItsCost()
    {
        var c = TestCatalog.Config("llama-3.1-8b", "nvidia_h100_sxm", "fp8");
        var calculator = TestPricing.Default.Calculator;
        var point = InteractivityCurve.Evaluate(TestPricing.Default, c, Chat, 32);
        var loaded = Engine.Estimate(c, Chat, ServingLoad.Closed(32));
        var cost = calculator.Calculate(loaded);
        point.OutputTokensPerSecondPerUser.Should().BeApproximately(1 / loaded.MedianTimePerOutputToken.Seconds, 1e-9);
        point.TimeToFirstToken.Should().Be(loaded.MeanTimeToFirstToken);
        point.OutputTokensPerSecondPerDevice.Should().Be(loaded.OutputTokensPerSecondPerDevice);
        point.CostPerMillionTotalTokens.Should().Be(cost.CostPerMillionTotalTokens);
        point.CostPerMillionInputTokens.Should().Be(cost.CostPerMillionInputTokens);
    }

    [Fact]
    public void TokensPerMegawatt_IsThroughputOverFacilityPower()
    {
        // Facility power per device = board power at the point × server overhead (1.8) × PUE (1.25), the data-centre model's.
        var point = InteractivityCurve.Evaluate(TestPricing.Default, TestCatalog.Config("llama-3.1-8b", "nvidia_h100_sxm", "fp8"), Chat, 64);
        var dc = Catalog.Default.DataCenter;
        var watts = point.Estimate.AveragePowerPerDevice!.Value.Watts * dc.ServerPowerOverhead * dc.PowerUsageEffectiveness;
        point.FacilityPowerPerDevice!.Value.Watts.Should().BeApproximately(watts, watts * 1e-12);
        point.TotalTokensPerSecondPerMegawatt!.Value.Should().BeApproximately(point.TotalTokensPerSecondPerDevice / (watts / 1e6), 1e-6);
        point.OutputTokensPerSecondPerMegawatt!.Value.Should().BeLessThan(point.TotalTokensPerSecondPerMegawatt!.Value);
    }

    [Fact]
    public void ParetoFlags_AgreeWithDominance_OnASweepOverHardwareTpAndFormats()
    {
        var configs = new List<DeploymentConfiguration>();
        foreach (var hw in new[] { "nvidia_h100_sxm", "nvidia_h200_sxm", "amd_mi300x" })
        {
            foreach (var tp in new[] { 1, 2, 4 })
            {
                foreach (var w in new[] { "bf16", "fp8" })
                {
                    configs.Add(TestCatalog.Config("llama-3.1-70b", hw, w, devices: tp, tp: tp));
                }
            }
        }

        var curve = Sweep(configs, [1, 4, 16, 64, 256]);
        curve.Points.Count.Should().BeGreaterThan(40);
        foreach (var p in curve.Points)
        {
            var sameHardware = curve.Points.Where(q => q.Configuration.Hardware.Id == p.Configuration.Hardware.Id);
            p.OnParetoFront.Should().Be(!sameHardware.Any(q => Dominates(q, p)), "the per-hardware flag is non-domination in (speed, throughput per device)");
            p.OnCostParetoFront.Should().Be(!curve.Points.Any(q => CheaperAtSpeed(q, p)), "the cost flag is non-domination in (speed, $/1M output)");
        }

        curve.Points.Should().Contain(p => !p.OnParetoFront, "a sweep over TP and formats has dominated points");
        curve.ParetoFront.Should().OnlyContain(p => p.OnParetoFront);
    }

    [Fact]
    public void NonDominationFlags_MatchBruteForceDominance_OnRandomPoints()
    {
        // Few distinct values, so ties in one or both coordinates are common.
        var coordinate = Gen.Int[0, 6].Select(i => (double)i);
        Gen.Select(coordinate, coordinate).Array[0, 40].Sample(points =>
        {
            var flags = NonDomination.Flags(points.Select(p => p.Item1).ToList(), points.Select(p => p.Item2).ToList());
            for (var i = 0; i < points.Length; i++)
            {
                var (a, b) = points[i];
                var dominated = points.Any(q => q.Item1 >= a && q.Item2 >= b && (q.Item1 > a || q.Item2 > b));
                if (flags[i] == dominated)
                {
                    return false;
                }
            }

            return true;
        }, iter: 500);
    }

    [Fact]
    public void Sweep_ConfigurationThatCannotRun_IsSkippedWithItsReason()
    {
        var curve = Sweep([TestCatalog.Config("llama-3.1-70b", "nvidia_l4", "bf16"), TestCatalog.Config("llama-3.1-8b", "nvidia_h100_sxm", "fp8")]);
        curve.Points.Should().OnlyContain(p => p.Configuration.Hardware.Id == "nvidia_h100_sxm");
        curve.Skipped.Should().ContainSingle().Which.Should().Contain("nvidia_l4");
    }

    [Fact]
    public void Sweep_TooManyPoints_Throws()
    {
        var c = TestCatalog.Config("llama-3.1-8b", "nvidia_h100_sxm", "fp8");
        var act = () => Sweep(Enumerable.Repeat(c, 200), Enumerable.Range(1, 101).ToList());
        act.Should().Throw<ArgumentException>().WithMessage("*20200 points*limit of 20000*").And.ParamName.Should().Be("configurations");
        var zero = () => Sweep([c], [0, 4]);
        zero.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void PriceTier_ScalesEveryCurveCostByTheRatioOfRates_WhenEnergyIsFree()
    {
        // As in PriceTierTests: with electricity at 0 $/kWh the hourly cost is (1 + serving fraction) × rate × devices, and every
        // $/1M figure is that hourly cost ÷ the tokens of an hour at the same operating point, so a tier scales them by R_tier ÷ R_catalog.
        var c = TestCatalog.Config("llama-3.1-8b", "nvidia_h200_sxm", "fp8");
        var dc = Catalog.Default.DataCenter with { ElectricityPrice = TokenCost.Quantities.EnergyPrice.FromUsdPerKilowattHour(0) };
        var catalogPrice = Sweep([c], pricing: TestPricing.Default.WithDataCenter(dc));
        var tier = Sweep([c], pricing: TestPricing.Default.WithDataCenter(dc).WithCostModel(CostModel.Default.Replace(new RentalHardwareCost { PriceTierName = "retail" })));
        var ratio = c.Hardware.GetPriceTier("retail").PricePerDeviceHour / c.Hardware.CloudPricePerDeviceHour!.Value;
        for (var i = 0; i < tier.Points.Count; i++)
        {
            (tier.Points[i].CostPerMillionTotalTokens.Usd / catalogPrice.Points[i].CostPerMillionTotalTokens.Usd).Should().BeApproximately(ratio, 1e-12);
            (tier.Points[i].CostPerMillionOutputTokens.Usd / catalogPrice.Points[i].CostPerMillionOutputTokens.Usd).Should().BeApproximately(ratio, 1e-12);
            tier.Points[i].OutputTokensPerSecondPerDevice.Should().Be(catalogPrice.Points[i].OutputTokensPerSecondPerDevice);
        }
    }

    [Fact]
    public void Cli_CurveJson_PrintsAtLeastFourPointsWithParetoFlags()
    {
        var (code, stdout, stderr) = CliProcess.Run("curve", "--model", "llama-3.1-8b", "--weights", "fp8", "--stack", "vllm", "--input", "1000", "--output", "1000", "--json");
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var points = doc.RootElement.GetProperty("points").EnumerateArray().ToList();
        points.Count.Should().BeGreaterThanOrEqualTo(4);
        foreach (var p in points)
        {
            p.GetProperty("onParetoFront").ValueKind.Should().BeOneOf(JsonValueKind.True, JsonValueKind.False);
            p.GetProperty("outputTokensPerSecondPerUser").GetDouble().Should().BePositive();
            p.GetProperty("costPerMillionTotalTokensUsd").GetDouble().Should().BePositive();
            p.GetProperty("totalTokensPerSecondPerMegawatt").GetDouble().Should().BePositive();
        }

        points.Select(p => p.GetProperty("concurrency").GetInt32()).Should().Equal(4, 8, 16, 32, 64, 128);
    }

    [Fact]
    public void Cli_Curve_CsvAndErrors()
    {
        var (code, stdout, stderr) = CliProcess.Run("curve", "--model", "llama-3.1-70b", "--weights", "fp8", "--sweep-hardware", "nvidia_h100_sxm,amd_mi300x", "--sweep-devices", "1,2", "--concurrency", "8,64", "--csv");
        code.Should().Be(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("hardware,devices,tensorParallel,weights,concurrency");
        lines.Should().HaveCount(1 + (2 * 2 * 2));
        CliProcess.Run("curve", "--concurrency", "4,x").Should().Match<(int ExitCode, string Stdout, string Stderr)>(r => r.ExitCode == 2 && r.Stderr.Contains("--concurrency"));
        CliProcess.Run("curve", "--sweep-hardware", "nvidia_h100_sxm,nope").Should().Match<(int ExitCode, string Stdout, string Stderr)>(r => r.ExitCode == 2 && r.Stderr.Contains("--sweep-hardware"));
        CliProcess.Run("curve", "--sweep-hardware", "nvidia_h100_sxm,nvidia_l4", "--price-tier", "neocloud").Should().Match<(int ExitCode, string Stdout, string Stderr)>(r => r.ExitCode == 2 && r.Stderr.Contains("--price-tier") && r.Stderr.Contains("nvidia_l4"));
    }

    [Fact]
    public void ToMarkdownAndHtml_OneRowPerPoint_InvariantCulture()
    {
        var curve = Sweep([TestCatalog.Config("llama-3.1-8b", "nvidia_h100_sxm", "fp8")], [4, 64]);
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var markdown = curve.ToMarkdown();
            markdown.Split('\n').Count(l => l.StartsWith("| nvidia_h100_sxm", StringComparison.Ordinal)).Should().Be(2);
            markdown.Should().Contain(curve.Points[0].OutputTokensPerSecondPerUser.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
            curve.ToHtml().Should().Contain("<table").And.Contain("Tok/s per user");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
