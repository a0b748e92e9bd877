using System.Reflection;
using TokenCost.Estimation;

namespace TokenCost.Tests.Properties;

/// <summary>Computed results cannot be changed or forged from outside the library: no public setter or init accessor.</summary>
public class ImmutableResultsTests
{
    private static readonly string[] ResultTypes =
    [
        "PerformanceEstimate", "StepEstimate", "MemoryPlan", "EstimateSummary", "TokenCostReport", "ComponentCost", "CostContext",
        "LoadedEstimate", "LoadedCostReport", "CurvePoint", "FrontierPoint", "OptimizationResult", "LoadedOptimizationResult",
        "SweepResult", "SweepSummary", "KvAllocationPlan", "LoadEstimate", "SpeculativeEstimate", "QualityOption", "QualityAdjustedCostResult",
        "UncertaintyResult", "SensitivityEntry",
    ];

    [Fact]
    public void ResultTypes_HaveNoPublicSetterOrInit()
    {
        var types = typeof(PerformanceEstimate).Assembly.GetExportedTypes().Where(t => ResultTypes.Contains(t.Name)).ToList();
        types.Select(t => t.Name).Should().BeEquivalentTo(ResultTypes);
        var writable = types
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).Select(p => t.Name + "." + p.Name))
            .ToList();
        writable.Should().BeEmpty();
    }

    private static readonly string[] AnalysisResultTypes =
    [
        "ClaimAudit", "AuditBound", "CasePrediction", "AccuracySummary", "CalibrationResult",
        "ScenarioReport", "FleetCost", "ApiComparison", "RoutingReport", "UpgradeReport",
    ];

    [Fact]
    public void AnalysisResultTypes_HaveNoPublicSetterOrInit()
    {
        var types = typeof(TokenCost.Economics.Scenarios.ScenarioReport).Assembly.GetExportedTypes().Where(t => AnalysisResultTypes.Contains(t.Name)).ToList();
        types.Select(t => t.Name).Should().BeEquivalentTo(AnalysisResultTypes);
        types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).Select(p => t.Name + "." + p.Name))
            .Should().BeEmpty();
    }

    [Fact]
    public void NoPublicConstDoubles_CalibratedValuesAreProperties()
    {
        var consts = typeof(PerformanceEstimate).Assembly.GetExportedTypes().Concat(typeof(TokenCost.Economics.Scenarios.ScenarioReport).Assembly.GetExportedTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(double)).Select(f => t.Name + "." + f.Name))
            .ToList();
        consts.Should().BeEmpty("a public const is compiled into callers, so a re-fit value would not reach them");
    }
}
