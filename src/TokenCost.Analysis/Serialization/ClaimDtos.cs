using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenCost.Serialization;

// Wire shapes of a claims file (shared/seed/claims.json format, snake_case keys). Unknown and duplicate keys are rejected
// by the serializer options.

internal sealed class ClaimFileDto
{
    public string? About { get; set; }
    public Dictionary<string, string>? Verdicts { get; set; }
    public List<ClaimDto>? Claims { get; set; }
}

internal sealed class ClaimDto
{
    public string? Id { get; set; }
    public string? Quote { get; set; }
    public string? Kind { get; set; }
    public string? Metric { get; set; }
    public JsonElement Claimed { get; set; }
    public string? Model { get; set; }
    public string? Hardware { get; set; }
    public string? BaselineHardware { get; set; }
    public int? Devices { get; set; }
    public string? Weights { get; set; }
    public string? WeightsFrom { get; set; }
    public string? WeightsTo { get; set; }
    public int? Batch { get; set; }
    public double? TokensPerDay { get; set; }
    public double? UsdPerMillionTokens { get; set; }
    public double? UsdPerMillionTokensFrom { get; set; }
    public double? UsdPerMillionTokensTo { get; set; }
    public double? BaselineUsdPerMillionTokens { get; set; }
    public int? Instances { get; set; }
    public double? FromValue { get; set; }
    public int? FromYear { get; set; }
    public double? ToValue { get; set; }
    public int? ToYear { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    MaxDepth = 16,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ClaimFileDto))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
