using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Economics.Frontier;
using TokenCost.Estimation;

namespace TokenCost.Tests.Economics;

public class LatencyCostFrontierTests
{
    private static readonly IReadOnlyList<FrontierPoint> Points = LatencyCostFrontier.Evaluate(
        TestPricing.Default,
        new[] { "bf16", "fp8", "int4" }.Select(w => DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", "nvidia_h100_sxm", w)),
        new Workload { InputTokens = 1000, OutputTokens = 300 });

    [Fact]
    public void BatchSizes_PowersOfTwoPlusMax() =>
        LatencyCostFrontier.BatchSizes(100).Should().Equal(1, 2, 4, 8, 16, 32, 64, 100);

    [Fact]
    public void BatchSizes_PowerOfTwoMax_NotRepeated() =>
        LatencyCostFrontier.BatchSizes(8).Should().Equal(1, 2, 4, 8);

    [Fact]
    public void Evaluate_OnlyFittingPoints() =>
        Points.Should().NotBeEmpty().And.OnlyContain(p => p.Fits);

    [Fact]
    public void ParetoLatencyCost_IsMonotone_CostNeverRisesAsLatencyRises()
    {
        var frontier = LatencyCostFrontier.ParetoLatencyCost(Points);
        frontier.Count.Should().BeGreaterThan(2);
        for (var i = 1; i < frontier.Count; i++)
        {
            frontier[i].TimePerOutputToken.Should().BeGreaterThanOrEqualTo(frontier[i - 1].TimePerOutputToken);
            frontier[i].CostPerMillionOutputTokens.Usd.Should().BeLessThan(frontier[i - 1].CostPerMillionOutputTokens.Usd);
        }
    }

    [Fact]
    public void ParetoLatencyCost_EveryOtherPointIsDominated()
    {
        var frontier = LatencyCostFrontier.ParetoLatencyCost(Points);
        foreach (var p in Points.Except(frontier))
        {
            frontier.Should().Contain(f => f.TimePerOutputToken <= p.TimePerOutputToken && f.CostPerMillionOutputTokens <= p.CostPerMillionOutputTokens);
        }
    }

    [Fact]
    public void ParetoThroughput_PerUserFallsAsPerDeviceRises()
    {
        var frontier = LatencyCostFrontier.ParetoThroughput(Points);
        for (var i = 1; i < frontier.Count; i++)
        {
            frontier[i].OutputTokensPerSecondPerUser.Should().BeLessThanOrEqualTo(frontier[i - 1].OutputTokensPerSecondPerUser);
            frontier[i].DecodeTokensPerSecondPerDevice.Should().BeGreaterThan(frontier[i - 1].DecodeTokensPerSecondPerDevice);
        }
    }

    [Fact]
    public void Point_ThroughputPerDevice_IsThroughputOverDevices()
    {
        var p = Points[0];
        // decode tok/s = batch × replicas ÷ TPOT; per device divides by devices (1 here).
        p.DecodeTokensPerSecond.TokensPerSecond.Should().BeApproximately(p.Batch / p.TimePerOutputToken.Seconds, 1e-6);
        p.DecodeTokensPerSecondPerDevice.Should().Be(p.DecodeTokensPerSecond);
    }
}
