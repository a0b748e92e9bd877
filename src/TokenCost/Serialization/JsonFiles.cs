using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TokenCost.Catalogs;

namespace TokenCost.Serialization;

/// <summary>Reads JSON files strictly (size and depth limits, no unknown or duplicate keys) and reports errors with file and line.</summary>
internal static class JsonFiles
{
    /// <summary>The largest JSON file accepted: 16 MB.</summary>
    public const long MaxBytes = 16_000_000;

    /// <summary>The failure of catalog-like files (catalogs, overrides, profiles, quality tables): a <see cref="CatalogException"/>.</summary>
    public static readonly InputFileFailure CatalogFailure = (file, line, message, inner) => new CatalogException(file, line, message, inner);

    public static T Read<T>(Stream stream, string file, JsonTypeInfo<T> info, InputFileFailure? fail = null)
        where T : class => Parse(ReadAll(stream, file, fail ?? CatalogFailure).AsSpan(), file, info, fail);

    public static T Parse<T>(ReadOnlySpan<byte> utf8, string file, JsonTypeInfo<T> info, InputFileFailure? fail = null)
        where T : class
    {
        fail ??= CatalogFailure;
        if (utf8.Length > MaxBytes)
        {
            throw fail(file, null, $"file is larger than the {MaxBytes} byte limit", null);
        }

        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..]; // a UTF-8 byte-order mark, as editors on Windows write
        }

        try
        {
            return JsonSerializer.Deserialize(utf8, info) ?? throw fail(file, 1, "the document is null", null);
        }
        catch (JsonException ex)
        {
            throw fail(file, (ex.LineNumber ?? 0) + 1, Describe(ex), ex);
        }
    }

    public static T ReadFile<T>(string path, JsonTypeInfo<T> info, InputFileFailure? fail = null)
        where T : class
    {
        return Parse(InputFile.ReadAllBytes(path, MaxBytes, fail ?? CatalogFailure).AsSpan(), path, info, fail);
    }

    /// <summary>Reads a stream and maps it; a mapping error without a line gets the line of the key it names.</summary>
    public static TResult Read<TDto, TResult>(Stream stream, string file, JsonTypeInfo<TDto> info, Func<TDto, TResult> map, InputFileFailure? fail = null)
        where TDto : class
    {
        var utf8 = ReadAll(stream, file, fail ?? CatalogFailure);
        return Parse(utf8, file, info, map, fail);
    }

    /// <summary>Reads a file and maps it; a mapping error without a line gets the line of the key it names.</summary>
    public static TResult ReadFile<TDto, TResult>(string path, JsonTypeInfo<TDto> info, Func<TDto, TResult> map, InputFileFailure? fail = null)
        where TDto : class
    {
        return Parse(InputFile.ReadAllBytes(path, MaxBytes, fail ?? CatalogFailure), path, info, map, fail);
    }

    /// <summary>Parses and maps; a mapping error without a line gets the line of the key it names.</summary>
    public static TResult Parse<TDto, TResult>(byte[] utf8, string file, JsonTypeInfo<TDto> info, Func<TDto, TResult> map, InputFileFailure? fail = null)
        where TDto : class
    {
        fail ??= CatalogFailure;
        var dto = Parse(utf8.AsSpan(), file, info, fail);
        try
        {
            return map(dto);
        }
        catch (InputFileException ex) when (ex.Line is null && JsonLines.Locate(utf8, ex) is long line)
        {
            throw fail(file, line, ex.Reason ?? ex.Message, ex.InnerException ?? ex);
        }
    }

    private static byte[] ReadAll(Stream stream, string file, InputFileFailure fail)
    {
        if (stream.CanSeek && stream.Length > MaxBytes)
        {
            throw fail(file, null, $"file is larger than the {MaxBytes} byte limit", null);
        }

        using var limited = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            limited.Write(buffer, 0, n);
            if (limited.Length > MaxBytes)
            {
                throw fail(file, null, $"file is larger than the {MaxBytes} byte limit", null);
            }
        }

        return limited.ToArray();
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var core = cut > 0 ? message[..cut] : message;
        return ex.Path is { Length: > 0 } path ? $"{core} (at {path})" : core;
    }
}
