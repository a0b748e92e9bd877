using System.Text;
using TokenCost.Internal;

namespace TokenCost.Serialization;

/// <summary>
/// The one reader of input files (cases, claims, scenarios, catalog overrides, profiles): it streams, counts the bytes it actually
/// reads (a pipe or <c>/dev/zero</c> reports a length of 0) and stops at a limit, so that memory stays bounded on any input.
/// Every failure is an <see cref="InputFileException"/> naming the file (and the line, for line-oriented reads); readers of one kind of
/// file (cases, claims, scenarios, catalogs) get that kind's subtype.
/// </summary>
/// <remarks>This type is stateless and thread-safe.</remarks>
public static class InputFile
{
    /// <summary>The longest line accepted by <see cref="ReadLines(string, long)"/>, in characters: 1 MB.</summary>
    public const int MaxLineChars = 1_000_000;

    /// <summary>Reads a whole file, at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The largest accepted size in bytes, ≥ 1.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="InputFileException">The file cannot be read or is larger than the limit.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes) => ReadAllBytes(path, maxBytes, Neutral);

    /// <summary>Reads a whole file, at most <paramref name="maxBytes"/> bytes, failing with the exception of one kind of file.</summary>
    internal static byte[] ReadAllBytes(string path, long maxBytes, InputFileFailure fail)
    {
        Guard.NotEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        return Guarded(path, null, fail, () =>
        {
            using var stream = Open(path, fail);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            long total = 0;
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                total += n;
                if (total > maxBytes)
                {
                    throw TooLarge(path, maxBytes, fail);
                }

                buffer.Write(chunk, 0, n);
            }

            return buffer.ToArray();
        });
    }

    /// <summary>Reads a UTF-8 text file line by line, streaming: a byte-order mark and each line's final CR are removed.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The largest accepted size in bytes, ≥ 1; reading stops with an error when it is passed.</param>
    /// <returns>The lines, in order (a final newline does not make an empty last line).</returns>
    /// <exception cref="InputFileException">The file cannot be read, is larger than the limit or has a line longer than <see cref="MaxLineChars"/>.</exception>
    public static IEnumerable<string> ReadLines(string path, long maxBytes) => ReadLines(path, maxBytes, Neutral);

    /// <summary>Reads a UTF-8 text file line by line, failing with the exception of one kind of file.</summary>
    internal static IEnumerable<string> ReadLines(string path, long maxBytes, InputFileFailure fail)
    {
        Guard.NotEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        return Lines(path, maxBytes, fail);
    }

    private static InputFileException Neutral(string file, long? line, string message, Exception? innerException) =>
        new(file, line, message, innerException);

    private static IEnumerable<string> Lines(string path, long maxBytes, InputFileFailure fail)
    {
        using var stream = Guarded(path, null, fail, () => Open(path, fail));
        var bounded = new CountingStream(stream, path, maxBytes, fail);
        using var reader = new StreamReader(bounded, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 65536);
        var line = new StringBuilder();
        var buffer = new char[65536];
        long number = 1;
        var first = true;
        while (true)
        {
            var n = Guarded(path, number, fail, () => reader.Read(buffer, 0, buffer.Length));
            if (n == 0)
            {
                break;
            }

            var start = 0;
            if (first)
            {
                first = false;
                if (buffer[0] == '\uFEFF')
                {
                    start = 1;
                }
            }

            for (var i = start; i < n; i++)
            {
                if (buffer[i] == '\n')
                {
                    line.Append(buffer, start, i - start);
                    yield return Finish(line);
                    number++;
                    start = i + 1;
                }
            }

            line.Append(buffer, start, n - start);
            if (line.Length > MaxLineChars)
            {
                throw fail(path, number, $"the line is longer than {MaxLineChars} characters", null);
            }
        }

        if (line.Length > 0)
        {
            yield return Finish(line);
        }
    }

    private static string Finish(StringBuilder line)
    {
        var length = line.Length > 0 && line[^1] == '\r' ? line.Length - 1 : line.Length;
        var text = line.ToString(0, length);
        line.Clear();
        return text;
    }

    private static FileStream Open(string path, InputFileFailure fail)
    {
        if (Directory.Exists(path))
        {
            throw fail(path, null, "is a directory, not a file", null);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
    }

    private static InputFileException TooLarge(string path, long maxBytes, InputFileFailure fail) =>
        fail(path, null, FormattableString.Invariant($"file is larger than the {maxBytes} byte limit"), null);

    private static T Guarded<T>(string path, long? line, InputFileFailure fail, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (IOException ex)
        {
            throw fail(path, line, "cannot read the file: " + ex.Message, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw fail(path, line, "cannot read the file: " + ex.Message, ex);
        }
        catch (NotSupportedException ex)
        {
            throw fail(path, line, "cannot read the file: " + ex.Message, ex);
        }
    }

    /// <summary>Counts the bytes read through it and fails once more than the limit have been read.</summary>
    private sealed class CountingStream(Stream inner, string path, long maxBytes, InputFileFailure fail) : Stream
    {
        private long _total;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _total; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _total += n;
            return _total > maxBytes ? throw TooLarge(path, maxBytes, fail) : n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
