using System.Text.Json;
using System.Text.Json.Serialization;

namespace TokenCost.Contracts;

/// <summary>
/// The one source-generated serializer context of TokenCost's JSON: every command of the CLI prints through it and the pricing service answers
/// through it. camelCase names, numbers as JSON numbers (never strings, never NaN or infinity), nulls written (a key is always present).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(EstimateResponse))]
[JsonSerializable(typeof(CompareResponse))]
[JsonSerializable(typeof(CurveResponse))]
[JsonSerializable(typeof(FrontierResponse))]
[JsonSerializable(typeof(LoadFrontierResponse))]
[JsonSerializable(typeof(OptimizeResponse))]
[JsonSerializable(typeof(LoadOptimizeResponse))]
[JsonSerializable(typeof(IReadOnlyList<HardwareEntry>))]
[JsonSerializable(typeof(IReadOnlyList<PriceTierEntry>))]
[JsonSerializable(typeof(IReadOnlyList<ModelEntry>))]
[JsonSerializable(typeof(ModelEntry))]
[JsonSerializable(typeof(IReadOnlyList<FormatEntry>))]
[JsonSerializable(typeof(IReadOnlyList<StackEntry>))]
[JsonSerializable(typeof(SweepRow))]
[JsonSerializable(typeof(SweepTimingResponse))]
[JsonSerializable(typeof(LoadAnalysisResponse))]
[JsonSerializable(typeof(SpeculativeResponse))]
[JsonSerializable(typeof(UncertaintyResponse))]
[JsonSerializable(typeof(ScenarioResponse))]
[JsonSerializable(typeof(IReadOnlyList<ClaimAuditResponse>))]
[JsonSerializable(typeof(CasePredictionLine))]
[JsonSerializable(typeof(ValidationResponse))]
[JsonSerializable(typeof(CalibrationResponse))]
public sealed partial class TokenCostJsonContext : JsonSerializerContext;
