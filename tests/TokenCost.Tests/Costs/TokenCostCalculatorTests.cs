using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Costs;

public class TokenCostCalculatorTests
{
    private static readonly PerformanceEstimate Headline =
        TestPricing.Default.Estimator.Estimate(TestCatalog.Config("llama-2-70b", "nvidia_h100_sxm", "int4"), new Workload());

    [Fact]
    public void Calculate_BreakdownSumsToTotal()
    {
        var r = TestPricing.Default.Calculator.Calculate(Headline);
        (r.HardwareCostPerHour + r.EnergyCostPerHour + r.ServingCostPerHour).UsdPerHour.Should().BeApproximately(r.TotalCostPerHour.UsdPerHour, 1e-12);
        r.Components.Sum(c => c.CostPerMillionOutputTokens.Usd).Should().Be(r.CostPerMillionOutputTokens.Usd);
        r.Components.Sum(c => c.CostPerMillionInputTokens.Usd).Should().Be(r.CostPerMillionInputTokens.Usd);
    }

    [Fact]
    public void Calculate_OutputCost_IsHourlyCostOverDecodeTokensPerHour()
    {
        // $/1M output = total $/h ÷ (3600 s × batch × replicas ÷ TPOT) × 10⁶.
        var r = TestPricing.Default.Calculator.Calculate(Headline);
        var expected = r.TotalCostPerHour.UsdPerHour / (3600 * Headline.DecodeTokensPerSecond.TokensPerSecond) * 1e6;
        r.CostPerMillionOutputTokens.Usd.Should().BeApproximately(expected, expected * 1e-12);
    }

    [Fact]
    public void Calculate_CostPerTokenIsProportionalToHourlyRate()
    {
        var one = new TokenCostCalculator(CostModel.Create(new PerDeviceCost("licence", CostCategory.Serving, HourlyRate.FromUsdPerHour(1))), Catalog.Default.DataCenter).Calculate(Headline);
        var three = new TokenCostCalculator(CostModel.Create(new PerDeviceCost("licence", CostCategory.Serving, HourlyRate.FromUsdPerHour(3))), Catalog.Default.DataCenter).Calculate(Headline);
        (three.CostPerMillionOutputTokens / one.CostPerMillionOutputTokens).Should().BeApproximately(3, 1e-12);
        (three.CostPerMillionInputTokens / one.CostPerMillionInputTokens).Should().BeApproximately(3, 1e-12);
    }

    [Fact]
    public void Rental_UsesCatalogCloudPriceTimesDevices()
    {
        var e = TestPricing.Default.Estimator.Estimate(TestCatalog.Config("llama-3-8b", "nvidia_h100_sxm", devices: 4, tp: 1), new Workload());
        var r = new TokenCostCalculator(CostModel.Create(new RentalHardwareCost()), Catalog.Default.DataCenter).Calculate(e);
        r.HardwareCostPerHour.UsdPerHour.Should().BeApproximately(4 * 2.99, 1e-12);
    }

    [Fact]
    public void Rental_WithoutCatalogPrice_ThrowsAskingForOne()
    {
        var e = TestPricing.Default.Estimator.Estimate(TestCatalog.Config("llama-3-8b", "nvidia_b300"), new Workload());
        var act = () => TestPricing.Default.Calculator.Calculate(e);
        act.Should().Throw<ArgumentException>().Where(x => x.Message.Contains("price", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1.0, 0.0, 0.6849315068)] // $30,000 ÷ (5 y × 8,760 h) = 0.684932 $/h.
    [InlineData(0.5, 0.0, 1.3698630137)] // half the hours do paid work → twice the cost per useful hour.
    [InlineData(1.0, 0.08, 0.8219178082)] // 8 %/y on the average balance: 30,000 × (1 + 0.08 × 5 / 2) = 36,000 → 0.821918 $/h.
    public void Amortized_SpreadsPurchaseOverLifeAndUtilization(double utilization, double capital, double expectedPerHour)
    {
        var component = new AmortizedHardwareCost { PurchasePricePerDevice = Money.FromUsd(30000), DepreciationYears = 5, Utilization = utilization, AnnualCostOfCapital = capital };
        var r = new TokenCostCalculator(CostModel.Create(component), Catalog.Default.DataCenter).Calculate(Headline);
        r.HardwareCostPerHour.UsdPerHour.Should().BeApproximately(expectedPerHour, 1e-9);
    }

    [Fact]
    public void Energy_IsPowerTimesOverheadTimesPueTimesPrice()
    {
        var dc = Catalog.Default.DataCenter with { PowerUsageEffectiveness = 1.5, ServerPowerOverhead = 2, ElectricityPrice = EnergyPrice.FromUsdPerKilowattHour(0.1) };
        var r = new TokenCostCalculator(CostModel.Create(new EnergyCost()), dc).Calculate(Headline);
        var kw = Headline.AveragePowerPerDevice!.Value.Kilowatts * 2 * 1.5;
        r.EnergyCostPerHour.UsdPerHour.Should().BeApproximately(kw * 0.1, 1e-12);
        r.FacilityPower.Kilowatts.Should().BeApproximately(kw, 1e-12);
    }

    [Fact]
    public void ServingOverhead_IsFixedPlusFractionOfHardwareAndEnergy()
    {
        var model = CostModel.Create(new RentalHardwareCost { PricePerDeviceHour = HourlyRate.FromUsdPerHour(2) }, new ServingOverheadCost { Fraction = 0.25, FixedCostPerHour = HourlyRate.FromUsdPerHour(1) });
        var r = new TokenCostCalculator(model, Catalog.Default.DataCenter).Calculate(Headline);
        r.ServingCostPerHour.UsdPerHour.Should().BeApproximately(1 + (0.25 * 2), 1e-12);
    }

    [Fact]
    public void CostModel_Replace_SwapsTheCategory()
    {
        var model = CostModel.Default.Replace(new AmortizedHardwareCost());
        model.Components.Should().ContainSingle(c => c.Category == CostCategory.Hardware).Which.Should().BeOfType<AmortizedHardwareCost>();
        model.Components[^1].Category.Should().Be(CostCategory.Serving);
    }

    [Fact]
    public void CostModel_Empty_Throws()
    {
        var act = () => CostModel.Create();
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Calculate_NoInputTokens_InputCostIsZero()
    {
        var e = TestPricing.Default.Estimator.Estimate(TestCatalog.Config("llama-3-8b", "nvidia_h100_sxm"), new Workload { InputTokens = 0 });
        TestPricing.Default.Calculator.Calculate(e).CostPerMillionInputTokens.Usd.Should().Be(0);
    }

    [Fact]
    public void Calculate_Emissions_AreFacilityEnergyTimesGridIntensity()
    {
        var r = TestPricing.Default.Calculator.Calculate(Headline);
        var dc = Catalog.Default.DataCenter;
        var kwhPerMillion = Headline.EnergyPerOutputToken!.Value.KilowattHours * dc.ServerPowerOverhead * dc.PowerUsageEffectiveness * 1e6;
        r.GramsCo2ePerMillionOutputTokens!.Value.Should().BeApproximately(kwhPerMillion * 370, 1e-6);
    }
}
