using ScottPlot;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;

namespace TokenCost.Charts;

/// <summary>
/// The latency–cost frontier of one deployment: cost per million output tokens against time per output token as the batch grows,
/// one point per batch that fits in memory.
/// </summary>
/// <remarks>
/// Each point is <see cref="RooflineEstimator.Estimate"/> priced by <see cref="TokenCostCalculator"/> at batch 1, 2, 4, … up to the
/// largest batch that fits (capped at <see cref="MaxBatch"/>). Larger batches amortise the weight reads — cheaper tokens, slower tokens.
/// </remarks>
public static class FrontierChart
{
    /// <summary>The largest batch swept, in sequences per replica.</summary>
    public const int MaxBatch = 1024;

    /// <summary>Computes the frontier points: (batch, time per output token, cost per million output tokens), cheapest last.</summary>
    /// <param name="catalog">The catalog whose profiles and data-centre defaults price the estimate.</param>
    /// <param name="configuration">The deployment.</param>
    /// <param name="workload">The workload (its batch is ignored: the sweep sets it).</param>
    /// <param name="costModel">The cost model, or null for <see cref="CostModel.Default"/>.</param>
    /// <returns>One report per batch that fits, in increasing batch; at least the batch-1 point.</returns>
    public static IReadOnlyList<TokenCostReport> Sweep(Catalog catalog, DeploymentConfiguration configuration, Workload workload, CostModel? costModel = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(workload);
        var estimator = new RooflineEstimator(catalog.Profiles);
        var calculator = new TokenCostCalculator(costModel ?? CostModel.Default, catalog.DataCenter);
        var context = Math.Max(1, workload.InputTokens + workload.OutputTokens);
        var reports = new List<TokenCostReport>();
        for (var b = 1; b <= MaxBatch; b *= 2)
        {
            if (b > 1 && !estimator.PlanMemory(configuration, context, b).Fits)
            {
                break;
            }

            reports.Add(calculator.Calculate(estimator.Estimate(configuration, workload with { Batch = b })));
        }

        return reports;
    }

    /// <summary>Draws the frontier.</summary>
    /// <param name="catalog">The catalog whose profiles and data-centre defaults price the estimate.</param>
    /// <param name="configuration">The deployment.</param>
    /// <param name="workload">The workload (its batch is ignored).</param>
    /// <param name="costModel">The cost model, or null for <see cref="CostModel.Default"/>.</param>
    /// <returns>The chart: x = time per output token in ms, y = USD per million output tokens (log).</returns>
    public static Chart Create(Catalog catalog, DeploymentConfiguration configuration, Workload workload, CostModel? costModel = null)
    {
        var reports = Sweep(catalog, configuration, workload, costModel);
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
            ? "batch 1, 2, 4 … (largest that fits: " + reports[^1].Estimate.Batch.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")"
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
