using System.Text;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Hardware;
using TokenCost.Quantities;
using TokenCost.Tests.Cli;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Hardware;

public class PriceTierTests
{
    private static readonly HardwarePlatform H100 = Catalog.Default.GetHardware("nvidia_h100_sxm");

    [Fact]
    public void Default_LoadsEveryRowOfTheTierTable()
    {
        // gpu_prices.csv: 8 platforms × (3 tiers dated 2025-10 + 3 tiers dated 2026-07) = 48 rows.
        Catalog.Default.PriceTiers.Should().HaveCount(48);
        Catalog.Default.PriceTiers.Select(t => t.HardwareId).Distinct().Should().BeEquivalentTo(
            "nvidia_h100_sxm", "nvidia_h200_sxm", "nvidia_b200", "nvidia_b300", "nvidia_gb200_per_gpu", "amd_mi300x", "amd_mi325x", "amd_mi355x");
        Catalog.Default.PriceTiers.Select(t => t.Name).Distinct().Should().BeEquivalentTo("hyperscaler", "neocloud", "rental_3yr", "retail");
        Catalog.Default.PriceTiers.Should().OnlyContain(t => t.Source.Length > 0 && t.PricePerDeviceHour > HourlyRate.Zero);
    }

    [Fact]
    public void Default_KeepsTheRowsTypedAndExactly()
    {
        // Row "nvidia_h100_sxm,neocloud,1.55,1.37,it_all_in,2026-07,…" of gpu_prices.csv.
        var t = H100.GetPriceTier("neocloud@2026-07");
        t.PricePerDeviceHour.UsdPerHour.Should().Be(1.55);
        t.AllInPowerPerDevice.Kilowatts.Should().BeApproximately(1.37, 1e-12);
        t.PowerBasis.Should().Be(AllInPowerBasis.ItAllIn);
        t.AsOf.Should().Be(new DateOnly(2026, 7, 1));
        t.Source.Should().Contain("InferenceX");

        // Row "nvidia_h100_sxm,rental_3yr,1.3,1.73,provisioned_utility,2025-10,…".
        var r = H100.GetPriceTier("rental_3yr");
        r.PowerBasis.Should().Be(AllInPowerBasis.ProvisionedUtility);
        r.AllInPowerPerDevice.Kilowatts.Should().BeApproximately(1.73, 1e-12);
    }

    [Fact]
    public void GetPriceTier_BareName_PicksTheMostRecentDate()
    {
        H100.GetPriceTier("hyperscaler").Id.Should().Be("hyperscaler@2026-07");
        H100.GetPriceTier("hyperscaler").PricePerDeviceHour.UsdPerHour.Should().Be(1.17);
        H100.GetPriceTier("hyperscaler@2025-10").PricePerDeviceHour.UsdPerHour.Should().Be(1.3);
    }

    [Fact]
    public void GetPriceTier_Unknown_ThrowsListingTheTiersOfThatHardware()
    {
        var act = () => H100.GetPriceTier("Neocloud");
        act.Should().Throw<ArgumentException>().WithMessage("*no price tier 'Neocloud'*neocloud@2026-07*rental_3yr@2025-10*").And.ParamName.Should().Be("name");
        var none = () => Catalog.Default.GetHardware("nvidia_a100_80gb_sxm").GetPriceTier("neocloud");
        none.Should().Throw<ArgumentException>().WithMessage("*tiers for nvidia_a100_80gb_sxm: none*");
    }

    [Fact]
    public void WithOverrides_ReplacedHardwareKeepsItsTiers()
    {
        const string json = """{ "hardware": [ { "id": "nvidia_h100_sxm", "name": "My H100", "year": 2023, "memoryGb": 80, "bandwidthTbps": 3.35, "bf16Tflops": 989, "tdpW": 700, "sources": "mine" } ] }""";
        var custom = Catalog.Default.WithOverrides(new MemoryStream(Encoding.UTF8.GetBytes(json)), "mine.json");
        custom.GetHardware("nvidia_h100_sxm").Name.Should().Be("My H100");
        custom.GetHardware("nvidia_h100_sxm").PriceTiers.Should().HaveCount(6);
        custom.PriceTiers.Should().HaveCount(48);
    }

    [Fact]
    public void RentalAtATier_ChangesCostPerTokenByExactlyTheRatioOfHourlyRates()
    {
        // Derivation. For one estimate, $/1M output = Σ components $/h × h per 1M output tokens, and
        // the components are rental R·n, energy E (facility power × electricity price, independent of the rental price), and
        // serving overhead f·(R·n + E). With the electricity price set to 0, E = 0, so
        //   $/1M(tier) ÷ $/1M(catalog) = (1 + f)·R_tier·n ÷ ((1 + f)·R_catalog·n) = R_tier ÷ R_catalog exactly,
        // for input tokens as for output tokens (the hours per 1M tokens are the same in numerator and denominator).
        // With the default electricity price, energy is the same under both prices and the rental component alone scales by the ratio.
        var estimate = TestPricing.Default.Estimator.Estimate(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4"), new Workload { Batch = 8 });
        var noPower = Catalog.Default.DataCenter with { ElectricityPrice = EnergyPrice.FromUsdPerKilowattHour(0) };
        var tierModel = CostModel.Default.Replace(new RentalHardwareCost { PriceTierName = "neocloud" });
        var catalogPrice = new TokenCostCalculator(CostModel.Default, noPower).Calculate(estimate);
        var tierPrice = new TokenCostCalculator(tierModel, noPower).Calculate(estimate);
        var ratio = H100.GetPriceTier("neocloud").PricePerDeviceHour / H100.CloudPricePerDeviceHour!.Value;
        ratio.Should().NotBeApproximately(1, 0.01, "the test needs a tier price that differs from the catalog price");
        (tierPrice.CostPerMillionOutputTokens.Usd / catalogPrice.CostPerMillionOutputTokens.Usd).Should().BeApproximately(ratio, ratio * 1e-12);
        (tierPrice.CostPerMillionInputTokens.Usd / catalogPrice.CostPerMillionInputTokens.Usd).Should().BeApproximately(ratio, ratio * 1e-12);

        var withPower = new TokenCostCalculator(tierModel, Catalog.Default.DataCenter).Calculate(estimate);
        var defaultPrice = TestPricing.Default.Calculator.Calculate(estimate);
        withPower.EnergyCostPerHour.Should().Be(defaultPrice.EnergyCostPerHour);
        (withPower.HardwareCostPerHour / defaultPrice.HardwareCostPerHour).Should().BeApproximately(ratio, ratio * 1e-12);
    }

    [Fact]
    public void RentalAtATier_HardwareWithoutTheTier_Throws()
    {
        var estimate = TestPricing.Default.Estimator.Estimate(TestCatalog.Config("llama-3-8b", "nvidia_a100_80gb_sxm", "bf16"), new Workload());
        var act = () => new TokenCostCalculator(CostModel.Default.Replace(new RentalHardwareCost { PriceTierName = "neocloud" }), Catalog.Default.DataCenter).Calculate(estimate);
        act.Should().Throw<ArgumentException>().WithMessage("*nvidia_a100_80gb_sxm*none*");
    }

    [Fact]
    public void Cli_UnknownTier_ExitsTwoNamingTheOptionAndTheTiers()
    {
        var (code, _, stderr) = CliProcess.Run("estimate", "--price-tier", "spot");
        code.Should().Be(2);
        stderr.Should().Contain("--price-tier").And.Contain("hyperscaler@2026-07");
        var (code2, _, stderr2) = CliProcess.Run("estimate", "--hardware", "nvidia_l4", "--model", "llama-3-8b", "--price-tier", "neocloud");
        code2.Should().Be(2);
        stderr2.Should().Contain("--price-tier").And.Contain("none");
    }

    [Fact]
    public void Cli_Sweep_TierScalesTheAllInCostColumnByTheRateRatio()
    {
        // The sweep's cost column is price per device-hour ÷ output tokens per hour (no separate energy), so a tier scales it by R_tier ÷ R_catalog.
        static double[] Costs(params string[] extra)
        {
            var (code, stdout, stderr) = CliProcess.Run(["sweep", "--hardware", "nvidia_h100_sxm", "--model", "llama-3.1-8b", "--weights", "fp8", "--csv", .. extra]);
            code.Should().Be(0, stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var column = Array.IndexOf(lines[0].Split(','), "costPerMillionOutputTokensUsd");
            return lines.Skip(1).Select(l => double.Parse(l.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }

        var catalogPrice = Costs();
        var tier = Costs("--price-tier", "neocloud");
        var ratio = H100.GetPriceTier("neocloud").PricePerDeviceHour / H100.CloudPricePerDeviceHour!.Value;
        tier.Should().HaveSameCount(catalogPrice).And.NotBeEmpty();
        tier.Zip(catalogPrice, (t, c) => t / c).Should().OnlyContain(r => Math.Abs(r - ratio) < 1e-6 * ratio, "the CSV prints 9 significant digits");
    }
}
