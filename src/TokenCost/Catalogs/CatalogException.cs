namespace TokenCost.Catalogs;

/// <summary>Thrown when a catalog, profile or case file is malformed; the message names the file, the line (when known) and the offending key or entry.</summary>
public sealed class CatalogException : Exception
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
        : base(line is null ? $"{file}: {message}" : $"{file}:{line}: {message}", innerException)
    {
        File = file;
        Line = line;
    }

    /// <summary>Gets the file or resource name, when known.</summary>
    public string? File { get; }

    /// <summary>Gets the 1-based line number, when known.</summary>
    public long? Line { get; }
}
