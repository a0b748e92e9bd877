using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TokenCost.Catalogs;

namespace TokenCost.Serialization;

/// <summary>Reads JSON files strictly (size and depth limits, no unknown or duplicate keys) and reports errors with file and line.</summary>
internal static class JsonFiles
{
    /// <summary>The largest JSON file accepted: 16 MB.</summary>
    public const long MaxBytes = 16_000_000;

    public static T Read<T>(Stream stream, string file, JsonTypeInfo<T> info)
        where T : class
    {
        if (stream.CanSeek && stream.Length > MaxBytes)
        {
            throw new CatalogException(file, null, $"file is larger than the {MaxBytes} byte limit");
        }

        using var limited = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            limited.Write(buffer, 0, n);
            if (limited.Length > MaxBytes)
            {
                throw new CatalogException(file, null, $"file is larger than the {MaxBytes} byte limit");
            }
        }

        return Parse(limited.GetBuffer().AsSpan(0, (int)limited.Length), file, info);
    }

    public static T Parse<T>(ReadOnlySpan<byte> utf8, string file, JsonTypeInfo<T> info)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, info) ?? throw new CatalogException(file, 1, "the document is null");
        }
        catch (JsonException ex)
        {
            throw new CatalogException(file, (ex.LineNumber ?? 0) + 1, Describe(ex), ex);
        }
    }

    public static T ReadFile<T>(string path, JsonTypeInfo<T> info)
        where T : class
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path, info);
        }
        catch (IOException ex)
        {
            throw new CatalogException(path, null, "cannot read the file: " + ex.Message, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CatalogException(path, null, "cannot read the file: " + ex.Message, ex);
        }
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var core = cut > 0 ? message[..cut] : message;
        return ex.Path is { Length: > 0 } path ? $"{core} (at {path})" : core;
    }
}
