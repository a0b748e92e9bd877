using TokenCost.Catalogs;
using TokenCost.Comparisons;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Estimation;

namespace TokenCost.Rendering;

/// <summary>Dispatches a value to its <c>ToHtml()</c> or <c>ToMarkdown()</c>.</summary>
internal static class RenderedView
{
    public const string HtmlMimeType = "text/html";

    public const string MarkdownMimeType = "text/markdown";

    /// <summary>Renders a library result, or returns null for any other value or MIME type.</summary>
    public static string? Render(object? instance, string mimeType)
    {
        var html = mimeType == HtmlMimeType;
        if (!html && mimeType != MarkdownMimeType)
        {
            return null;
        }

        return instance switch
        {
            TokenCostReport r => html ? r.ToHtml() : r.ToMarkdown(),
            PerformanceEstimate e => html ? e.ToHtml() : e.ToMarkdown(),
            PlatformComparison c => html ? c.ToHtml() : c.ToMarkdown(),
            Catalog c => html ? c.ToHtml() : c.ToMarkdown(),
            InteractivityCurve c => html ? c.ToHtml() : c.ToMarkdown(),
            _ => null,
        };
    }
}
