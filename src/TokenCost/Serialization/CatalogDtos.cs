using System.Text.Json.Serialization;

namespace TokenCost.Serialization;

// Wire shapes of the catalog files (src/TokenCost/Data/*.json and users' override files).
// Each mirrors a file exactly; unknown keys are rejected by the serializer options.

internal sealed class HardwareFileDto
{
    public string? CatalogVersion { get; set; }
    public string? Retrieved { get; set; }
    public string? BuiltFrom { get; set; }
    public string? BuiltBy { get; set; }
    public List<HardwareDto>? Hardware { get; set; }
}

internal sealed class HardwareDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Vendor { get; set; }
    public int Year { get; set; }
    public string? MemoryType { get; set; }
    public double? MemoryGb { get; set; }
    public double? BandwidthTbps { get; set; }
    public double? SramMb { get; set; }
    public double? Fp32Tflops { get; set; }
    public double? Tf32Tflops { get; set; }
    public double? Bf16Tflops { get; set; }
    public double? Fp8Tflops { get; set; }
    public double? Int8Tops { get; set; }
    public double? Fp4Tflops { get; set; }
    public double? Int4Tops { get; set; }
    public string? DenseOrSparseNote { get; set; }
    public double? TdpW { get; set; }
    public string? Interconnect { get; set; }
    public double? InterconnectGbps { get; set; }

    public int? ScaleUpDomainDevices { get; set; }

    public double? ScaleOutGbitsPerDevice { get; set; }

    public string? NetworkSources { get; set; }
    public double? PurchaseUsd { get; set; }
    public double? CloudUsdPerHour { get; set; }
    public string? PriceDate { get; set; }
    public string? Sources { get; set; }
    public string? Notes { get; set; }
    public bool Estimate { get; set; }
    public List<string>? EstimateNotes { get; set; }
}

internal sealed class ModelFileDto
{
    public string? CatalogVersion { get; set; }
    public string? Retrieved { get; set; }
    public string? BuiltFrom { get; set; }
    public string? BuiltBy { get; set; }
    public List<ModelDto>? Models { get; set; }
}

internal sealed class ModelDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public double ParamsB { get; set; }
    public int Layers { get; set; }
    public int Hidden { get; set; }
    public double Heads { get; set; }
    public double KvHeads { get; set; }
    public int HeadDim { get; set; }
    public double Intermediate { get; set; }
    public int Vocab { get; set; }
    public int Experts { get; set; }
    public int ExpertsPerToken { get; set; }
    public int SharedExperts { get; set; }
    public int MoeIntermediate { get; set; }
    public bool TiedEmbeddings { get; set; }
    public int MaxContext { get; set; }
    public string? Attention { get; set; }
    public string? Ffn { get; set; }
    public double? ActiveParamsB { get; set; }
    public int FirstDenseLayers { get; set; }
    public int QLoraRank { get; set; }
    public int KvLoraRank { get; set; }
    public int QkRopeHeadDim { get; set; }
    public int VHeadDim { get; set; }
    public int SlidingWindow { get; set; }
    public int SlidingWindowLayers { get; set; }
    public int MtpLayers { get; set; }
    public string? Source { get; set; }
    public bool Estimate { get; set; }
}

internal sealed class FormatFileDto
{
    public string? CatalogVersion { get; set; }
    public string? Retrieved { get; set; }
    public string? BuiltFrom { get; set; }
    public List<FormatDto>? Formats { get; set; }
}

internal sealed class FormatDto
{
    public string? Id { get; set; }
    public string? Description { get; set; }
    public double BaseBytesPerElement { get; set; }
    public double ScaleBytesPerGroup { get; set; }
    public int? GroupSize { get; set; }
    public string? ComputePrecision { get; set; }
    public bool WeightOnly { get; set; }
    public double EmbeddingBytesPerElement { get; set; }
    public string? Source { get; set; }
}

internal sealed class StackFileDto
{
    public string? CatalogVersion { get; set; }
    public string? Retrieved { get; set; }
    public string? BuiltFrom { get; set; }
    public List<StackDto>? Stacks { get; set; }
}

internal sealed class StackDto
{
    public string? Id { get; set; }
    public string? Description { get; set; }
    public string? Source { get; set; }
}

internal sealed class SourcedValueDto
{
    public double Value { get; set; }
    public string? Source { get; set; }
}

internal sealed class DataCenterFileDto
{
    public string? CatalogVersion { get; set; }
    public string? Retrieved { get; set; }
    public string? BuiltFrom { get; set; }
    public SourcedValueDto? ElectricityUsdPerKwh { get; set; }
    public SourcedValueDto? PowerUsageEffectiveness { get; set; }
    public SourcedValueDto? ServerPowerOverhead { get; set; }
    public SourcedValueDto? DepreciationYears { get; set; }
    public SourcedValueDto? GridCarbonGramsPerKwh { get; set; }
    public SourcedValueDto? EmbodiedKgCo2ePerDevice { get; set; }
    public SourcedValueDto? ServingOverheadFraction { get; set; }
    public SourcedValueDto? ServingFixedUsdPerHour { get; set; }
}

/// <summary>A user's override file: any subset of the catalog sections; entries replace built-in ones with the same id.</summary>
internal sealed class OverrideFileDto
{
    public string? CatalogVersion { get; set; }
    public List<HardwareDto>? Hardware { get; set; }
    public List<ModelDto>? Models { get; set; }
    public List<FormatDto>? Formats { get; set; }
    public List<StackDto>? Stacks { get; set; }
}

internal sealed class ProfileDto
{
    public double? BandwidthEfficiency { get; set; }
    public double? ComputeEfficiency { get; set; }
    public double? AttentionEfficiency { get; set; }
    public double? AttentionHalfSaturation { get; set; }
    public double? KvReadEfficiency { get; set; }
    public double? LayerOverheadMicroseconds { get; set; }
    public double? StepOverheadMilliseconds { get; set; }
    public double? SequenceOverheadMicroseconds { get; set; }
    public double? CollectiveLatencyMicroseconds { get; set; }
    public double? InterconnectEfficiency { get; set; }
    public double? KvCacheMemoryFraction { get; set; }
    public double? MemoryReserveGigabytes { get; set; }
    public int? MaxBatch { get; set; }
    public double? IterationOverheadMilliseconds { get; set; }
    public double? StreamingSequenceOverheadMicroseconds { get; set; }
    public double? MoeLayerOverheadMicroseconds { get; set; }
    public double? SynchronizedArrivalFraction { get; set; }
    public int? MaxBatchedTokens { get; set; }
    public string? KvAdmission { get; set; }
    public Dictionary<string, double>? WeightFormatEfficiency { get; set; }
    public Dictionary<string, double>? ComputeFormatEfficiency { get; set; }
}

internal sealed class PowerDto
{
    public double IdleFraction { get; set; }
    public double MemoryFraction { get; set; }
    public double ComputeFraction { get; set; }
}

internal sealed class ProfilesFileDto
{
    public string? Provenance { get; set; }
    public ProfileDto? Defaults { get; set; }
    public Dictionary<string, ProfileDto>? Stacks { get; set; }
    public Dictionary<string, double>? HardwareBandwidthFactors { get; set; }
    public PowerDto? Power { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    WriteIndented = true,
    MaxDepth = 16,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(HardwareFileDto))]
[JsonSerializable(typeof(ModelFileDto))]
[JsonSerializable(typeof(FormatFileDto))]
[JsonSerializable(typeof(StackFileDto))]
[JsonSerializable(typeof(DataCenterFileDto))]
[JsonSerializable(typeof(OverrideFileDto))]
[JsonSerializable(typeof(ProfilesFileDto))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
