using ScottPlot;
using TokenCost.Estimation;
using TokenCost.Pricing;

namespace TokenCost.Charts;

/// <summary>
/// The roofline of one device of a deployment — attained FLOP/s against arithmetic intensity (FLOP per byte moved), with the hardware's
/// ridge point — and the operating points of prefill and decode at several batches.
/// </summary>
/// <remarks>
/// Roof = min(peak, intensity × bandwidth) with the listed peak at the activations' compute precision and the listed memory bandwidth;
/// ridge point = peak ÷ bandwidth. A point's intensity is the step's FLOPs ÷ bytes per device; its height is FLOPs ÷ modelled step time,
/// so the gap to the roof is the efficiency, communication and overhead the estimator charges. Both axes are logarithmic. Points are
/// drawn for every requested batch; a decode point whose batch does not fit in memory is labelled "(no fit)".
/// </remarks>
public static class RooflineChart
{
    /// <summary>Gets the batches plotted when none are given.</summary>
    public static IReadOnlyList<int> DefaultBatches { get; } = [1, 4, 16, 64, 256];

    /// <summary>Draws the roofline chart.</summary>
    /// <param name="context">The pricing context whose estimator (serving profiles) times the steps.</param>
    /// <param name="configuration">The deployment.</param>
    /// <param name="workload">The workload: its prompt length sets prefill, prompt + output ÷ 2 the decode context (its batch is ignored).</param>
    /// <param name="batches">The batches whose operating points are drawn, or null for <see cref="DefaultBatches"/>; each ≥ 1.</param>
    /// <returns>The chart.</returns>
    public static Chart Create(PricingContext context, DeploymentConfiguration configuration, Workload workload, IReadOnlyList<int>? batches = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(workload);
        var estimator = context.Estimator;
        var hw = configuration.Hardware;
        var resolved = hw.ResolvePeak(configuration.Activations.ComputePrecision)
            ?? throw new ArgumentException($"hardware '{hw.Id}' lists no peak compute.", nameof(configuration));
        var peak = resolved.Peak.FlopsPerSecond;
        var bandwidth = hw.MemoryBandwidth.BytesPerSecond;
        var ridge = peak / bandwidth;

        var prefill = new List<(double X, double Y, int Batch)>();
        var decode = new List<(double X, double Y, int Batch)>();
        var fits = new HashSet<int>();
        var decodeContext = workload.InputTokens + (workload.OutputTokens / 2.0);
        foreach (var b in batches ?? DefaultBatches)
        {
            var p = estimator.Forward(configuration, b, Math.Max(1, workload.InputTokens), 0);
            var d = estimator.Forward(configuration, b, 1, decodeContext);
            prefill.Add(Point(p, b));
            if (estimator.PlanMemory(configuration, Math.Max(1, workload.InputTokens + workload.OutputTokens), b).Fits)
            {
                fits.Add(b);
            }

            decode.Add(Point(d, b));
        }

        var all = prefill.Concat(decode).Select(p => p.X).Append(ridge).ToArray();
        var xMin = Math.Floor(Math.Log10(all.Min()) - 0.5);
        var xMax = Math.Ceiling(Math.Log10(all.Max()) + 0.5);

        var title = $"Roofline: {configuration.Model.Id} on {hw.Id} ({configuration.Weights.Id} weights, {resolved.Precision} compute)";
        var plot = PlotStyle.New(title, "Arithmetic intensity (FLOP/byte, log)", "Attained throughput per device (TFLOP/s, log)");
        var roofX = new List<double>();
        var roofY = new List<double>();
        for (var lx = xMin; lx <= xMax + 1e-9; lx += 0.05)
        {
            roofX.Add(lx);
            roofY.Add(Math.Log10(Math.Min(peak, Math.Pow(10, lx) * bandwidth) / 1e12));
        }

        var roof = plot.Add.ScatterLine(roofX.ToArray(), roofY.ToArray(), PlotStyle.Roof);
        roof.LineWidth = 2;
        roof.LegendText = FormattableString.Invariant($"Roof: {hw.MemoryBandwidth.TerabytesPerSecond:F2} TB/s, {peak / 1e12:F0} TFLOP/s");
        var ridgeMarker = plot.Add.Marker(Math.Log10(ridge), Math.Log10(peak / 1e12), MarkerShape.OpenCircle, 12, PlotStyle.Roof);
        ridgeMarker.LegendText = "Ridge point: " + PlotStyle.Invariant(ridge, "F0") + " FLOP/byte";
        AddPoints(plot, prefill, "Prefill", PlotStyle.Prefill, null);
        AddPoints(plot, decode, "Decode", PlotStyle.Decode, fits);
        PlotStyle.LogAxis(plot.Axes.Bottom);
        PlotStyle.LogAxis(plot.Axes.Left);
        plot.Axes.SetLimitsX(xMin, xMax);
        plot.ShowLegend(Alignment.LowerRight);
        return new Chart(plot, title);

        static (double X, double Y, int Batch) Point(StepEstimate s, int b) =>
            (s.FlopsPerDevice.Flops / s.BytesPerDevice.Bytes, s.FlopsPerDevice.Flops / s.Time.Seconds / 1e12, b);
    }

    private static void AddPoints(Plot plot, List<(double X, double Y, int Batch)> points, string name, Color color, HashSet<int>? labelFits)
    {
        var xs = points.Select(p => Math.Log10(p.X)).ToArray();
        var ys = points.Select(p => Math.Log10(p.Y)).ToArray();
        var scatter = plot.Add.Scatter(xs, ys, color);
        scatter.LineWidth = 1;
        scatter.MarkerSize = 9;
        scatter.LegendText = name + " (batch " + string.Join(", ", points.Select(p => p.Batch.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
        for (var i = 0; labelFits is not null && i < points.Count; i++)
        {
            var text = "b" + points[i].Batch.ToString(System.Globalization.CultureInfo.InvariantCulture) + (labelFits.Contains(points[i].Batch) ? "" : " (no fit)");
            var label = plot.Add.Text(text, xs[i], ys[i]);
            label.LabelFontSize = 11;
            label.LabelFontColor = color;
            label.LabelOffsetX = 6;
            label.LabelOffsetY = -16;
        }
    }
}
