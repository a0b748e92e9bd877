using System.Text.Json.Serialization;

namespace TokenCost.Server.Contracts;

/// <summary>The body of <c>POST /v1/frontier</c>: a deployment (its batch is ignored) and what else to sweep, as <c>tokencost frontier</c> takes them.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record FrontierRequest : DeploymentRequest
{
    /// <summary>Gets further weight format ids to sweep, or null for the deployment's weights only.</summary>
    public IReadOnlyList<string>? SweepWeights { get; set; }

    /// <summary>Gets device counts to sweep (each one tensor-parallel replica), or null for the deployment's layout only.</summary>
    public IReadOnlyList<int>? SweepDevices { get; set; }

    /// <summary>Gets the axes: "latency-cost" (TPOT vs $/1M output) or "throughput" (per-user tok/s vs tok/s per device).</summary>
    public string Axes { get; set; } = "latency-cost";

    /// <summary>Gets a value indicating whether dominated points are included.</summary>
    public bool All { get; set; }
}
