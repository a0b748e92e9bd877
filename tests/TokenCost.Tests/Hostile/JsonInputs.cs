using System.Text;
using System.Text.Json.Nodes;
using TokenCost.Catalogs;

namespace TokenCost.Tests.Hostile;

/// <summary>Valid JSON documents to break: an override file built from embedded entries, and the shipped profiles.</summary>
public static class JsonInputs
{
    public static string Resource(string name)
    {
        using var stream = typeof(Catalog).Assembly.GetManifestResourceStream("TokenCost.Data." + name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static JsonNode First(string file, string section, string id) =>
        JsonNode.Parse(Resource(file))![section]!.AsArray().First(n => (string?)n!["id"] == id)!.DeepClone();

    /// <summary>An override file with one entry of each section, indented one key per line.</summary>
    public static string OverrideFile() => new JsonObject
    {
        ["catalogVersion"] = "test",
        ["hardware"] = new JsonArray(First("hardware.json", "hardware", "nvidia_h100_sxm")),
        ["models"] = new JsonArray(First("models.json", "models", "mixtral-8x7b")),
        ["formats"] = new JsonArray(First("formats.json", "formats", "int4")),
        ["stacks"] = new JsonArray(First("stacks.json", "stacks", "vllm")),
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    public static string Profiles() => Resource("profiles.json");

    public static Catalog Override(string json) =>
        Catalog.Default.WithOverrides(new MemoryStream(Encoding.UTF8.GetBytes(json)), "override.json");

    /// <summary>The 1-based line of the first occurrence of a text.</summary>
    public static int LineOf(string json, string text) => json[..json.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
