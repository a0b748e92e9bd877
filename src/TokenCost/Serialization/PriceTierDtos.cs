using System.Text.Json.Serialization;

namespace TokenCost.Serialization;

// Wire shape of src/TokenCost/Data/price-tiers.json (built by tools/import_price_tiers.py from shared/data/gpu_prices.csv).

internal sealed class PriceTierFileDto
{
    public string? CatalogVersion { get; set; }
    public string? Retrieved { get; set; }
    public string? BuiltFrom { get; set; }
    public string? BuiltBy { get; set; }
    public Dictionary<string, string>? PowerBases { get; set; }
    public List<PriceTierDto>? PriceTiers { get; set; }
}

internal sealed class PriceTierDto
{
    public string? Hardware { get; set; }
    public string? Tier { get; set; }
    public double? UsdPerDeviceHour { get; set; }
    public double? AllInKwPerDevice { get; set; }
    public string? PowerBasis { get; set; }
    public string? AsOf { get; set; }
    public string? Source { get; set; }
    public bool Estimate { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 16,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PriceTierFileDto))]
internal sealed partial class PriceTierJsonContext : JsonSerializerContext;
