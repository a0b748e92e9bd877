using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TokenCost.Estimation;

namespace TokenCost.Cli.Infrastructure;

/// <summary>Writes JSON to standard output with invariant, round-trippable numbers.</summary>
public static class JsonOutput
{
    /// <summary>Writes one JSON value built by <paramref name="write"/> to standard output.</summary>
    /// <param name="write">Writes the value.</param>
    /// <param name="indented">Whether to indent.</param>
    public static void Write(Action<Utf8JsonWriter> write, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(write);
        Console.Out.WriteLine(ToString(write, indented));
    }

    /// <summary>Builds one JSON value as a string.</summary>
    /// <param name="write">Writes the value.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string ToString(Action<Utf8JsonWriter> write, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(WithoutNegativeZero(stream.ToArray(), options));
    }

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

    /// <summary>Writes a number property, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void NumberOrNull(this Utf8JsonWriter writer, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is double v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a deployment's identifying properties (model, hardware, layout, formats, stack), as every estimating command reports them.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="configuration">The deployment.</param>
    /// <param name="devices">The devices of the whole deployment when it has more than the configuration's (a disaggregated deployment's both pools), or null.</param>
    public static void WriteConfiguration(this Utf8JsonWriter writer, DeploymentConfiguration configuration, int? devices = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(configuration);
        writer.WriteString("model", configuration.Model.Id);
        writer.WriteString("hardware", configuration.Hardware.Id);
        writer.WriteNumber("devices", devices ?? configuration.Devices);
        writer.WriteNumber("tensorParallel", configuration.TensorParallel);
        writer.WriteNumber("pipelineParallel", configuration.PipelineParallel);
        writer.WriteString("weights", configuration.Weights.Id);
        writer.WriteString("expertWeights", configuration.EffectiveExpertWeights.Id);
        writer.WriteString("activations", configuration.Activations.Id);
        writer.WriteString("kvCache", configuration.KvCache.Id);
        writer.WriteString("stack", configuration.Stack.Id);
    }

    /// <summary>Writes whether the estimate fits in memory and its warnings (a configuration that does not fit is flagged wherever it is priced).</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="estimate">The estimate.</param>
    public static void WriteFitAndWarnings(this Utf8JsonWriter writer, PerformanceEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(estimate);
        writer.WriteBoolean("fits", estimate.Memory.Fits);
        writer.WriteStartArray("warnings");
        foreach (var warning in estimate.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
    }
}
