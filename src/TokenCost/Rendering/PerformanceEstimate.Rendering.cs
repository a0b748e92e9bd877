using System.Text;
using TokenCost.Rendering;

namespace TokenCost.Estimation;

[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = [RenderedView.HtmlMimeType])]
public sealed partial record PerformanceEstimate
{
    /// <summary>Renders the estimate as one HTML <c>&lt;table&gt;</c> of quantities and values, in the invariant culture.</summary>
    /// <returns>An HTML fragment (no page wrapper); times in ms, power in W, energy in J, memory in GB (10⁹ bytes).</returns>
    public string ToHtml() => View().ToHtml();

    /// <summary>Renders the estimate as a GitHub-flavoured Markdown table of quantities and values, in the invariant culture.</summary>
    /// <returns>The Markdown text; the same rows and units as <see cref="ToHtml"/>.</returns>
    public string ToMarkdown() => View().ToMarkdown();

    private TableView View()
    {
        var table = new TableView("Performance estimate", "Quantity", "Value");
        Cells.AddEstimateRows(table, this);
        return table;
    }
}
