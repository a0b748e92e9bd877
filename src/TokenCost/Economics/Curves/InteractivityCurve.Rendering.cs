using TokenCost.Rendering;

namespace TokenCost.Economics.Curves;

/// <content>Flat table views of the curve for notebooks, reports and web pages.</content>
public sealed partial class InteractivityCurve
{
    /// <summary>Renders the curve as one flat HTML <c>&lt;table&gt;</c>, a row per point, in the invariant culture.</summary>
    /// <returns>An HTML fragment; times in ms, throughput in tokens/s, money in USD per million tokens, power-normalised throughput in tokens/s per MW.</returns>
    public string ToHtml() => View().ToHtml();

    /// <summary>Renders the curve as one GitHub-flavoured Markdown table with the same rows and units as <see cref="ToHtml"/>.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => View().ToMarkdown();

    private TableView View()
    {
        var caption = Points.Count == 0
            ? "no points"
            : FormattableString.Invariant($"{Points[0].Configuration.Model.Id}, closed-loop concurrency under continuous batching; Pareto: per hardware, speed per user × output tokens/s per device");
        var table = new TableView(
            caption, "Hardware", "TP", "Weights", "Users", "Tok/s per user", "TTFT (ms)", "TPOT (ms)", "Output tok/s per device", "Total tok/s per device", "$/1M input", "$/1M output", "$/1M total", "Total tok/s per MW", "Pareto")
            .Numeric(1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        foreach (var p in Points)
        {
            var c = p.Configuration;
            table.Row(
                c.Hardware.Id,
                Cells.Integer(c.TensorParallel),
                c.Weights.Id,
                Cells.Integer(p.Concurrency),
                Cells.Number(p.OutputTokensPerSecondPerUser, "F1"),
                Cells.Number(p.TimeToFirstToken.Milliseconds, "F0"),
                Cells.Number(p.TimePerOutputToken.Milliseconds, "F2"),
                Cells.Number(p.OutputTokensPerSecondPerDevice, "F0"),
                Cells.Number(p.TotalTokensPerSecondPerDevice, "F0"),
                Cells.Number(p.CostPerMillionInputTokens.Usd, "F4"),
                Cells.Number(p.CostPerMillionOutputTokens.Usd, "F3"),
                Cells.Number(p.CostPerMillionTotalTokens.Usd, "F3"),
                Cells.Or(p.TotalTokensPerSecondPerMegawatt, v => Cells.Number(v, "F0")),
                Cells.YesNo(p.OnParetoFront));
        }

        return table;
    }
}
