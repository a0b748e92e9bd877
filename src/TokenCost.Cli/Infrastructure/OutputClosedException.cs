namespace TokenCost.Cli.Infrastructure;

/// <summary>Standard output or standard error cannot be written (the reader has gone, the disk is full): the command stops with exit code 2.</summary>
public sealed class OutputClosedException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="OutputClosedException"/> class.</summary>
    public OutputClosedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OutputClosedException"/> class.</summary>
    /// <param name="message">The message.</param>
    public OutputClosedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OutputClosedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public OutputClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
