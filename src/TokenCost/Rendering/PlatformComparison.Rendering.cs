using TokenCost.Rendering;

namespace TokenCost.Comparisons;

public sealed partial class PlatformComparison
{
    /// <summary>
    /// Renders the comparison as one flat HTML <c>&lt;table&gt;</c>, a row per report, in the invariant culture.
    /// </summary>
    /// <returns>An HTML fragment; times in ms, throughput in output tokens/s, money in USD.</returns>
    public string ToHtml() => View().ToHtml();

    /// <summary>Renders the comparison as one GitHub-flavoured Markdown table with the same rows and units as <see cref="ToHtml"/>.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => View().ToMarkdown();

    private TableView View()
    {
        var first = Reports[0].Estimate;
        var caption = FormattableString.Invariant(
            $"{first.Configuration.Model.Id}, {first.Configuration.Weights.Id} weights, {first.Workload.InputTokens} prompt + {first.Workload.OutputTokens} output tokens");
        var table = new TableView(
            caption, "Hardware", "Devices", "Batch", "Fits", "TTFT (ms)", "TPOT (ms)", "Output tok/s", "Bound", "$/h", "$/1M input", "$/1M output")
            .Numeric(1, 2, 4, 5, 6, 8, 9, 10);
        foreach (var r in Reports)
        {
            var e = r.Estimate;
            table.Row(
                e.Configuration.Hardware.Id,
                Cells.Integer(e.Configuration.Devices),
                Cells.Integer(e.Batch),
                Cells.YesNo(e.Memory.Fits),
                Cells.Number(e.TimeToFirstToken.Milliseconds, "F1"),
                Cells.Number(e.TimePerOutputToken.Milliseconds, "F2"),
                Cells.Number(e.DecodeTokensPerSecond.TokensPerSecond, "F0"),
                Cells.Lower(e.Bound),
                Cells.Number(r.TotalCostPerHour.UsdPerHour, "F2"),
                Cells.Number(r.CostPerMillionInputTokens.Usd, "F4"),
                Cells.Number(r.CostPerMillionOutputTokens.Usd, "F3"));
        }

        return table;
    }
}
