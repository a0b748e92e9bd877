using System.Net;
using System.Text;

namespace TokenCost.Rendering;

/// <summary>A captioned table of text cells that renders as one flat HTML <c>&lt;table&gt;</c> or a GitHub-flavoured Markdown table.</summary>
/// <remarks>Cells are already formatted in the invariant culture by the caller; this type only escapes and lays them out.</remarks>
internal sealed class TableView
{
    private readonly List<string[]> _rows = [];

    public TableView(string caption, params string[] headers)
    {
        Caption = caption;
        Headers = headers;
        RightAligned = new bool[headers.Length];
    }

    public string Caption { get; }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Gets which columns hold numbers (right-aligned).</summary>
    public bool[] RightAligned { get; }

    public TableView Numeric(params int[] columns)
    {
        foreach (var c in columns)
        {
            RightAligned[c] = true;
        }

        return this;
    }

    public TableView Row(params string[] cells)
    {
        if (cells.Length != Headers.Count)
        {
            throw new ArgumentException($"A row needs {Headers.Count} cells; got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public void WriteHtml(StringBuilder sb)
    {
        sb.Append("<table class=\"tokencost\">");
        sb.Append("<caption>").Append(Html(Caption)).Append("</caption>");
        sb.Append("<thead><tr>");
        for (var i = 0; i < Headers.Count; i++)
        {
            sb.Append(RightAligned[i] ? "<th style=\"text-align:right\">" : "<th style=\"text-align:left\">")
              .Append(Html(Headers[i])).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                sb.Append(RightAligned[i] ? "<td style=\"text-align:right\">" : "<td>").Append(Html(row[i])).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>\n");
    }

    public void WriteMarkdown(StringBuilder sb)
    {
        sb.Append("**").Append(Escape(Caption)).Append("**\n\n");
        sb.Append('|');
        foreach (var h in Headers)
        {
            sb.Append(' ').Append(Escape(h)).Append(" |");
        }

        sb.Append("\n|");
        for (var i = 0; i < Headers.Count; i++)
        {
            sb.Append(RightAligned[i] ? " ---: |" : " --- |");
        }

        sb.Append('\n');
        foreach (var row in _rows)
        {
            sb.Append('|');
            foreach (var cell in row)
            {
                sb.Append(' ').Append(Escape(cell)).Append(" |");
            }

            sb.Append('\n');
        }
    }

    public string ToHtml()
    {
        var sb = new StringBuilder();
        WriteHtml(sb);
        return sb.ToString();
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        WriteMarkdown(sb);
        return sb.ToString();
    }

    private static string Html(string text) => WebUtility.HtmlEncode(OutputText.Clean(text));

    private static string Escape(string text) => OutputText.Clean(text.ReplaceLineEndings(" ")).Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal);
}
