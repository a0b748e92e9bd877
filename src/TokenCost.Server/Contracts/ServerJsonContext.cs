using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace TokenCost.Server.Contracts;

/// <summary>
/// The source-generated JSON contracts of the service's requests (the answers are TokenCost.Contracts', shared with the CLI): camelCase names,
/// strict numbers (no strings, no NaN), a nesting limit, and unknown request properties refused.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict, MaxDepth = RequestLimits.MaxJsonDepth, ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(EstimateRequest))]
[JsonSerializable(typeof(LoadRequest))]
[JsonSerializable(typeof(FrontierRequest))]
[JsonSerializable(typeof(CompareRequest))]
[JsonSerializable(typeof(OptimizeRequest))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(CurveRequest))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
