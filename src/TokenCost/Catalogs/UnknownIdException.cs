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
    /// <param name="kind">What kind of id (hardware, model, format, stack).</param>
    /// <param name="id">The unknown id.</param>
    /// <param name="parameterName">The parameter that carried it.</param>
    /// <param name="known">The known ids.</param>
    public UnknownIdException(string kind, string id, string parameterName, IEnumerable<string> known)
        : base($"unknown {kind} '{id}'; known: {string.Join(", ", Closest(id, known))}", parameterName)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>Gets the kind of id (hardware, model, format, stack).</summary>
    public string? Kind { get; }

    /// <summary>Gets the unknown id.</summary>
    public string? Id { get; }

    private static IEnumerable<string> Closest(string id, IEnumerable<string> known)
    {
        var list = known.ToList();
        var similar = list.Where(k => k.Contains(id, StringComparison.OrdinalIgnoreCase) || id.Contains(k, StringComparison.OrdinalIgnoreCase)).ToList();
        var shown = (similar.Count > 0 ? similar : list).Take(12).ToList();
        return list.Count > shown.Count ? shown.Append("…") : shown;
    }
}
