using System.Text.Json.Serialization;

namespace TokenCost.Server.Contracts;

/// <summary>The body of <c>POST /v1/estimate</c>: the options of <c>tokencost estimate</c>, with the same defaults.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record EstimateRequest : DeploymentRequest;
