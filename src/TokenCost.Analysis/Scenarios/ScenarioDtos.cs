using System.Text.Json.Serialization;

namespace TokenCost.Economics.Scenarios;

// Wire shapes of a scenario file (schema in docs/economics.md). Unknown and duplicate keys are rejected.

internal sealed class ScenarioFileDto
{
    public string? Name { get; set; }
    public DeploymentDto? Deployment { get; set; }
    public ScenarioWorkloadDto? Workload { get; set; }
    public double? TargetUtilization { get; set; }
    public DeploymentDto? Upgrade { get; set; }
    public RoutingDto? Routing { get; set; }
    public ApiDto? Api { get; set; }
}

internal sealed class DeploymentDto
{
    public string? Model { get; set; }
    public string? Hardware { get; set; }
    public int? Devices { get; set; }
    public int? TensorParallel { get; set; }
    public string? Weights { get; set; }
    public string? KvCache { get; set; }
    public string? Stack { get; set; }
    public int? Batch { get; set; }
    public double? PricePerHour { get; set; }
    public double? PurchasePricePerDevice { get; set; }
}

internal sealed class ScenarioWorkloadDto
{
    public int? InputTokens { get; set; }
    public int? OutputTokens { get; set; }
    public double? RequestsPerDay { get; set; }
    public double? CachedInputFraction { get; set; }
}

internal sealed class RoutingDto
{
    public double? OnDeviceShare { get; set; }
    public DeploymentDto? Device { get; set; }
    public double? DevicePowerW { get; set; }
    public double? DeviceElectricityUsdPerKwh { get; set; }
    public double? DeviceQuality { get; set; }
    public double? CloudQuality { get; set; }
}

internal sealed class ApiDto
{
    public string? Name { get; set; }
    public double? InputUsdPerMillion { get; set; }
    public double? OutputUsdPerMillion { get; set; }
    public double? CachedInputUsdPerMillion { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 16,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ScenarioFileDto))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
