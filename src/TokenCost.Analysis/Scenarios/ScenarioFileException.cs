using TokenCost.Serialization;

namespace TokenCost.Economics.Scenarios;

/// <summary>Thrown when a scenario file is unreadable, malformed or refers to unknown ids; the message names the file and the offending key.</summary>
public sealed class ScenarioFileException : InputFileException
{
    /// <summary>Initializes a new instance of the <see cref="ScenarioFileException"/> class.</summary>
    public ScenarioFileException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScenarioFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    public ScenarioFileException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScenarioFileException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScenarioFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ScenarioFileException"/> class.</summary>
    /// <param name="file">The file (or resource) name.</param>
    /// <param name="line">The 1-based line number, when known.</param>
    /// <param name="message">What is wrong, naming the key or entry.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ScenarioFileException(string file, long? line, string message, Exception? innerException = null)
        : base(file, line, message, innerException)
    {
    }
}
