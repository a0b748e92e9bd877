using System.Text.Json;

namespace TokenCost.Serialization;

/// <summary>
/// Finds the line of a key that a mapping error names, so that semantic errors (a negative bandwidth, an unknown attention kind)
/// report file and line like syntax errors do.
/// </summary>
internal static class JsonLines
{
    private const string EntryKey = "TokenCost.Entry";
    private const string PropertyKey = "TokenCost.Key";

    /// <summary>Records which entry (by its "id") and key an error is about.</summary>
    public static void Tag(InputFileException ex, string? entryId, string key)
    {
        ex.Data[EntryKey] = entryId;
        ex.Data[PropertyKey] = key;
    }

    /// <summary>Gets the 1-based line of the key an error names, or null when it cannot be found.</summary>
    public static long? Locate(byte[] utf8, InputFileException ex)
    {
        try
        {
            if (ex.Data[PropertyKey] is string key)
            {
                return Find(utf8, ex.Data[EntryKey] as string, key, null);
            }

            // A profile value rejected by its property setter: the parameter name in camel case and the rejected value.
            if (ex.InnerException is ArgumentOutOfRangeException { ParamName: { Length: > 0 } name, ActualValue: double value })
            {
                return Find(utf8, null, char.ToLowerInvariant(name[0]) + name[1..], value);
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long? Find(byte[] utf8, string? entryId, string key, double? value)
    {
        var start = utf8.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var reader = new Utf8JsonReader(utf8.AsSpan(start), new JsonReaderOptions { MaxDepth = 64 });
        var objects = new Stack<(string? Id, long? KeyLine)>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push((null, null));
                    break;
                case JsonTokenType.EndObject:
                    var done = objects.Pop();
                    if (done.KeyLine is long line && (entryId is null || done.Id == entryId))
                    {
                        return line;
                    }

                    break;
                case JsonTokenType.PropertyName when objects.Count > 0:
                    var name = reader.GetString();
                    var at = reader.TokenStartIndex + start;
                    if (name == "id")
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            var top = objects.Pop();
                            objects.Push((reader.GetString(), top.KeyLine));
                        }
                    }
                    else if (name is not null && name.StartsWith(key, StringComparison.Ordinal))
                    {
                        if (value is double v)
                        {
                            reader.Read();
                            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var d) || !d.Equals(v))
                            {
                                break;
                            }
                        }

                        var top = objects.Pop();
                        objects.Push((top.Id, top.KeyLine ?? LineAt(utf8, at)));
                    }

                    break;
            }
        }

        return null;
    }

    private static long LineAt(byte[] utf8, long offset) => utf8.AsSpan(0, (int)offset).Count((byte)'\n') + 1;
}
