using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TokenCost.Contracts;

/// <summary>
/// Serializes contracts as the CLI prints them: through the source-generated <see cref="TokenCostJsonContext"/>, invariant and round-trippable
/// numbers, never NaN or infinity (the serializer refuses them; optional numbers that are not finite are mapped to null), and no −0.
/// </summary>
public static class ContractJson
{
    /// <summary>Serializes one contract value to JSON text.</summary>
    /// <typeparam name="T">The contract type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Its source-generated metadata (a property of <see cref="TokenCostJsonContext.Default"/>).</param>
    /// <param name="indented">Whether to indent (false: one line, as JSON Lines need).</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo, bool indented = true) =>
        Encoding.UTF8.GetString(SerializeToUtf8Bytes(value, typeInfo, indented));

    /// <summary>Serializes one contract value to UTF-8 JSON, sanitised as <see cref="Serialize{T}"/> sanitises it.</summary>
    /// <typeparam name="T">The contract type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Its source-generated metadata.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The UTF-8 bytes.</returns>
    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonTypeInfo<T> typeInfo, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var options = WriterOptions(indented);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return WithoutNegativeZero(stream.ToArray(), options);
    }

    /// <summary>Gets the writer options of the CLI's JSON: relaxed escaping (ids and messages stay readable), optionally indented.</summary>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The options.</returns>
    public static JsonWriterOptions WriterOptions(bool indented) => new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Rewrites every number that is −0 (written "-0", "-0.0", "-0E+00") as 0: the JSON half of the number sanitiser.</summary>
    /// <param name="utf8">A JSON document.</param>
    /// <param name="options">The writer options to keep.</param>
    /// <returns>The document, unchanged unless it held a −0.</returns>
    public static byte[] WithoutNegativeZero(byte[] utf8, JsonWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        if (utf8.AsSpan().IndexOf("-0"u8) < 0)
        {
            return utf8;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        using var stream = new MemoryStream(utf8.Length);
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.Number when reader.ValueSpan.Length > 0 && reader.ValueSpan[0] == (byte)'-' && reader.TryGetDouble(out var d) && d == 0:
                        writer.WriteNumberValue(0);
                        break;
                    case JsonTokenType.PropertyName:
                        writer.WritePropertyName(reader.GetString()!);
                        break;
                    case JsonTokenType.String:
                        writer.WriteStringValue(reader.GetString());
                        break;
                    case JsonTokenType.StartObject:
                        writer.WriteStartObject();
                        break;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteStartArray();
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        break;
                    default:
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        break;
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Maps a number that may be NaN or infinite to null (the contracts never carry either).</summary>
    /// <param name="value">The number, or null.</param>
    /// <returns>The number when finite, else null.</returns>
    public static double? Finite(double? value) => value is double v && double.IsFinite(v) ? v : null;
}
