namespace TokenCost.Cli.Infrastructure;

/// <summary>Process exit codes of the tokencost command.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>An unexpected error (a bug): the message starts with "unexpected error".</summary>
    public const int UnexpectedError = 1;

    /// <summary>Invalid input: a one-line message names the parameter and what is allowed.</summary>
    public const int InvalidInput = 2;
}
