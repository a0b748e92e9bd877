using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace TokenCost.Charts;

/// <summary>Shared look of the charts and the log-axis helpers (ScottPlot 5 draws log axes on log10-transformed data).</summary>
internal static class PlotStyle
{
    public static readonly Color Hardware = Color.FromHex("#4C72B0");
    public static readonly Color Energy = Color.FromHex("#DD8452");
    public static readonly Color Serving = Color.FromHex("#55A868");
    public static readonly Color Prefill = Color.FromHex("#C44E52");
    public static readonly Color Decode = Color.FromHex("#4C72B0");
    public static readonly Color Roof = Color.FromHex("#333333");

    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    public static void LogAxis(IAxis axis)
    {
        axis.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = v => Math.Pow(10, v).ToString("#,0.###", CultureInfo.InvariantCulture),
        };
    }

    public static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
