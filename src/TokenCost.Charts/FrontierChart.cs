using ScottPlot;
using TokenCost.Economics.Frontier;
using TokenCost.Estimation;
using TokenCost.Pricing;

namespace TokenCost.Charts;

/// <summary>
/// The latency–cost frontier of one deployment: cost per million output tokens against time per output token as the batch grows,
/// one point per batch that fits in memory.
/// </summary>
/// <remarks>
/// The points are exactly those of <see cref="LatencyCostFrontier.Evaluate"/> (the <c>frontier</c> command's): batch 1, 2, 4, … up to
/// the largest batch that fits and the stack's scheduler allows, plus that batch, each estimated and priced by the context. Larger
/// batches amortise the weight reads — cheaper tokens, slower tokens. When not even batch 1 fits, the batch-1 point is drawn, flagged.
/// </remarks>
public static class FrontierChart
{
    /// <summary>Draws the frontier.</summary>
    /// <param name="context">The pricing context: estimator, cost model and data-centre parameters.</param>
    /// <param name="configuration">The deployment.</param>
    /// <param name="workload">The workload (its batch is ignored).</param>
    /// <returns>The chart: x = time per output token in ms, y = USD per million output tokens (log).</returns>
    public static Chart Create(PricingContext context, DeploymentConfiguration configuration, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(workload);
        var points = LatencyCostFrontier.Evaluate(context, [configuration], workload);
        var reports = points.Count > 0 ? points.Select(p => p.Report).ToList() : [context.Price(configuration, workload with { Batch = 1 })];
        // The same fit test as 'estimate': a batch-1 point that does not fit is drawn (for comparison) but flagged, never "largest that fits: 1".
        var fits = reports[0].Estimate.Memory.Fits;
        var title = $"Latency–cost frontier: {configuration.Model.Id} on {configuration.Devices} × {configuration.Hardware.Id} ({configuration.Weights.Id})" + (fits ? "" : " — DOES NOT FIT IN MEMORY");
        var plot = PlotStyle.New(title, "Time per output token (ms)", "USD per 1M output tokens (log)");
        var xs = reports.Select(r => r.Estimate.TimePerOutputToken.Milliseconds).ToArray();
        var ys = reports.Select(r => Math.Log10(r.CostPerMillionOutputTokens.Usd)).ToArray();
        var line = plot.Add.Scatter(xs, ys, PlotStyle.Decode);
        line.MarkerSize = 8;
        line.LineWidth = 2;
        line.LegendText = fits
            ? "batch 1, 2, 4 … (up to batch " + reports[^1].Estimate.Batch.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"
            : "batch 1 does not fit in memory (largest that fits: " + reports[0].Estimate.Memory.MaxBatch.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
        for (var i = 0; i < reports.Count; i++)
        {
            var label = plot.Add.Text(
                "b" + reports[i].Estimate.Batch.ToString(System.Globalization.CultureInfo.InvariantCulture) + "  $" + PlotStyle.Invariant(reports[i].CostPerMillionOutputTokens.Usd, "G3"),
                xs[i],
                ys[i]);
            label.LabelFontSize = 11;
            label.LabelOffsetX = 6;
            label.LabelOffsetY = -16;
        }

        PlotStyle.LogAxis(plot.Axes.Left);
        plot.Axes.Margins(right: 0.18); // room for the last point's label
        plot.ShowLegend(Alignment.UpperRight);
        return new Chart(plot, title);
    }
}
