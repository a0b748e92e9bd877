using TokenCost.Serialization;

namespace TokenCost.Validation;

/// <summary>Thrown when a validation case file (JSON Lines) is unreadable or malformed; the message names the file, the line and the offending key.</summary>
public sealed class CaseFileException : InputFileException
{
    /// <summary>Initializes a new instance of the <see cref="CaseFileException"/> class.</summary>
    public CaseFileException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CaseFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    public CaseFileException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CaseFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CaseFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CaseFileException"/> class.</summary>
    /// <param name="file">The file (or resource) name.</param>
    /// <param name="line">The 1-based line number, when known.</param>
    /// <param name="message">What is wrong, naming the key or entry.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CaseFileException(string file, long? line, string message, Exception? innerException = null)
        : base(file, line, message, innerException)
    {
    }
}
