namespace TokenCost.Rendering;

/// <summary>
/// A formatter in the shape .NET Interactive expects by convention: a public <see cref="MimeType"/> property and a public
/// <c>bool Format(object, TextWriter)</c> method.
/// </summary>
internal sealed class ConventionFormatter
{
    /// <summary>Initializes a new instance of the <see cref="ConventionFormatter"/> class.</summary>
    /// <param name="mimeType">The MIME type written.</param>
    public ConventionFormatter(string mimeType) => MimeType = mimeType;

    /// <summary>Gets the MIME type written.</summary>
    public string MimeType { get; }

    /// <summary>Writes the view of a library result.</summary>
    /// <param name="instance">The value to format.</param>
    /// <param name="writer">The writer.</param>
    /// <returns>True when the value is a type this library renders; false to let the host fall back.</returns>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = RenderedView.Render(instance, MimeType);
        if (text is null)
        {
            return false;
        }

        writer.Write(text);
        return true;
    }
}
