namespace TokenCost.Server.Requests;

/// <summary>The request body is larger than the service accepts.</summary>
internal sealed class RequestTooLargeException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RequestTooLargeException"/> class.</summary>
    public RequestTooLargeException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RequestTooLargeException"/> class.</summary>
    /// <param name="message">The message.</param>
    public RequestTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RequestTooLargeException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RequestTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
