namespace TokenCost.Cli.Infrastructure;

/// <summary>What a command prints (<c>--format</c>); each command accepts the formats its help lists.</summary>
public enum OutputFormat
{
    /// <summary>Console tables and sentences (default).</summary>
    Table,

    /// <summary>JSON through the typed contracts of TokenCost.Contracts (docs/json.md); <c>--json</c> is a shorthand.</summary>
    Json,

    /// <summary>Comma-separated rows with a header (invariant, round-trippable numbers); <c>--csv</c> is a shorthand.</summary>
    Csv,

    /// <summary>An HTML fragment: the library's <c>ToHtml()</c>.</summary>
    Html,

    /// <summary>Markdown: the library's <c>ToMarkdown()</c> or a Markdown report.</summary>
    Markdown,
}
