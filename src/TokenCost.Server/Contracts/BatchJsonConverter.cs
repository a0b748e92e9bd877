using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenCost.Server.Contracts;

/// <summary>Reads a batch as an integer, or the string "auto" (or JSON null) for as many sequences as memory allows.</summary>
internal sealed class BatchJsonConverter : JsonConverter<int?>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt32(out var batch) => batch,
        JsonTokenType.String when reader.ValueTextEquals("auto"u8) => null,
        _ => throw new JsonException("batch must be an integer ≥ 1 or \"auto\"."),
    };

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is int batch)
        {
            writer.WriteNumberValue(batch);
        }
        else
        {
            writer.WriteStringValue("auto");
        }
    }
}
