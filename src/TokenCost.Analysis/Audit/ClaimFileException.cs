using TokenCost.Serialization;

namespace TokenCost.Audit;

/// <summary>Thrown when a claim file is unreadable or malformed; the message names the file, the line (when known) and the offending claim or key.</summary>
public sealed class ClaimFileException : InputFileException
{
    /// <summary>Initializes a new instance of the <see cref="ClaimFileException"/> class.</summary>
    public ClaimFileException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClaimFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ClaimFileException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClaimFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ClaimFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClaimFileException"/> class.</summary>
    /// <param name="file">The file (or resource) name.</param>
    /// <param name="line">The 1-based line number, when known.</param>
    /// <param name="message">What is wrong, naming the key or entry.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ClaimFileException(string file, long? line, string message, Exception? innerException = null)
        : base(file, line, message, innerException)
    {
    }
}
