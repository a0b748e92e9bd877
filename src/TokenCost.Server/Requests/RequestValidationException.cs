namespace TokenCost.Server.Requests;

/// <summary>A request value is out of range or inconsistent: names the request field and says what is allowed.</summary>
internal sealed class RequestValidationException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RequestValidationException"/> class.</summary>
    public RequestValidationException()
        : this("request", "invalid request")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RequestValidationException"/> class.</summary>
    /// <param name="message">What is allowed.</param>
    public RequestValidationException(string message)
        : this("request", message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RequestValidationException"/> class.</summary>
    /// <param name="message">What is allowed.</param>
    /// <param name="innerException">The cause.</param>
    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "request";
    }

    /// <summary>Initializes a new instance of the <see cref="RequestValidationException"/> class.</summary>
    /// <param name="field">The request field (JSON property name, camelCase).</param>
    /// <param name="message">What is allowed, in words a user can act on.</param>
    public RequestValidationException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>Gets the request field (JSON property name).</summary>
    public string Field { get; }
}
