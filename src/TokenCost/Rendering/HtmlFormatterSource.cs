namespace TokenCost.Rendering;

/// <summary>
/// Creates the notebook formatters of the library's results by convention (see <see cref="TypeFormatterSourceAttribute"/>):
/// one for <c>text/html</c> (the same text as <c>ToHtml()</c>) and one for <c>text/markdown</c>.
/// </summary>
internal sealed class HtmlFormatterSource
{
    /// <summary>Creates the formatters; called by the notebook kernel through reflection.</summary>
    /// <returns>The formatters.</returns>
#pragma warning disable CA1822 // The kernel creates an instance and calls an instance method by name: the convention's contract.
    public IEnumerable<object> CreateTypeFormatters() =>
        [new ConventionFormatter(RenderedView.HtmlMimeType), new ConventionFormatter(RenderedView.MarkdownMimeType)];
#pragma warning restore CA1822
}
