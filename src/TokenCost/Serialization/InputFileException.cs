namespace TokenCost.Serialization;

/// <summary>
/// Thrown when a user-supplied input file cannot be read or is malformed; the message names the file, the line (when known) and the
/// offending key or entry. Each kind of file has its own subtype (<see cref="Catalogs.CatalogException"/>,
/// <c>TokenCost.Validation.CaseFileException</c>, <c>TokenCost.Audit.ClaimFileException</c>, <c>TokenCost.Economics.Scenarios.ScenarioFileException</c> (package TokenCost.Analysis));
/// this base type itself is thrown by the kind-neutral reader <see cref="InputFile"/>.
/// </summary>
public class InputFileException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="InputFileException"/> class.</summary>
    public InputFileException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InputFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    public InputFileException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InputFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InputFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="InputFileException"/> class.</summary>
    /// <param name="file">The file (or resource) name.</param>
    /// <param name="line">The 1-based line number, when known.</param>
    /// <param name="message">What is wrong, naming the key or entry.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InputFileException(string file, long? line, string message, Exception? innerException = null)
        : base(line is null ? $"{file}: {message}" : $"{file}:{line}: {message}", innerException)
    {
        File = file;
        Line = line;
        Reason = message;
    }

    /// <summary>Gets the file or resource name, when known.</summary>
    public string? File { get; }

    /// <summary>Gets the 1-based line number, when known.</summary>
    public long? Line { get; }

    /// <summary>Gets what is wrong, without the file and line prefix of <see cref="Exception.Message"/>, when the file is known.</summary>
    public string? Reason { get; }
}
