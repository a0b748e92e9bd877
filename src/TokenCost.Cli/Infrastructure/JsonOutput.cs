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
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
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
    public static void WriteConfiguration(this Utf8JsonWriter writer, DeploymentConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(configuration);
        writer.WriteString("model", configuration.Model.Id);
        writer.WriteString("hardware", configuration.Hardware.Id);
        writer.WriteNumber("devices", configuration.Devices);
        writer.WriteNumber("tensorParallel", configuration.TensorParallel);
        writer.WriteNumber("pipelineParallel", configuration.PipelineParallel);
        writer.WriteString("weights", configuration.Weights.Id);
        writer.WriteString("expertWeights", configuration.EffectiveExpertWeights.Id);
        writer.WriteString("activations", configuration.Activations.Id);
        writer.WriteString("kvCache", configuration.KvCache.Id);
        writer.WriteString("stack", configuration.Stack.Id);
    }
}
