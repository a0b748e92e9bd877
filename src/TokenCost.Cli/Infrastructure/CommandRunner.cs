using TokenCost.Catalogs;
using TokenCost.Serialization;

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
        catch (InputFileException ex)
        {
            return Fail(ex.Message);
        }
        catch (ArgumentException ex)
        {
            return Fail(GivenOptions.Describe(ex));
        }
        catch (OutputClosedException ex)
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
        catch (IOException ex)
        {
            return Fail("cannot read or write a file: " + ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Fail("cannot read or write a file: " + ex.Message);
        }
        catch (OverflowException ex)
        {
            var given = string.Join(", ", GivenOptions.Given.Select(g => g.Value.Length > 0 ? $"{g.Name} {g.Value}" : g.Name));
            return Fail((given.Length > 0 ? given + ": " : "") + "a value is too large to compute with: " + ex.Message);
        }
        catch (OutOfMemoryException)
        {
            var given = string.Join(", ", GivenOptions.Given.Select(g => g.Value.Length > 0 ? $"{g.Name} {g.Value}" : g.Name));
            return Fail((given.Length > 0 ? given + ": " : "") + "the input asks for more memory than this command may use.");
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled");
        }
#pragma warning disable CA1031 // The CLI's last line of defence must catch everything to avoid a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            try
            {
                Console.Error.WriteLine($"tokencost: unexpected error: {ex.GetType().Name}: {OneLine(ex.Message)}");
            }
            catch (IOException)
            {
            }

            return ExitCodes.UnexpectedError;
        }
    }

    /// <summary>Writes a one-line error and returns the invalid-input exit code.</summary>
    /// <param name="message">The message.</param>
    /// <returns><see cref="ExitCodes.InvalidInput"/>.</returns>
    public static int Fail(string message)
    {
        try
        {
            Console.Error.WriteLine("tokencost: " + OneLine(message));
        }
        catch (IOException)
        {
            // Standard error is gone too: the exit code is all that is left.
        }

        return ExitCodes.InvalidInput;
    }

    private static string OneLine(string message) => Rendering.OutputText.Clean(message.ReplaceLineEndings(" ").Trim());
}
