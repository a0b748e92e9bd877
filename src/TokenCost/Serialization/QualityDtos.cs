using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenCost.Serialization;

// Wire shapes of the quality catalog (src/TokenCost/Data/quality.json, camelCase keys). Unknown and duplicate keys are
// rejected by the serializer options.

internal sealed class QualityFileDto
{
    public string? CatalogVersion { get; set; }
    public string? About { get; set; }
    public List<QualityResultDto>? Results { get; set; }
}

internal sealed class QualityResultDto
{
    public string? Id { get; set; }
    public string? Model { get; set; }
    public string? Method { get; set; }
    public string? Format { get; set; }
    public double Bits { get; set; }
    public int? GroupSize { get; set; }
    public string? Benchmark { get; set; }
    public double Value { get; set; }
    public double Baseline { get; set; }
    public string? Source { get; set; }
    public string? Table { get; set; }
    public string? Date { get; set; }
    public bool Estimate { get; set; }
    public string? Note { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    MaxDepth = 16,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(QualityFileDto))]
internal sealed partial class QualityJsonContext : JsonSerializerContext;
