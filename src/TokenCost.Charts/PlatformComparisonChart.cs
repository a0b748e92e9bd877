using ScottPlot;
using TokenCost.Comparisons;

namespace TokenCost.Charts;

/// <summary>Bars of the cost per million output tokens on each platform of a <see cref="PlatformComparison"/>, stacked by category.</summary>
public static class PlatformComparisonChart
{
    /// <summary>Draws the comparison.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The chart: one stacked bar per platform, labelled with its id and device count; y = USD per 1M output tokens.</returns>
    public static Chart Create(PlatformComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var first = comparison.Reports[0].Estimate;
        var labels = comparison.Reports
            .Select(r => FormattableString.Invariant($"{r.Estimate.Configuration.Hardware.Id}\n{r.Estimate.Configuration.Devices} device(s){(r.Estimate.Memory.Fits ? "" : ", no fit")}"))
            .ToArray();
        var title = FormattableString.Invariant(
            $"{first.Configuration.Model.Id} ({first.Configuration.Weights.Id}), batch {first.Batch}, {first.Workload.InputTokens}+{first.Workload.OutputTokens} tokens: cost by platform");
        var chart = CostBreakdownChart.Create(comparison.Reports, labels, title);
        return chart;
    }
}
