using System.Text;
using Microsoft.Win32.SafeHandles;

namespace TokenCost.Cli.Infrastructure;

/// <summary>Opens standard output or standard error as a plain file stream whose write failures (a closed pipe, a full disk) raise.</summary>
public static class StandardStreams
{
    /// <summary>Gets or sets the unsanitised standard error writer, for the progress bar's own cursor sequences (its text is the CLI's, never input).</summary>
    public static TextWriter? RawError { get; set; }

    /// <summary>Opens a standard stream by file descriptor (1 = output, 2 = error), UTF-8 without a byte-order mark, flushed on every write.</summary>
    /// <param name="descriptor">1 or 2.</param>
    /// <returns>The writer; the console's own writer when the descriptor cannot be opened (or on Windows).</returns>
    public static TextWriter Open(int descriptor)
    {
        var fallback = descriptor == 2 ? Console.Error : Console.Out;
        if (OperatingSystem.IsWindows())
        {
            return fallback;
        }

        try
        {
            var handle = new SafeFileHandle(descriptor, ownsHandle: false);
            var stream = new FileStream(handle, FileAccess.Write, bufferSize: 0);
            return new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 65536) { AutoFlush = true };
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
        {
            return fallback;
        }
    }
}
