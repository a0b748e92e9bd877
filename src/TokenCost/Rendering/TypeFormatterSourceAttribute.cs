namespace TokenCost.Rendering;

/// <summary>
/// Names the type that creates notebook formatters for the type it decorates. .NET Interactive (Polyglot Notebooks) finds this
/// attribute by its name, without a reference to any notebook assembly, reads <see cref="FormatterSourceType"/>, creates it and
/// calls its public <c>CreateTypeFormatters()</c> method.
/// </summary>
/// <remarks>
/// The library takes no dependency on .NET Interactive (deprecated in 2026); this convention costs nothing in other hosts, which use
/// the public <c>ToHtml()</c> and <c>ToMarkdown()</c> methods instead. The name and the public property names are the contract.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="TypeFormatterSourceAttribute"/> class.</summary>
    /// <param name="formatterSourceType">The type whose public <c>CreateTypeFormatters()</c> returns the formatters.</param>
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>Gets the formatter source type.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>Gets or sets the MIME types the notebook should prefer for the decorated type.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
