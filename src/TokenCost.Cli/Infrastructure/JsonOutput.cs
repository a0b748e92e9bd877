using System.Text.Json.Serialization.Metadata;
using TokenCost.Contracts;

namespace TokenCost.Cli.Infrastructure;

/// <summary>Prints the typed contracts of TokenCost.Contracts (docs/json.md) to standard output, through the one source-generated context.</summary>
public static class JsonOutput
{
    /// <summary>Gets the source-generated metadata of every contract.</summary>
    public static TokenCostJsonContext Contracts => TokenCostJsonContext.Default;

    /// <summary>Writes one contract value to standard output, followed by a line break.</summary>
    /// <typeparam name="T">The contract type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Its metadata (a property of <see cref="Contracts"/>).</param>
    /// <param name="indented">Whether to indent (false: one line).</param>
    public static void Write<T>(T value, JsonTypeInfo<T> typeInfo, bool indented = true) =>
        Console.Out.WriteLine(ContractJson.Serialize(value, typeInfo, indented));
}
