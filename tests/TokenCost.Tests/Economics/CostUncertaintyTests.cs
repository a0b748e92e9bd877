using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Economics.Uncertainty;
using TokenCost.Estimation;

namespace TokenCost.Tests.Economics;

public class CostUncertaintyTests
{
    private static readonly DataCenterDefaults DataCenter = Catalog.Default.DataCenter;

    private static readonly TokenCostReport Report = TestPricing.Default.Calculator.Calculate(
        TestPricing.Default.Estimator.Estimate(DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", "nvidia_h100_sxm", "fp8"), new Workload { Batch = 32 }));

    private static UncertaintyResult Run(UncertaintyAssumptions a, int samples = 4000, int seed = 42) =>
        CostUncertainty.Analyze(Report, DataCenter.PowerUsageEffectiveness, DataCenter.ElectricityPrice, a, samples, seed);

    private static UncertaintyAssumptions AllFixed() => new()
    {
        PricePerDeviceHour = UncertainValue.Fixed(Report.HardwareCostPerHour.UsdPerHour),
        Utilization = UncertainValue.Fixed(1),
        ElectricityPrice = UncertainValue.Fixed(DataCenter.ElectricityPrice.UsdPerKilowattHour),
        PowerUsageEffectiveness = UncertainValue.Fixed(DataCenter.PowerUsageEffectiveness),
        PowerFactor = UncertainValue.Fixed(1),
        EstimatorError = UncertainValue.Fixed(1),
    };

    [Fact]
    public void Quantile_LogNormal_HandDerived()
    {
        // median × exp(σ × z₀.₉) = 2 × exp(0.25 × 1.2815516) = 2 × 1.3771 = 2.7543.
        var v = UncertainValue.LogNormal(2, 0.25);
        v.Median.Should().BeApproximately(2, 1e-12);
        v.Quantile(0.9).Should().BeApproximately(2 * Math.Exp(0.25 * 1.2815515655446004), 1e-9);
    }

    [Fact]
    public void Quantile_TriangularAndUniform_HandDerived()
    {
        UncertainValue.Triangular(0, 1, 2).Quantile(0.5).Should().BeApproximately(1, 1e-12); // symmetric
        UncertainValue.Triangular(0, 0, 1).Quantile(0.75).Should().BeApproximately(0.5, 1e-12); // 1 − √(1 − 0.75) = 0.5
        UncertainValue.Uniform(1, 3).Quantile(0.25).Should().BeApproximately(1.5, 1e-12);
    }

    [Fact]
    public void Triangular_OutOfOrder_Throws() =>
        FluentActions.Invoking(() => UncertainValue.Triangular(2, 1, 3)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void ToString_UnderDecimalCommaCulture_IsInvariant()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // de-DE's number format (decimal comma), built by hand: the test host may run in globalization-invariant mode.
            var german = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberDecimalSeparator = ",";
            german.NumberFormat.NumberGroupSeparator = ".";
            System.Globalization.CultureInfo.CurrentCulture = german;
            UncertainValue.LogNormal(2.99, 0.25).ToString().Should().Be("lognormal(median 2.99, σ 0.25)");
            UncertainValue.Triangular(0.6, 0.8, 1).ToString().Should().Be("triangular(0.6, 0.8, 1)");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void EmpiricalQuantile_R7_HandDerived() =>
        CostUncertainty.Quantile([1, 2, 3, 4], 0.5).Should().Be(2.5); // h = 3 × 0.5 = 1.5 → 2 + 0.5 × (3 − 2)

    [Fact]
    public void Analyze_AllFixedAtPricedValues_ReproducesTheDeterministicCost()
    {
        var r = Run(AllFixed());
        r.P10.Usd.Should().BeApproximately(Report.CostPerMillionOutputTokens.Usd, 1e-9 * Report.CostPerMillionOutputTokens.Usd);
        r.P90.Usd.Should().BeApproximately(Report.CostPerMillionOutputTokens.Usd, 1e-9 * Report.CostPerMillionOutputTokens.Usd);
        r.Sensitivity.Should().OnlyContain(s => s.SwingUsd < 1e-12);
    }

    [Fact]
    public void Analyze_HalfUtilization_DoublesTheCost()
    {
        // Paying for every hour but producing tokens half of them: C ÷ 0.5.
        var r = Run(AllFixed() with { Utilization = UncertainValue.Fixed(0.5) });
        r.P50.Usd.Should().BeApproximately(2 * Report.CostPerMillionOutputTokens.Usd, 1e-9);
    }

    [Fact]
    public void Analyze_DoublePrice_ScalesOnlyTheHardwareShare()
    {
        // C' = (2H + E) × (1 + S ÷ (H + E)) × k, with k = C ÷ (H + E + S).
        var h = Report.HardwareCostPerHour.UsdPerHour;
        var e = Report.EnergyCostPerHour.UsdPerHour;
        var s = Report.ServingCostPerHour.UsdPerHour;
        var expected = ((2 * h) + e) * (1 + (s / (h + e))) * (Report.CostPerMillionOutputTokens.Usd / (h + e + s));
        Run(AllFixed() with { PricePerDeviceHour = UncertainValue.Fixed(2 * h) }).P50.Usd.Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Analyze_Defaults_PercentilesOrdered_AndTornadoSorted()
    {
        var r = Run(UncertaintyAssumptions.ForReport(Report, DataCenter));
        r.P10.Should().BeLessThanOrEqualTo(r.P50);
        r.P50.Should().BeLessThanOrEqualTo(r.P90);
        r.P10.Should().BeLessThan(r.P90);
        r.Sensitivity.Select(x => x.SwingUsd).Should().BeInDescendingOrder();
        r.Sensitivity.Should().HaveCount(6);
    }

    [Fact]
    public void Analyze_SameSeed_SameAnswer_DifferentSeed_Different()
    {
        var a = UncertaintyAssumptions.ForReport(Report, DataCenter);
        Run(a, seed: 7).Should().BeEquivalentTo(Run(a, seed: 7));
        Run(a, seed: 7).P50.Should().NotBe(Run(a, seed: 8).P50);
    }

    [Fact]
    public void Analyze_TooFewSamples_Throws() =>
        FluentActions.Invoking(() => Run(AllFixed(), samples: 5)).Should().Throw<ArgumentOutOfRangeException>();
}
