using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TokenCost.Catalogs;
using TokenCost.Contracts;
using TokenCost.Estimation;
using TokenCost.Serving.Layouts;
using TokenCost.Serving.Load;

namespace TokenCost.Tests.Cli;

/// <summary><c>tokencost estimate --disagg … --json</c>: the EstimateResponse of a disaggregated prefill/decode deployment describes both pools.</summary>
public class EstimateDisaggregatedTests
{
    private const string Pools = "1x8gTP8EP8DP+2x8gTP8EP8";

    private static readonly string[] R1 = ["estimate", "--model", "deepseek-r1", "--hardware", "nvidia_h200_sxm", "--weights", "fp8", "--stack", "sglang", "--input", "1024", "--output", "1024"];

    private static readonly string[] Closed256 = [.. R1, "--disagg", Pools, "--load", "closed", "--concurrency", "256"];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public void EstimateJson_Disaggregated_CountsTheDevicesAndHourlyCostOfBothPools()
    {
        var (code, stdout, stderr) = CliProcess.Run([.. Closed256, "--json"]);
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var pools = root.GetProperty("disaggregated");

        root.GetProperty("devices").GetInt32().Should().Be(24, "8 prefill + 16 decode devices, not the decode pool's 16");
        pools.GetProperty("prefillDevices").GetInt32().Should().Be(8);
        pools.GetProperty("decodeDevices").GetInt32().Should().Be(16);
        pools.GetProperty("prefillWorkers").GetInt32().Should().Be(1);
        pools.GetProperty("decodeWorkers").GetInt32().Should().Be(2);
        pools.GetProperty("prefillLayout").GetString().Should().Be("TP8EP8DP");
        pools.GetProperty("decodeLayout").GetString().Should().Be("TP8EP8");

        // The hourly cost is both pools' (each device costs the same per hour at the operating point, so 1 : 2), and its breakdown adds up.
        var total = root.GetProperty("totalUsdPerHour").GetDouble();
        var prefill = pools.GetProperty("prefillPoolUsdPerHour").GetDouble();
        var decode = pools.GetProperty("decodePoolUsdPerHour").GetDouble();
        total.Should().BeApproximately(prefill + decode, 1e-9 * total);
        prefill.Should().BeApproximately(decode / 2, 1e-9 * total);
        var breakdown = root.GetProperty("breakdown");
        (breakdown.GetProperty("hardwareUsdPerHour").GetDouble() + breakdown.GetProperty("energyUsdPerHour").GetDouble() + breakdown.GetProperty("servingUsdPerHour").GetDouble())
            .Should().BeApproximately(total, 1e-9 * total);
        breakdown.GetProperty("components").EnumerateArray().Sum(c => c.GetProperty("usdPerHour").GetDouble()).Should().BeApproximately(total, 1e-9 * total);

        // Rental is per device-hour: 24 devices at the H200's catalog price.
        var perDevice = Catalog.Default.GetHardware("nvidia_h200_sxm").CloudPricePerDeviceHour!.Value.UsdPerHour;
        breakdown.GetProperty("hardwareUsdPerHour").GetDouble().Should().BeApproximately(24 * perDevice, 1e-9);

        // $/1M total tokens = the deployment's $/h ÷ the tokens all 24 devices process in an hour.
        var tokensPerDevice = root.GetProperty("totalTokensPerSecondPerDevice").GetDouble();
        root.GetProperty("costPerMillionTotalTokensUsd").GetDouble().Should().BeApproximately(total * 1e6 / (tokensPerDevice * 24 * 3600), 1e-9);
        root.GetProperty("sustainedOutputTokensPerSecond").GetDouble().Should().BeApproximately(24 * root.GetProperty("sustainedOutputTokensPerSecondPerDevice").GetDouble(), 1e-6);

        // Facility power counts every device at the mean board power.
        var dc = Catalog.Default.DataCenter;
        root.GetProperty("facilityPowerW").GetDouble().Should().BeApproximately(
            24 * root.GetProperty("averagePowerPerDeviceW").GetDouble() * dc.ServerPowerOverhead * dc.PowerUsageEffectiveness, 1e-6);
    }

    [Fact]
    public void EstimateJson_Disaggregated_GivesTheNumbersTheTablePrints()
    {
        var (code, table, stderr) = CliProcess.Run(Closed256);
        code.Should().Be(0, stderr);
        (code, var json, stderr) = CliProcess.Run([.. Closed256, "--json"]);
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        string F(string key, string format) => root.GetProperty(key).GetDouble().ToString(format, Inv);
        Regex.Match(table, @"Cost per hour\s*│\s*([0-9.]+) USD/h").Groups[1].Value.Should().Be(F("totalUsdPerHour", "F3"));
        var prices = Regex.Match(table, @"\$([0-9.]+) / \$([0-9.]+) / \$([0-9.]+)");
        prices.Success.Should().BeTrue(table);
        prices.Groups[1].Value.Should().Be(F("costPerMillionInputTokensUsd", "F4"));
        prices.Groups[2].Value.Should().Be(F("costPerMillionOutputTokensUsd", "F3"));
        prices.Groups[3].Value.Should().Be(F("costPerMillionTotalTokensUsd", "F4"));
        table.Should().Contain($"{F("sustainedOutputTokensPerSecondPerDevice", "F1")} / {F("totalTokensPerSecondPerDevice", "F1")}");
        table.Should().Contain("on 24 × nvidia_h200_sxm");
    }

    [Fact]
    public void EstimateJson_Disaggregated_LayoutRoundTripsThroughDisagg()
    {
        // TP omitted = the worker's devices: the answer spells the layout out, and that layout given back prices the same deployment.
        var (code, shorthand, stderr) = CliProcess.Run([.. R1, "--disagg", "1x8gEP8DP+2x8gEP8", "--load", "closed", "--concurrency", "256", "--json"]);
        code.Should().Be(0, stderr);
        string layout;
        using (var doc = JsonDocument.Parse(shorthand))
        {
            layout = doc.RootElement.GetProperty("layout").GetString()!;
        }

        layout.Should().Be(Pools);
        (code, var again, stderr) = CliProcess.Run([.. R1, "--disagg", layout, "--load", "closed", "--concurrency", "256", "--json"]);
        code.Should().Be(0, stderr);
        again.Should().Be(shorthand);
    }

    [Fact]
    public void EstimateJson_DisaggregatedOffline_KeepsEveryDecodeSlotBusy()
    {
        var (code, stdout, stderr) = CliProcess.Run([.. R1, "--disagg", Pools, "--load", "offline", "--json"]);
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        root.GetProperty("load").GetProperty("kind").GetString().Should().Be("offline");
        root.GetProperty("devices").GetInt32().Should().Be(24);
        var slots = root.GetProperty("load").GetProperty("maxRunningSequencesPerReplica").GetInt32();
        root.GetProperty("batch").GetInt32().Should().BeInRange(9 * slots / 10, slots, "an offline run keeps (nearly) every decode slot busy");
        root.GetProperty("load").GetProperty("concurrency").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("disaggregated").GetProperty("kvTransferMs").GetDouble().Should().BePositive();
    }

    [Fact]
    public void EstimateJson_NotDisaggregated_HasNoPoolsAndTheReplicaLayout()
    {
        var (code, stdout, stderr) = CliProcess.Run([.. R1, "--devices", "8", "--ep", "8", "--attention-dp", "--load", "closed", "--concurrency", "64", "--json"]);
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("disaggregated").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetProperty("layout").GetString().Should().Be("TP8EP8DP");
        doc.RootElement.GetProperty("devices").GetInt32().Should().Be(8);
    }

    [Theory]
    [InlineData("--json")]
    [InlineData("--load static --json")]
    [InlineData("--load static")]
    [InlineData("--load poisson --rate 2 --json")]
    public void Estimate_DisaggregatedUnderAStaticOrPoissonLoad_ExitsTwoNamingTheOptions(string extra)
    {
        var (code, stdout, stderr) = CliProcess.Run([.. R1, "--disagg", Pools, .. extra.Split(' ')]);
        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("--disagg").And.Contain("--load closed");
    }

    [Theory]
    [InlineData("html")]
    [InlineData("markdown")]
    public void Estimate_DisaggregatedAsHtmlOrMarkdown_ExitsTwo(string format)
    {
        var (code, stdout, stderr) = CliProcess.Run([.. Closed256, "--format", format]);
        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("--disagg").And.Contain(format);
    }

    [Fact]
    public void ToResponse_Disaggregated_MapsTheLoadedReportOfBothPools()
    {
        var pricing = TestPricing.Default;
        var worker = DeploymentConfiguration.Create(Catalog.Default, "deepseek-r1", "nvidia_h200_sxm", "fp8", stackId: "sglang");
        var deployment = DisaggregatedDeployment.Create(worker, Pools);
        var workload = new Workload { InputTokens = 1024, OutputTokens = 1024 };
        var loaded = pricing.Price(deployment, workload, ServingLoad.Closed(256));
        var decodePool = pricing.Calculator.Calculate(loaded.Estimate.StaticAtAveragePower());

        var response = ResponseMapper.ToResponse(decodePool, loaded);

        response.Devices.Should().Be(24);
        response.Layout.Should().Be(Pools);
        response.TotalUsdPerHour.Should().Be(loaded.TotalCostPerHour.UsdPerHour);
        response.TotalUsdPerHour.Should().BeApproximately(1.5 * decodePool.TotalCostPerHour.UsdPerHour, 1e-9, "the static report prices the 16 decode devices, the deployment has 24");
        response.CostPerMillionTotalTokensUsd.Should().Be(loaded.CostPerMillionTotalTokens.Usd);
        response.CostPerMillionInputTokensUsd.Should().Be(loaded.CostPerMillionInputTokens.Usd);
        response.CostPerMillionOutputTokensUsd.Should().Be(loaded.CostPerMillionOutputTokens.Usd);
        response.FacilityPowerW.Should().BeApproximately(1.5 * decodePool.FacilityPower.Watts, 1e-6);
        response.EnergyPerOutputTokenJ.Should().BeApproximately(1.5 * decodePool.AcceleratorEnergyPerOutputToken!.Value.Joules, 1e-9);
        response.Disaggregated.Should().NotBeNull();
        response.Disaggregated!.DecodePoolUsdPerHour.Should().Be(decodePool.TotalCostPerHour.UsdPerHour);
        response.Disaggregated.PrefillPoolUtilization.Should().Be(loaded.Estimate.PrefillPoolUtilization).And.BeInRange(0.01, 0.99);
        response.Disaggregated.KvTransferMs.Should().Be(loaded.Estimate.KvTransferTime.Milliseconds);
        response.Disaggregated.KvTransferMs.Should().BePositive().And.BeLessThan(response.TimeToFirstTokenMs, "the KV transfer is part of TTFT");
    }
}
