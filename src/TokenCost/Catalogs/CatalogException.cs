using TokenCost.Serialization;

namespace TokenCost.Catalogs;

/// <summary>Thrown when a catalog, catalog-override, serving-profile, quality or model config file is malformed; the message names the file, the line (when known) and the offending key or entry.</summary>
public sealed class CatalogException : InputFileException
{
    /// <summary>Initializes a new instance of the <see cref="CatalogException"/> class.</summary>
    public CatalogException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CatalogException"/> class.</summary>
    /// <param name="message">The message.</param>
    public CatalogException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CatalogException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CatalogException"/> class.</summary>
    /// <param name="file">The file (or resource) name.</param>
    /// <param name="line">The 1-based line number, when known.</param>
    /// <param name="message">What is wrong, naming the key or entry.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CatalogException(string file, long? line, string message, Exception? innerException = null)
        : base(file, line, message, innerException)
    {
    }
}
