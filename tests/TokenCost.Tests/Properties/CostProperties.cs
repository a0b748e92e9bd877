using CsCheck;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Quantities;
using static TokenCost.Tests.Properties.Scenarios;

namespace TokenCost.Tests.Properties;

/// <summary>Invariants of token cost: linear in prices, breakdown adds up, and the fast path prices like the calculator.</summary>
public class CostProperties
{
    private static readonly Gen<double> PriceGen = Gen.Double[0.01, 100.0];

    private static TokenCostReport Price(Scenario s, ICostComponent hardware, DataCenterDefaults? dc = null) =>
        new TokenCostCalculator(CostModel.Default.Replace(hardware), dc ?? Scenarios.Catalog.DataCenter).Calculate(Estimate(s));

    [Fact]
    public void Breakdown_SumsToTotal()
    {
        Gen.Select(Any, PriceGen).Sample((s, p) =>
        {
            var report = Price(s, new RentalHardwareCost { PricePerDeviceHour = HourlyRate.FromUsdPerHour(p) });
            Close(report.Components.Sum(c => c.CostPerMillionOutputTokens.Usd), report.CostPerMillionOutputTokens.Usd, "output $");
            Close(report.Components.Sum(c => c.CostPerMillionInputTokens.Usd), report.CostPerMillionInputTokens.Usd, "input $");
            Close(report.HardwareCostPerHour.UsdPerHour + report.EnergyCostPerHour.UsdPerHour + report.ServingCostPerHour.UsdPerHour, report.TotalCostPerHour.UsdPerHour, "categories");
        }, iter: Iterations);
    }

    [Fact]
    public void CostPerToken_IsProportionalToPricePerHour()
    {
        Gen.Select(Any, PriceGen, Factor).Sample((s, p, k) =>
        {
            var prepared = Estimator.Prepare(s.Configuration);
            var a = Estimator.Summarize(prepared, s.Batch, s.InputTokens, s.OutputTokens, HourlyRate.FromUsdPerHour(p)).CostPerMillionOutputTokens!.Value.Usd;
            var b = Estimator.Summarize(prepared, s.Batch, s.InputTokens, s.OutputTokens, HourlyRate.FromUsdPerHour(p * k)).CostPerMillionOutputTokens!.Value.Usd;
            Close(b, a * k, "$/1M output tokens", 1e-12);

            var rentalOnly = CostModel.Create(new RentalHardwareCost { PricePerDeviceHour = HourlyRate.FromUsdPerHour(p) });
            var scaled = CostModel.Create(new RentalHardwareCost { PricePerDeviceHour = HourlyRate.FromUsdPerHour(p * k) });
            var estimate = Estimate(s);
            Close(new TokenCostCalculator(scaled, TestPricing.Default.DataCenter).Calculate(estimate).CostPerMillionInputTokens.Usd, k * new TokenCostCalculator(rentalOnly, TestPricing.Default.DataCenter).Calculate(estimate).CostPerMillionInputTokens.Usd, "$/1M input tokens");
        }, iter: Iterations);
    }

    [Fact]
    public void FastPathCost_EqualsTheRentalComponent()
    {
        Gen.Select(Any, PriceGen).Sample((s, p) =>
        {
            var rate = HourlyRate.FromUsdPerHour(p);
            var report = new TokenCostCalculator(CostModel.Create(new RentalHardwareCost { PricePerDeviceHour = rate }), TestPricing.Default.DataCenter).Calculate(Estimate(s));
            Estimator.Summarize(s.Configuration, s.Workload, rate).CostPerMillionOutputTokens!.Value.Usd.Should().Be(report.CostPerMillionOutputTokens.Usd);
        }, iter: Iterations);
    }

    [Fact]
    public void EnergyCost_IsProportionalToElectricityPrice()
    {
        Gen.Select(Any, Gen.Double[0.01, 1.0], Factor).Sample((s, price, k) =>
        {
            var dc = Scenarios.Catalog.DataCenter;
            var estimate = Estimate(s);
            var context = new CostContext { Estimate = estimate, DataCenter = dc };
            var a = new EnergyCost { Price = EnergyPrice.FromUsdPerKilowattHour(price) }.GetHourlyCost(context).UsdPerHour;
            var b = new EnergyCost { Price = EnergyPrice.FromUsdPerKilowattHour(price * k) }.GetHourlyCost(context).UsdPerHour;
            Close(b, a * k, "energy $/h");
        }, iter: Iterations);
    }

    [Fact]
    public void AmortizedHardware_IsProportionalToPriceAndInverseToUtilization()
    {
        Gen.Select(Any, Gen.Double[1000, 100000], Gen.Double[0.05, 1.0]).Sample((s, capex, u) =>
        {
            var context = new CostContext { Estimate = Estimate(s), DataCenter = Scenarios.Catalog.DataCenter };
            var full = new AmortizedHardwareCost { PurchasePricePerDevice = Money.FromUsd(capex) }.GetHourlyCost(context).UsdPerHour;
            var doubled = new AmortizedHardwareCost { PurchasePricePerDevice = Money.FromUsd(capex * 2) }.GetHourlyCost(context).UsdPerHour;
            var partial = new AmortizedHardwareCost { PurchasePricePerDevice = Money.FromUsd(capex), Utilization = u }.GetHourlyCost(context).UsdPerHour;
            Close(doubled, 2 * full, "capex");
            Close(partial, full / u, "utilization");
        }, iter: Iterations);
    }

    [Fact]
    public void CostPerToken_NeverRisesWithBatchWhileItFits()
    {
        Gen.Select(Fitting, Gen.Int[1, 128], PriceGen).Sample((s, extra, p) =>
        {
            var larger = s with { Batch = s.Batch + extra };
            var prepared = Estimator.Prepare(s.Configuration);
            var a = Estimator.Summarize(prepared, s.Batch, s.InputTokens, s.OutputTokens, HourlyRate.FromUsdPerHour(p));
            var b = Estimator.Summarize(prepared, larger.Batch, s.InputTokens, s.OutputTokens, HourlyRate.FromUsdPerHour(p));
            if (b.Fits)
            {
                AtMost(b.CostPerMillionOutputTokens!.Value.Usd, a.CostPerMillionOutputTokens!.Value.Usd, "$/1M output tokens");
            }
        }, iter: Iterations);
    }
}
