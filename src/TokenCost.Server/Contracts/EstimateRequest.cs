using System.Text.Json.Serialization;

namespace TokenCost.Server.Contracts;

/// <summary>The body of <c>POST /v1/estimate</c>: the options of <c>tokencost estimate</c>, with the same defaults.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record EstimateRequest : DeploymentRequest
{
    /// <summary>Gets how requests reach the deployment (<c>--load</c>, <c>--concurrency</c>, <c>--rate</c>), or null for the static load.</summary>
    public LoadRequest? Load { get; set; }
}
