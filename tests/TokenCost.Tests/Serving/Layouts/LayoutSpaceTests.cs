using System.Text.Json;
using FluentAssertions;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Economics.Optimization;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quantities;
using TokenCost.Serving.Layouts;
using TokenCost.Serving.Load;
using TokenCost.Tests.Cli;
using TokenCost.Tests.Support;
using Xunit;

namespace TokenCost.Tests.Serving.Layouts;

public sealed class LayoutSpaceTests
{
    private static readonly PricingContext Pricing = TestPricing.Default;
    private static readonly ContinuousBatchingEstimator Engine = Pricing.LoadEstimator;
    private static readonly Workload OneKOneK = new() { InputTokens = 1024, OutputTokens = 1024 };

    private static DeploymentConfiguration R1(string hardware = "nvidia_b200") =>
        DeploymentConfiguration.Create(Catalog.Default, "deepseek-r1", hardware, "fp8", kvCacheId: "fp8", stackId: "sglang", devices: 8);

    [Fact]
    public void MoeOnATensorParallelReplica_TriesTpEpAndDpAttention()
    {
        LayoutSpace.Default.Replicas(R1()).Select(c => c.LayoutNotation).Should().Equal("TP8", "TP8EP8", "TP8EP8DP");
        LayoutSpace.None.Replicas(R1()).Should().ContainSingle();
    }

    [Fact]
    public void DenseModelsAndSingleDevices_KeepTheirLayout_AndAreNotDisaggregated()
    {
        var dense = DeploymentConfiguration.Create(Catalog.Default, "llama-3.3-70b", "nvidia_b200", "fp8", devices: 8);
        var single = DeploymentConfiguration.Create(Catalog.Default, "gpt-oss-120b", "nvidia_b200", "fp8", devices: 1);
        LayoutSpace.Default.Replicas(dense).Should().ContainSingle();
        LayoutSpace.Default.Replicas(single).Should().ContainSingle();
        LayoutSpace.Default.Disaggregations(dense).Should().BeEmpty();
        LayoutSpace.Default.Disaggregations(single).Should().BeEmpty();
        LayoutSpace.Replica.Disaggregations(R1()).Should().BeEmpty();
    }

    [Fact]
    public void PoolSizes_AreTheCoprimePairsWithinTheBounds()
    {
        var space = new LayoutSpace { MaxPrefillWorkers = 3, MaxDecodeWorkers = 4 };
        space.PoolSizes.Should().BeEquivalentTo(new[] { (1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (1, 4), (2, 3), (3, 2), (3, 4) });
        LayoutSpace.Default.PoolSizes.Should().HaveCount(12).And.OnlyContain(p => p.PrefillWorkers <= 2 && p.DecodeWorkers <= 8);

        // Every pool size, each pool in any of the three replica layouts.
        var deployments = LayoutSpace.Default.Disaggregations(R1());
        deployments.Should().HaveCount(12 * 9);
        deployments.Select(d => d.Notation).Should().OnlyHaveUniqueItems().And.Contain("1x8gTP8EP8DP+8x8gTP8EP8", "2x8gTP8+7x8gTP8EP8DP");
        FluentActions.Invoking(() => new LayoutSpace { MaxDecodeWorkers = 0 }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxDecodeWorkers");
    }

    [Theory]
    [InlineData("1x8gTP8EP8DP+9x8gTP8EP8", 80)]
    [InlineData("2x8gTP8+3x8gTP8", 40)]
    [InlineData("1x8g+1x8gEP8DP", 16)]
    public void Notation_RoundTrips_AndCountsBothPools(string notation, int devices)
    {
        var d = DisaggregatedDeployment.Create(R1(), notation);
        d.Devices.Should().Be(devices);
        DisaggregatedDeployment.Create(R1(), d.Notation).Should().Be(d);
        d.Prefill.Model.Id.Should().Be("deepseek-r1");
    }

    [Theory]
    [InlineData("1x8gTP8")]
    [InlineData("1x8gTP8+")]
    [InlineData("0x8gTP8+1x8gTP8")]
    [InlineData("1x8gTP3+1x8gTP8")]
    [InlineData("1x8gTP8EP3+1x8gTP8")]
    [InlineData("1x8gTP8+1x8gTP8+1x8gTP8")]
    public void Notation_Malformed_NamesTheParameter(string text) =>
        FluentActions.Invoking(() => DisaggregatedDeployment.Create(R1(), text)).Should().Throw<ArgumentException>().WithParameterName("notation");

    [Fact]
    public void Pools_OnDifferentHardware_AreRefused()
    {
        var d = DisaggregatedDeployment.Create(R1(), "1x8gTP8+1x8gTP8");
        FluentActions.Invoking(() => (d with { Decode = R1("nvidia_h200_sxm") }).Validate()).Should().Throw<ArgumentException>().WithMessage("*same hardware*");
    }

    [Fact]
    public void Disaggregated_PerDeviceRatesAndHourlyCost_CountBothPools()
    {
        var d = DisaggregatedDeployment.Create(R1(), "1x8gTP8EP8DP+3x8gTP8EP8DP");
        var calculator = Pricing.Calculator;
        var e = Engine.Estimate(d, OneKOneK, ServingLoad.Closed(512));
        e.Devices.Should().Be(32);
        e.Configuration.Should().Be(d.Decode);
        e.LayoutNotation.Should().Be("1x8gTP8EP8DP+3x8gTP8EP8DP");
        (e.OutputTokensPerSecondPerDevice * 32).Should().BeApproximately(e.RequestsPerSecondPerReplica * 3 * e.MeanOutputTokens, 1e-6);

        // Hardware is rented per device whatever its power: 32 devices cost four times one 8-device replica.
        var report = calculator.Calculate(e);
        var replica = calculator.Calculate(Engine.Estimate(R1(), OneKOneK, ServingLoad.Closed(64)));
        static double Hardware(LoadedCostReport r) => r.Components.Where(c => c.Category == CostCategory.Hardware).Sum(c => c.CostPerHour.UsdPerHour);
        Hardware(report).Should().BeApproximately(4 * Hardware(replica), 1e-9);

        // The hourly cost is split so that input + output spending equals the total over all tokens.
        var inputPerHour = e.InputTokensPerSecondPerDevice * 32 * 3600 / 1e6;
        var outputPerHour = e.OutputTokensPerSecondPerDevice * 32 * 3600 / 1e6;
        ((report.CostPerMillionInputTokens.Usd * inputPerHour) + (report.CostPerMillionOutputTokens.Usd * outputPerHour))
            .Should().BeApproximately(report.TotalCostPerHour.UsdPerHour, 1e-6 * report.TotalCostPerHour.UsdPerHour);
        report.CostPerMillionTotalTokens.Usd.Should().BeApproximately(report.TotalCostPerHour.UsdPerHour / (inputPerHour + outputPerHour), 1e-9);
    }

    [Fact]
    public void Disaggregated_PricesEachPool_TheFacilityPowerOfBoth_AndTheKvTransfer()
    {
        var report = Pricing.Price(DisaggregatedDeployment.Create(R1(), "1x8gTP8EP8DP+3x8gTP8EP8DP"), OneKOneK, ServingLoad.Closed(512));
        var total = report.TotalCostPerHour.UsdPerHour;

        // Every device costs the same per hour at the operating point: the prefill pool is 8 of the 32 devices.
        report.PrefillPoolCostPerHour!.Value.UsdPerHour.Should().BeApproximately(total / 4, 1e-9 * total);
        (report.PrefillPoolCostPerHour.Value + report.DecodePoolCostPerHour!.Value).UsdPerHour.Should().BeApproximately(total, 1e-9 * total);
        (report.HardwareCostPerHour + report.EnergyCostPerHour + report.ServingCostPerHour).UsdPerHour.Should().BeApproximately(total, 1e-9 * total);
        var dc = Pricing.DataCenter;
        report.FacilityPower.Watts.Should().BeApproximately(32 * report.Estimate.AveragePowerPerDevice!.Value.Watts * dc.ServerPowerOverhead * dc.PowerUsageEffectiveness, 1e-6);
        report.Estimate.KvTransferTime.Should().BeGreaterThan(TimeInterval.Zero).And.BeLessThan(report.Estimate.MeanTimeToFirstToken);

        // A replica that both prefills and decodes has no pools, and its power and energy are its static report's at the loaded power.
        var replica = Pricing.Price(R1(), OneKOneK, ServingLoad.Closed(64));
        var atPoint = Pricing.Calculator.Calculate(replica.Estimate.StaticAtAveragePower());
        replica.PrefillPoolCostPerHour.Should().BeNull();
        replica.DecodePoolCostPerHour.Should().BeNull();
        replica.Estimate.KvTransferTime.Should().Be(TimeInterval.Zero);
        replica.FacilityPower.Should().Be(atPoint.FacilityPower);
        replica.AcceleratorEnergyPerOutputToken.Should().Be(atPoint.AcceleratorEnergyPerOutputToken);
        replica.GramsCo2ePerMillionOutputTokens.Should().Be(atPoint.GramsCo2ePerMillionOutputTokens);
    }

    [Fact]
    public void Disaggregated_OversizedPrefillPool_IsIdleAndMakesOutputDearer()
    {
        var calculator = Pricing.Calculator;
        var balanced = calculator.Calculate(Engine.Estimate(DisaggregatedDeployment.Create(R1(), "1x8gTP8EP8DP+3x8gTP8EP8DP"), OneKOneK, ServingLoad.Closed(768)));
        var oversized = calculator.Calculate(Engine.Estimate(DisaggregatedDeployment.Create(R1(), "4x8gTP8EP8DP+3x8gTP8EP8DP"), OneKOneK, ServingLoad.Closed(768)));
        oversized.Estimate.PrefillPoolUtilization.Should().BeLessThan(balanced.Estimate.PrefillPoolUtilization);
        oversized.CostPerMillionOutputTokens.Usd.Should().BeGreaterThan(balanced.CostPerMillionOutputTokens.Usd, "idle prefill devices are paid by the output tokens");
        oversized.CostPerMillionTotalTokens.Usd.Should().BeGreaterThan(balanced.CostPerMillionTotalTokens.Usd);
    }

    [Fact]
    public void Disaggregated_StaticOrPoissonLoad_IsRefused()
    {
        var d = DisaggregatedDeployment.Create(R1(), "1x8gTP8+1x8gTP8");
        FluentActions.Invoking(() => Engine.Estimate(d, OneKOneK, ServingLoad.Poisson(1))).Should().Throw<ArgumentException>().WithParameterName("load");
    }

    [Theory]
    [InlineData("nvidia_h200_sxm")]
    [InlineData("nvidia_b200")]
    public void OptimizeDeepSeekR1_ConsidersEpDpAndDisaggregated_AndTheWinnerIsNoDearerThanPlainTp(string hardware)
    {
        var objective = new UserSpeedObjective { MinOutputTokensPerSecondPerUser = 30, MaxTimeToFirstToken = TimeInterval.FromSeconds(2) };
        var space = new OptimizerSearchSpace { Hardware = [hardware], DeviceCounts = [8], WeightFormats = ["fp8"], Stack = "sglang" };
        var answer = DeploymentOptimizer.OptimizeUnderLoad(Pricing, "deepseek-r1", OneKOneK, objective, space);

        answer.Feasible.Should().BeTrue();
        var layouts = answer.Candidates.Select(p => p.Layout).ToList();
        layouts.Should().Contain(["TP8", "TP8EP8", "TP8EP8DP"]);
        layouts.Should().Contain(l => l.Contains('+', StringComparison.Ordinal), "disaggregated pools were searched");
        var plainTp = answer.Candidates.Single(p => p.Layout == "TP8");
        answer.Best!.CostPerMillionOutputTokens.Usd.Should().BeLessThanOrEqualTo(plainTp.CostPerMillionOutputTokens.Usd);
        answer.Best.OutputTokensPerSecondPerUser.Should().BeGreaterThanOrEqualTo(30);

        // Re-evaluating the winner independently gives its cost: the layout in the answer is the one priced.
        var again = answer.Best.Estimate.Disaggregated is { } pools
            ? InteractivityCurve.EvaluateDisaggregated(Pricing, pools, OneKOneK, answer.Best.Concurrency)
            : InteractivityCurve.Evaluate(Pricing, answer.Best.Configuration, OneKOneK, answer.Best.Concurrency);
        again.CostPerMillionOutputTokens.Usd.Should().BeApproximately(answer.Best.CostPerMillionOutputTokens.Usd, 1e-9);

        var tpOnly = DeploymentOptimizer.OptimizeUnderLoad(Pricing, "deepseek-r1", OneKOneK, objective, space with { Layouts = LayoutSpace.None });
        tpOnly.Candidates.Should().ContainSingle().Which.Layout.Should().Be("TP8");
        answer.Evaluated.Should().BeGreaterThan(tpOnly.Evaluated);
    }

    [Fact]
    public void SweepLayouts_KeepsEveryReplicaPoint_AndOnlyTheFrontOfTheDisaggregatedOnes()
    {
        int[] users = [64, 256, 1024];
        var curve = InteractivityCurve.SweepLayouts(Pricing, [R1()], LayoutSpace.Default, OneKOneK, users);
        curve.Points.Count(p => p.Estimate.Disaggregated is null).Should().Be(3 * users.Length);
        var pools = curve.Points.Where(p => p.Estimate.Disaggregated is not null).ToList();
        pools.Should().NotBeEmpty().And.OnlyContain(p => p.Layout.Contains('+', StringComparison.Ordinal) && p.Devices == p.Estimate.Disaggregated!.Devices);
        foreach (var p in pools)
        {
            pools.Should().NotContain(q => q.OutputTokensPerSecondPerUser >= p.OutputTokensPerSecondPerUser && q.CostPerMillionOutputTokens.Usd < p.CostPerMillionOutputTokens.Usd);
        }
    }

    [Fact]
    public void OptimizeDeepSeekR1_ReportsTheWinningLayoutAndWhy()
    {
        var (code, stdout, stderr) = CliProcess.Run(["optimize", "--model", "deepseek-r1", "--min-user-tokens-per-second", "30", "--hardware-list", "nvidia_b200", "--device-counts", "8", "--weight-formats", "fp8", "--input", "1024", "--output", "1024", "--json"]);
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var best = root.GetProperty("best");
        var layout = best.GetProperty("layout").GetString()!;
        root.GetProperty("layoutReason").GetString().Should().Contain(layout).And.Contain("KV read");
        var candidates = root.GetProperty("candidates").EnumerateArray().ToList();
        candidates[0].GetProperty("layout").GetString().Should().Be(layout);
        candidates.Select(c => c.GetProperty("layout").GetString()).Should().OnlyHaveUniqueItems();
        best.GetProperty("devices").GetInt32().Should().Be(layout.Contains('+', StringComparison.Ordinal) ? DisaggregatedDeployment.Create(R1(), layout).Devices : 8);
    }

    [Fact]
    public void CurveJson_CarriesTheLayoutOfEveryPoint_AndDisaggPricesTheGivenPools()
    {
        var (code, stdout, stderr) = CliProcess.Run(["curve", "--model", "deepseek-r1", "--hardware", "nvidia_b200", "--devices", "8", "--weights", "fp8", "--kv-cache", "fp8", "--input", "1024", "--output", "1024", "--concurrency", "64,512", "--json"]);
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var layouts = doc.RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("layout").GetString()!).ToList();
        layouts.Should().Contain(["TP8", "TP8EP8", "TP8EP8DP"]).And.Contain(l => l.Contains('+', StringComparison.Ordinal));

        (code, stdout, stderr) = CliProcess.Run(["curve", "--model", "deepseek-r1", "--hardware", "nvidia_b200", "--weights", "fp8", "--kv-cache", "fp8", "--input", "1024", "--output", "1024", "--disagg", "1x8gTP8EP8DP+3x8gTP8EP8DP", "--concurrency", "256,1024", "--json"]);
        code.Should().Be(0, stderr);
        using var given = JsonDocument.Parse(stdout);
        var points = given.RootElement.GetProperty("points").EnumerateArray().ToList();
        points.Should().HaveCount(2).And.OnlyContain(p => p.GetProperty("layout").GetString() == "1x8gTP8EP8DP+3x8gTP8EP8DP" && p.GetProperty("devices").GetInt32() == 32);
    }

    [Fact]
    public void EstimateDisagg_CountsBothPools_AndNeedsAClosedOrOfflineLoad()
    {
        string[] args = ["estimate", "--model", "deepseek-r1", "--hardware", "nvidia_b200", "--weights", "fp8", "--kv-cache", "fp8", "--input", "1024", "--output", "1024", "--disagg", "1x8gTP8EP8DP+3x8gTP8EP8DP"];
        var (code, stdout, stderr) = CliProcess.Run([.. args, "--load", "closed", "--concurrency", "512"]);
        code.Should().Be(0, stderr);
        stdout.Should().Contain("32 × nvidia_b200").And.Contain("1x8gTP8EP8DP+3x8gTP8EP8DP").And.Contain("8 prefill + 24 decode devices");

        CliProcess.Run(args).ExitCode.Should().Be(2, "a static batch cannot be disaggregated");
        CliProcess.Run([.. args, "--load", "closed", "--concurrency", "64", "--ep", "8"]).ExitCode.Should().Be(2, "--disagg replaces --ep");
        var bad = CliProcess.Run([.. args[..^1], "1x8gTP8", "--load", "closed", "--concurrency", "64"]);
        bad.ExitCode.Should().Be(2);
        bad.Stderr.Should().Contain("--disagg");
    }
}
