using System.Text.Json;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Economics.Frontier;
using TokenCost.Economics.Optimization;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving.Load;
using TokenCost.Tests.Cli;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Economics;

public class OptimizeUnderLoadTests
{
    private static readonly Catalog Catalog = Catalog.Default;
    private static readonly ContinuousBatchingEstimator Engine = TestPricing.Default.LoadEstimator;
    private static readonly Workload Chat = new() { InputTokens = 1000, OutputTokens = 1000 };
    private static readonly UserSpeedObjective FiftyTokensTwoSeconds = new() { MinOutputTokensPerSecondPerUser = 50, MaxTimeToFirstToken = TimeInterval.FromSeconds(2) };

    private static readonly OptimizerSearchSpace SmallSpace = new()
    {
        Hardware = ["nvidia_h100_sxm", "nvidia_h200_sxm", "amd_mi300x"],
        DeviceCounts = [1, 2, 4],
        WeightFormats = ["bf16", "fp8"],
    };

    private static LoadedOptimizationResult Optimize(UserSpeedObjective objective, OptimizerSearchSpace? space = null, string model = "llama-3.1-70b") =>
        DeploymentOptimizer.OptimizeUnderLoad(TestPricing.Default, model, Chat, objective, space ?? SmallSpace);

    [Fact]
    public void OptimizeUnderLoad_HonoursTheSpeedFloorAndTtftLimit()
    {
        var answer = Optimize(FiftyTokensTwoSeconds);
        answer.Feasible.Should().BeTrue();
        answer.Candidates.Should().NotBeEmpty().And.OnlyContain(p => p.OutputTokensPerSecondPerUser >= 50 && p.TimeToFirstToken.Seconds <= 2);
        answer.Candidates.Select(p => p.CostPerMillionOutputTokens.Usd).Should().BeInAscendingOrder();

        // Re-evaluating the answer independently gives the same speed: the floor is met by the model, not by a stored number.
        var best = answer.Best!;
        var again = Engine.Estimate(best.Configuration, Chat, ServingLoad.Closed(best.Concurrency));
        (1 / again.MedianTimePerOutputToken.Seconds).Should().BeGreaterThanOrEqualTo(50);
    }

    [Fact]
    public void OptimizeUnderLoad_BestConcurrencyIsTheLargestThatMeetsTheFloor()
    {
        // One more user per replica (when memory holds it) breaks the floor: the search did not stop early at a dearer point.
        var best = Optimize(FiftyTokensTwoSeconds).Best!;
        var cap = best.Estimate.MaxRunningSequences * best.Configuration.Replicas;
        if (best.Concurrency < cap)
        {
            var next = InteractivityCurve.Evaluate(TestPricing.Default, best.Configuration, Chat, best.Concurrency + 1);
            FiftyTokensTwoSeconds.IsMetBy(next).Should().BeFalse();
        }

        // And it is no dearer than any point of a grid sweep of the same space that meets the objective.
        var grid = Optimize(FiftyTokensTwoSeconds, SmallSpace with { Concurrencies = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        grid.Best!.CostPerMillionOutputTokens.Usd.Should().BeGreaterThanOrEqualTo(best.CostPerMillionOutputTokens.Usd * (1 - 1e-12));
    }

    [Fact]
    public void OptimizeUnderLoad_HigherFloor_CostsMore()
    {
        var fifty = Optimize(FiftyTokensTwoSeconds).Best!;
        var hundred = Optimize(FiftyTokensTwoSeconds with { MinOutputTokensPerSecondPerUser = 100 }).Best!;
        hundred.OutputTokensPerSecondPerUser.Should().BeGreaterThanOrEqualTo(100);
        hundred.CostPerMillionOutputTokens.Usd.Should().BeGreaterThan(fifty.CostPerMillionOutputTokens.Usd);
    }

    [Fact]
    public void OptimizeUnderLoad_UnreachableFloor_IsInfeasibleWithTheFastestPoint()
    {
        var answer = Optimize(new UserSpeedObjective { MinOutputTokensPerSecondPerUser = 100_000 });
        answer.Feasible.Should().BeFalse();
        answer.Best.Should().BeNull();
        answer.Fastest.Should().NotBeNull();
        answer.Fastest!.OutputTokensPerSecondPerUser.Should().BeLessThan(100_000);
    }

    [Fact]
    public void OptimizeUnderLoad_BoundsTheWork()
    {
        var act = () => Optimize(FiftyTokensTwoSeconds, SmallSpace with { MaxEvaluatedPoints = 50 });
        act.Should().Throw<ArgumentException>().WithMessage("*limit of 50*").And.ParamName.Should().Be("space");
        var answer = Optimize(FiftyTokensTwoSeconds);
        answer.Evaluated.Should().BeLessThanOrEqualTo(3 * 3 * 2 * (2 + 10), "at most 2 + ⌈log₂ 1024⌉ points per configuration");
    }

    [Fact]
    public void UserSpeedObjective_RejectsNonPositiveFloor()
    {
        var act = () => new UserSpeedObjective { MinOutputTokensPerSecondPerUser = 0 };
        act.Should().Throw<ArgumentOutOfRangeException>().And.ParamName.Should().Be("MinOutputTokensPerSecondPerUser");
    }

    [Fact]
    public void ParetoSpeedCost_GivesTheCheapestPointAtEachSpeed()
    {
        var configs = new[] { 1, 2, 4 }.Select(tp => TestCatalog.Config("llama-3.1-70b", "nvidia_h100_sxm", "fp8", devices: tp, tp: tp));
        var curve = InteractivityCurve.Sweep(TestPricing.Default, configs, Chat, [1, 4, 16, 64, 256]);
        var frontier = LatencyCostFrontier.ParetoSpeedCost(curve.Points, FiftyTokensTwoSeconds);
        frontier.Should().NotBeEmpty();
        frontier.Select(p => p.OutputTokensPerSecondPerUser).Should().BeInDescendingOrder();
        frontier.Select(p => p.CostPerMillionOutputTokens.Usd).Should().BeInDescendingOrder();
        var cheapest = curve.Points.Where(FiftyTokensTwoSeconds.IsMetBy).MinBy(p => p.CostPerMillionOutputTokens.Usd)!;
        frontier[^1].Should().BeSameAs(cheapest);
    }

    [Fact]
    public void Cli_OptimizeMinUserSpeed_AnswerHonoursTheFloor()
    {
        var (code, stdout, stderr) = CliProcess.Run("optimize", "--model", "llama-3.1-70b", "--min-user-tokens-per-second", "50", "--max-ttft-ms", "2000", "--input", "1000", "--output", "1000", "--sweep-hardware", "nvidia_h100_sxm,amd_mi300x", "--json");
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        root.GetProperty("feasible").GetBoolean().Should().BeTrue();
        root.GetProperty("best").GetProperty("outputTokensPerSecondPerUser").GetDouble().Should().BeGreaterThanOrEqualTo(50);
        root.GetProperty("best").GetProperty("meanTimeToFirstTokenMs").GetDouble().Should().BeLessThanOrEqualTo(2000);
        root.GetProperty("best").GetProperty("concurrency").GetInt32().Should().BeGreaterThan(1);
        root.GetProperty("objective").GetProperty("minOutputTokensPerSecondPerUser").GetDouble().Should().Be(50);
    }

    [Fact]
    public void Cli_Optimize_StaticNeedsMaxTpot_AndTierRestrictsTheHardware()
    {
        var (code, _, stderr) = CliProcess.Run("optimize", "--model", "llama-3.1-8b");
        code.Should().Be(2);
        stderr.Should().Contain("--max-tpot-ms");

        var (tierCode, stdout, tierErr) = CliProcess.Run("optimize", "--model", "llama-3.1-8b", "--max-tpot-ms", "30", "--price-tier", "neocloud", "--json");
        tierCode.Should().Be(0, tierErr);
        using var doc = JsonDocument.Parse(stdout);
        var hw = Catalog.GetHardware(doc.RootElement.GetProperty("best").GetProperty("hardware").GetString()!);
        hw.TryGetPriceTier("neocloud", out _).Should().BeTrue();

        var (bad, _, badErr) = CliProcess.Run("optimize", "--model", "llama-3.1-8b", "--max-tpot-ms", "30", "--price-tier", "spot");
        bad.Should().Be(2);
        badErr.Should().Contain("--price-tier").And.Contain("neocloud");
    }

    [Fact]
    public void Cli_FrontierWithConcurrency_PrintsTheSpeedCostFrontierMeetingTheLimits()
    {
        var (code, stdout, stderr) = CliProcess.Run("frontier", "--model", "llama-3.1-70b", "--hardware", "nvidia_h100_sxm", "--weights", "fp8", "--sweep-devices", "1,2,4", "--concurrency", "1,4,16,64,256", "--min-user-tokens-per-second", "30", "--max-ttft-ms", "2000", "--input", "1000", "--output", "1000", "--json");
        code.Should().Be(0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var points = doc.RootElement.GetProperty("points").EnumerateArray().ToList();
        points.Should().NotBeEmpty();
        points.Should().OnlyContain(p => p.GetProperty("outputTokensPerSecondPerUser").GetDouble() >= 30 && p.GetProperty("meanTimeToFirstTokenMs").GetDouble() <= 2000);
        points.Select(p => p.GetProperty("costPerMillionOutputTokensUsd").GetDouble()).Should().BeInDescendingOrder();
        CliProcess.Run("frontier", "--min-user-tokens-per-second", "30").ExitCode.Should().Be(2, "the speed floor filters the continuous-batching sweep only");
    }
}
