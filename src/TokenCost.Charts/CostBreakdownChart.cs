using ScottPlot;
using TokenCost.Costs;

namespace TokenCost.Charts;

/// <summary>Stacked bars of the cost per million output tokens by category (hardware, energy, serving), one bar per report.</summary>
/// <remarks>Each stack adds up to the report's <see cref="TokenCostReport.CostPerMillionOutputTokens"/>, because the report's totals are sums of its components.</remarks>
public static class CostBreakdownChart
{
    /// <summary>Draws the breakdown.</summary>
    /// <param name="reports">The reports, one bar each, left to right; at least one.</param>
    /// <param name="labels">The bar labels, one per report.</param>
    /// <param name="title">The chart title.</param>
    /// <returns>The chart: y = USD per 1M output tokens.</returns>
    /// <exception cref="ArgumentException">The lists are empty or of different lengths.</exception>
    public static Chart Create(IReadOnlyList<TokenCostReport> reports, IReadOnlyList<string> labels, string title)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(title);
        if (reports.Count == 0 || reports.Count != labels.Count)
        {
            throw new ArgumentException($"Need one label per report and at least one report; got {reports.Count} reports and {labels.Count} labels.", nameof(labels));
        }

        var plot = PlotStyle.New(title, "", "USD per 1M output tokens");
        var categories = new (CostCategory Category, Color Color)[]
        {
            (CostCategory.Hardware, PlotStyle.Hardware), (CostCategory.Energy, PlotStyle.Energy), (CostCategory.Serving, PlotStyle.Serving),
        };
        var bars = new List<Bar>();
        for (var i = 0; i < reports.Count; i++)
        {
            var bottom = 0.0;
            foreach (var (category, color) in categories)
            {
                var value = reports[i].Components.Where(c => c.Category == category).Sum(c => c.CostPerMillionOutputTokens.Usd);
                bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + value, FillColor = color });
                bottom += value;
            }

            var total = plot.Add.Text("$" + PlotStyle.Invariant(bottom, "G3"), i, bottom);
            total.LabelAlignment = Alignment.LowerCenter;
            total.LabelFontSize = 11;
        }

        plot.Add.Bars(bars);
        foreach (var (category, color) in categories)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = category.ToString(), FillColor = color });
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, reports.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.ShowLegend(Alignment.UpperRight);
        return new Chart(plot, title);
    }
}
