using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Economics.Optimization;
using TokenCost.Estimation;
using TokenCost.Quantities;

namespace TokenCost.Tests.Economics;

public class DeploymentOptimizerTests
{
    private static readonly Workload Workload = new() { InputTokens = 1000, OutputTokens = 300 };

    private static readonly OptimizerSearchSpace Space = new()
    {
        Hardware = ["nvidia_h100_sxm", "nvidia_h200_sxm", "nvidia_a100_80gb_sxm", "nvidia_b300"],
        DeviceCounts = [1, 2, 4],
        WeightFormats = ["bf16", "fp8", "int4"],
    };

    private static OptimizationResult Run(ServiceLevelObjective objective, OptimizerSearchSpace? space = null) =>
        DeploymentOptimizer.Optimize(TestPricing.Default, "llama-3.1-70b", Workload, objective, space ?? Space);

    [Fact]
    public void Optimize_AnswerFitsAndMeetsItsObjective()
    {
        var objective = new ServiceLevelObjective { MaxTimePerOutputToken = TimeInterval.FromMilliseconds(30), MaxTimeToFirstToken = TimeInterval.FromSeconds(2) };
        var result = Run(objective);
        result.Feasible.Should().BeTrue();
        var best = result.Best!;
        best.Fits.Should().BeTrue();
        best.TimePerOutputToken.Should().BeLessThanOrEqualTo(objective.MaxTimePerOutputToken);
        best.TimeToFirstToken.Should().BeLessThanOrEqualTo(objective.MaxTimeToFirstToken!.Value);
        result.FeasibleCount.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Optimize_TighterObjective_NeverCheaper()
    {
        var loose = Run(new ServiceLevelObjective { MaxTimePerOutputToken = TimeInterval.FromMilliseconds(60) }).Best!;
        var tight = Run(new ServiceLevelObjective { MaxTimePerOutputToken = TimeInterval.FromMilliseconds(15) }).Best!;
        tight.CostPerMillionOutputTokens.Should().BeGreaterThanOrEqualTo(loose.CostPerMillionOutputTokens);
    }

    [Fact]
    public void Optimize_ImpossibleObjective_IsInfeasibleWithFastestPoint()
    {
        var result = Run(new ServiceLevelObjective { MaxTimePerOutputToken = TimeInterval.FromMicroseconds(10) });
        result.Feasible.Should().BeFalse();
        result.Best.Should().BeNull();
        result.Fastest.Should().NotBeNull();
        result.FeasibleCount.Should().Be(0);
    }

    [Fact]
    public void Optimize_HardwareWithoutPrice_IsSkippedAndSaidSo()
    {
        var result = Run(new ServiceLevelObjective { MaxTimePerOutputToken = TimeInterval.FromMilliseconds(60) });
        result.Skipped.Should().Contain(s => s.StartsWith("nvidia_b300", StringComparison.Ordinal) && s.Contains("price", StringComparison.Ordinal));
        result.Best!.Configuration.Hardware.Id.Should().NotBe("nvidia_b300");
    }

    [Fact]
    public void Optimize_MinQualityWithoutQualityHook_IsInfeasible() =>
        Run(new ServiceLevelObjective { MaxTimePerOutputToken = TimeInterval.FromMilliseconds(60), MinQuality = 0.5 }).Feasible.Should().BeFalse();

    [Fact]
    public void Optimize_QualityHook_FiltersFormats()
    {
        // A toy quality catalog: int4 scores below the minimum, everything else above it.
        var space = Space with { Quality = c => c.Weights.Id == "int4" ? 0.4 : 0.9 };
        var result = Run(new ServiceLevelObjective { MaxTimePerOutputToken = TimeInterval.FromMilliseconds(60), MinQuality = 0.5 }, space);
        result.Feasible.Should().BeTrue();
        result.Best!.Configuration.Weights.Id.Should().NotBe("int4");
    }
}
