using System.Globalization;
using CsCheck;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Sweeps;
using static TokenCost.Tests.Properties.Scenarios;

namespace TokenCost.Tests.Properties;

/// <summary>Results do not depend on the current culture or on the thread that computes them.</summary>
public class DeterminismProperties
{
    private static CultureInfo HostileCulture()
    {
        // The process runs with invariant globalization, so build a culture whose numbers look German and whose minus is U+2212.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.NumberFormat.PercentSymbol = "‰";
        return culture;
    }

    [Fact]
    public void Results_AreIdenticalUnderAnyCulture()
    {
        Any.Sample(s =>
        {
            var invariant = Estimate(s);
            var text = invariant.TimePerOutputToken.ToString();
            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = HostileCulture();
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture;
                var other = Estimate(s);
                other.TimePerOutputToken.Should().Be(invariant.TimePerOutputToken);
                other.TimeToFirstToken.Should().Be(invariant.TimeToFirstToken);
                other.Memory.Should().Be(invariant.Memory);
                other.TimePerOutputToken.ToString().Should().Be(text).And.NotContain(",");
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = saved;
            }
        }, iter: 50);
    }

    [Fact]
    public void Results_AreIdenticalAcrossThreads()
    {
        var scenarios = Any.List[64].Single();
        var sequential = scenarios.Select(s => Estimator.Summarize(s.Configuration, s.Workload, HourlyRate.FromUsdPerHour(2))).ToArray();
        var parallel = new EstimateSummary[scenarios.Count];
        Parallel.For(0, scenarios.Count * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var s = scenarios[i % scenarios.Count];
            var r = Estimator.Summarize(s.Configuration, s.Workload, HourlyRate.FromUsdPerHour(2));
            r.Should().Be(sequential[i % scenarios.Count]);
            parallel[i % scenarios.Count] = r;
        });
        parallel.Should().Equal(sequential);
    }

    [Fact]
    public void Sweep_GivesTheSameSummaryOnOneOrManyThreads()
    {
        var engine = new SweepEngine(TestPricing.Default);
        var plan = engine.Plan(new SweepSpace
        {
            Catalog = Scenarios.Catalog,
            Hardware = ["nvidia_h100_sxm", "amd_mi300x", "nvidia_a100_80gb_sxm"],
            Models = ["llama-3.1-8b", "mixtral-8x7b", "llama-2-70b"],
            Weights = ["bf16", "int4"],
            Layouts = [ParallelLayout.TensorParallelOver(1), ParallelLayout.TensorParallelOver(4)],
            Batches = [1, 7, 64, 300],
            Sequences = [new SequenceLengths(100, 50), new SequenceLengths(4000, 1000)],
            PricePerDeviceHour = HourlyRate.FromUsdPerHour(3),
        });
        var one = engine.Run(plan, options: new SweepOptions { MaxDegreeOfParallelism = 1, ChunkSize = 7 });
        var many = engine.Run(plan, options: new SweepOptions { MaxDegreeOfParallelism = 4, ChunkSize = 5 });
        many.Evaluated.Should().Be(one.Evaluated).And.Be(plan.Count);
        many.Fitting.Should().Be(one.Fitting);
        many.Cheapest.Should().Be(one.Cheapest);
    }

    [Fact]
    public void CostReport_IsIdenticalUnderAnyCulture()
    {
        Any.Sample(s =>
        {
            var rental = CostModel.Create(new RentalHardwareCost { PricePerDeviceHour = HourlyRate.FromUsdPerHour(2) }, new EnergyCost(), new ServingOverheadCost());
            var a = new TokenCostCalculator(rental, TestPricing.Default.DataCenter).Calculate(Estimate(s)).CostPerMillionOutputTokens;
            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = HostileCulture();
                new TokenCostCalculator(rental, TestPricing.Default.DataCenter).Calculate(Estimate(s)).CostPerMillionOutputTokens.Should().Be(a);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }, iter: 50);
    }
}
