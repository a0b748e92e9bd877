using ScottPlot;
using TokenCost.Economics.Curves;

namespace TokenCost.Charts;

/// <summary>
/// The interactivity–throughput curve: output tokens/s per user (x) against output tokens/s per device (y), one series per hardware,
/// as InferenceX draws it. Each series' line joins its Pareto-front points (labelled with users and TP degree where the layout changes);
/// the other points of the sweep are drawn as faint markers.
/// </summary>
/// <remarks>Points come from <see cref="InteractivityCurve.Sweep"/>: each is a closed-loop concurrency under continuous batching. Moving left
/// along a line adds users to the batch: more throughput per device (cheaper tokens), slower tokens for each user.</remarks>
public static class CurveChart
{
    /// <summary>Draws the curve.</summary>
    /// <param name="curve">The swept curve (at least one point).</param>
    /// <param name="title">The title, or null for one naming the model, formats and request lengths.</param>
    /// <returns>The chart: x = output tokens/s per user, y = output tokens/s per device.</returns>
    /// <exception cref="ArgumentException">The curve has no points.</exception>
    public static Chart Create(InteractivityCurve curve, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Points.Count == 0)
        {
            throw new ArgumentException("the curve has no points to draw.", nameof(curve));
        }

        var first = curve.Points[0];
        title ??= FormattableString.Invariant(
            $"Interactivity vs throughput: {first.Configuration.Model.Id}, {string.Join("/", curve.Points.Select(p => p.Configuration.Weights.Id).Distinct())}, {first.Estimate.Static.Workload.InputTokens}+{first.Estimate.Static.Workload.OutputTokens} tokens");
        var plot = PlotStyle.New(title, "Output tokens/s per user (1 ÷ TPOT)", "Output tokens/s per device");
        var palette = new ScottPlot.Palettes.Category10();
        var series = 0;
        foreach (var group in curve.Points.GroupBy(p => p.Configuration.Hardware.Id, StringComparer.Ordinal))
        {
            var color = palette.GetColor(series++);
            var all = group.ToList();
            var others = all.Where(p => !p.OnParetoFront).ToList();
            if (others.Count > 0)
            {
                var faint = plot.Add.Scatter(others.Select(p => p.OutputTokensPerSecondPerUser).ToArray(), others.Select(p => p.OutputTokensPerSecondPerDevice).ToArray(), color.WithAlpha(0.35));
                faint.LineWidth = 0;
                faint.MarkerSize = 6;
            }

            var front = all.Where(p => p.OnParetoFront).OrderBy(p => p.OutputTokensPerSecondPerUser).ToList();
            var line = plot.Add.Scatter(front.Select(p => p.OutputTokensPerSecondPerUser).ToArray(), front.Select(p => p.OutputTokensPerSecondPerDevice).ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 8;
            line.LegendText = group.Key;
            for (var i = 0; i < front.Count; i++)
            {
                // Label where the layout changes along the front (and its ends), so dense fronts stay readable.
                var p = front[i];
                if (i > 0 && i < front.Count - 1 && p.Configuration.TensorParallel == front[i - 1].Configuration.TensorParallel && p.Configuration.Weights.Id == front[i - 1].Configuration.Weights.Id)
                {
                    continue;
                }

                var label = plot.Add.Text(
                    FormattableString.Invariant($"{p.Concurrency}u TP{p.Configuration.TensorParallel}"),
                    p.OutputTokensPerSecondPerUser,
                    p.OutputTokensPerSecondPerDevice);
                label.LabelFontSize = 10;
                label.LabelFontColor = color;
                label.LabelOffsetX = 5;
                label.LabelOffsetY = -14;
            }
        }

        plot.Axes.Margins(right: 0.12, top: 0.12);
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        plot.Axes.SetLimits(Math.Max(0, limits.Left), limits.Right, 0, limits.Top); // rates are never negative
        plot.ShowLegend(Alignment.UpperRight);
        return new Chart(plot, title);
    }
}
