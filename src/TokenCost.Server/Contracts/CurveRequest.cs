using System.Text.Json.Serialization;

namespace TokenCost.Server.Contracts;

/// <summary>
/// The body of <c>POST /v1/curve</c>: a deployment (its batch is ignored) swept over closed-loop concurrency under continuous batching,
/// optionally over hardware, tensor-parallel degrees and weight formats, as <c>tokencost curve</c> takes them.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record CurveRequest : DeploymentRequest
{
    /// <summary>Gets the closed-loop concurrencies (users served at once by the deployment), or null for 4, 8, 16, 32, 64, 128.</summary>
    public IReadOnlyList<int>? Concurrency { get; set; }

    /// <summary>Gets hardware ids to sweep, or null for the deployment's hardware.</summary>
    public IReadOnlyList<string>? SweepHardware { get; set; }

    /// <summary>Gets tensor-parallel degrees to sweep (each one replica on that many devices), or null for the deployment's layout.</summary>
    public IReadOnlyList<int>? SweepDevices { get; set; }

    /// <summary>Gets weight format ids to sweep, or null for the deployment's weights.</summary>
    public IReadOnlyList<string>? SweepWeights { get; set; }

    /// <summary>Gets the shortest request as a fraction of the nominal lengths, in (0, 1], or null for 1.</summary>
    public double? RandomRangeRatio { get; set; }

    /// <summary>Gets the MoE serving layouts tried for each deployment, as <c>tokencost curve --layout-search</c>: "all" (EP, DP-attention and disaggregated pools), "replica" or "none"; null for "all".</summary>
    public string? LayoutSearch { get; set; }

    /// <summary>Gets a value indicating whether only points on their hardware's Pareto front are returned.</summary>
    public bool Front { get; set; }
}
