using TokenCost.Catalogs;

namespace TokenCost.Cli.Infrastructure;

/// <summary>Runs a command body and turns exceptions into exit codes and one-line messages (never a stack trace).</summary>
public static class CommandRunner
{
    /// <summary>Runs the action.</summary>
    /// <param name="action">The command body; returns its exit code.</param>
    /// <returns>The exit code.</returns>
    public static int Run(Func<int> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (CliUsageException ex)
        {
            return Fail(ex.Message);
        }
        catch (CatalogException ex)
        {
            return Fail(ex.Message);
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message);
        }
        catch (FileNotFoundException ex)
        {
            return Fail(ex.Message);
        }
        catch (DirectoryNotFoundException ex)
        {
            return Fail(ex.Message);
        }
        catch (OverflowException ex)
        {
            return Fail("a value is too large: " + ex.Message);
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled");
        }
#pragma warning disable CA1031 // The CLI's last line of defence must catch everything to avoid a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Console.Error.WriteLine($"tokencost: unexpected error: {ex.GetType().Name}: {OneLine(ex.Message)}");
            return ExitCodes.UnexpectedError;
        }
    }

    /// <summary>Writes a one-line error and returns the invalid-input exit code.</summary>
    /// <param name="message">The message.</param>
    /// <returns><see cref="ExitCodes.InvalidInput"/>.</returns>
    public static int Fail(string message)
    {
        Console.Error.WriteLine("tokencost: " + OneLine(message));
        return ExitCodes.InvalidInput;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
