namespace TokenCost.Cli.Infrastructure;

/// <summary>The document format a result command prints instead of its console table.</summary>
public enum OutputFormat
{
    /// <summary>The Spectre.Console table (default).</summary>
    Table,

    /// <summary>An HTML fragment: the library's <c>ToHtml()</c>.</summary>
    Html,

    /// <summary>A Markdown table: the library's <c>ToMarkdown()</c>.</summary>
    Markdown,
}
