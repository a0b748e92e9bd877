namespace TokenCost.Cli.Infrastructure;

/// <summary>Invalid command-line input: the message names the option and what is allowed; the process exits with code 2.</summary>
public sealed class CliUsageException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CliUsageException"/> class.</summary>
    public CliUsageException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CliUsageException"/> class.</summary>
    /// <param name="message">One line naming the option and what is allowed.</param>
    public CliUsageException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CliUsageException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
