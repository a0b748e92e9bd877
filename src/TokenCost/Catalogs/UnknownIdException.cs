namespace TokenCost.Catalogs;

/// <summary>Thrown when an id is not in the catalog; the message lists the closest known ids.</summary>
public sealed class UnknownIdException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="UnknownIdException"/> class.</summary>
    public UnknownIdException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="UnknownIdException"/> class.</summary>
    /// <param name="message">The message.</param>
    public UnknownIdException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="UnknownIdException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownIdException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="UnknownIdException"/> class.</summary>
    /// <param name="kind">What kind of entry the id names.</param>
    /// <param name="id">The unknown id.</param>
    /// <param name="parameterName">The parameter that carried it.</param>
    /// <param name="known">The known ids.</param>
    public UnknownIdException(CatalogEntryKind kind, string id, string parameterName, IEnumerable<string> known)
        : base($"unknown {Word(kind)} '{id}'; known: {string.Join(", ", Closest(id, known))}", parameterName)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>Gets the kind of entry the id names, when known.</summary>
    public CatalogEntryKind? Kind { get; }

    /// <summary>Gets the unknown id.</summary>
    public string? Id { get; }

    private static string Word(CatalogEntryKind kind) => kind switch
    {
        CatalogEntryKind.Hardware => "hardware",
        CatalogEntryKind.Model => "model",
        CatalogEntryKind.Format => "format",
        CatalogEntryKind.ServingStack => "serving stack",
        _ => kind.ToString(),
    };

    private static IEnumerable<string> Closest(string id, IEnumerable<string> known)
    {
        var list = known.ToList();
        var similar = list.Where(k => k.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(k, StringComparison.OrdinalIgnoreCase)).ToList();
        var shown = (similar.Count > 0 ? similar : list).Take(12).ToList();
        return list.Count > shown.Count ? shown.Append("…") : shown;
    }
}
