using System.Text;
using TokenCost.Rendering;

namespace TokenCost.Cli.Infrastructure;

/// <summary>
/// Writes every output file of the CLI: atomically (a temporary file in the same directory, then a rename, so that concurrent writers
/// and a crash never leave a half-written file), never over one of the command's input files, and with every failure (a directory,
/// an unwritable path, a full disk) reported as invalid input naming the option.
/// </summary>
public static class OutputFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes text (control characters other than line breaks and tabs replaced).</summary>
    /// <param name="option">The option that named the file (e.g. <c>--out</c>).</param>
    /// <param name="path">The file.</param>
    /// <param name="text">The text.</param>
    /// <param name="inputs">The command's input files, each with its option, that must not be overwritten.</param>
    public static void WriteText(string option, string path, string text, params (string Option, string? Path)[] inputs) =>
        Write(option, path, Utf8.GetBytes(OutputText.Clean(text, keepLineBreaks: true)), inputs);

    /// <summary>Writes bytes.</summary>
    /// <param name="option">The option that named the file (e.g. <c>--out</c>).</param>
    /// <param name="path">The file.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="inputs">The command's input files, each with its option, that must not be overwritten.</param>
    public static void Write(string option, string path, byte[] content, params (string Option, string? Path)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(inputs);
        var full = Check(option, path, inputs);
        try
        {
            if (IsDevice(full))
            {
                using var device = new FileStream(full, FileMode.Open, FileAccess.Write);
                device.Write(content);
                device.Flush();
                return;
            }

            var directory = Path.GetDirectoryName(full) ?? ".";
            var temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(content);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                TryDelete(temp);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw new CliUsageException($"{option}: cannot write '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Streams text into a temporary file beside <paramref name="path"/> (control characters other than line breaks and tabs replaced) and renames
    /// it over the file once <paramref name="write"/> returns; when it throws, the file is left as it was.
    /// </summary>
    /// <param name="option">The option that named the file (e.g. <c>--out</c>).</param>
    /// <param name="path">The file.</param>
    /// <param name="write">Writes the text.</param>
    /// <param name="inputs">The command's input files, each with its option, that must not be overwritten.</param>
    public static void WriteStreaming(string option, string path, Action<TextWriter> write, params (string Option, string? Path)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(inputs);
        var full = Check(option, path, inputs);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temp = IsDevice(full) ? null : Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp ?? full, temp is null ? FileMode.Open : FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var text = new SanitizingWriter(new StreamWriter(stream, Utf8, 65536), option + " " + path, allowColours: false))
            {
                write(text);
                text.Flush();
                if (temp is not null)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            if (temp is not null)
            {
                File.Move(temp, full, overwrite: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw new CliUsageException($"{option}: cannot write '{path}': {ex.Message}", ex);
        }
        finally
        {
            if (temp is not null)
            {
                TryDelete(temp);
            }
        }
    }

    /// <summary>Checks an output path before any work is done: not empty, not a directory, not one of the inputs.</summary>
    /// <param name="option">The option that named the file.</param>
    /// <param name="path">The file.</param>
    /// <param name="inputs">The command's input files, each with its option.</param>
    /// <returns>The full path.</returns>
    public static string Check(string option, string? path, params (string Option, string? Path)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new CliUsageException($"{option} needs a file path.");
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliUsageException($"{option}: '{path}' is not a valid file path.", ex);
        }

        if (Directory.Exists(full) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            throw new CliUsageException($"{option}: '{path}' is a directory; give a file path.");
        }

        var directory = Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new CliUsageException($"{option}: cannot write '{path}': the directory '{directory}' does not exist.");
        }

        foreach (var (inputOption, input) in inputs)
        {
            if (!string.IsNullOrWhiteSpace(input) && SameFile(full, input))
            {
                throw new CliUsageException($"{option}: '{path}' is the {inputOption} input file; refusing to overwrite it: give another path.");
            }
        }

        return full;
    }

    private static bool IsDevice(string full) =>
        full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal);

    private static bool SameFile(string full, string input)
    {
        try
        {
            return string.Equals(Resolve(full), Resolve(Path.GetFullPath(input)), StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static string Resolve(string full)
    {
        var target = File.Exists(full) ? new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName : null;
        var resolved = target ?? full;
        var directory = Path.GetDirectoryName(resolved);
        var real = directory is not null && Directory.Exists(directory) ? new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName : null;
        return real is null ? resolved : Path.Combine(real, Path.GetFileName(resolved));
    }

    private static void TryDelete(string temp)
    {
        try
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
