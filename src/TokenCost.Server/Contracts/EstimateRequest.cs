using System.Text.Json.Serialization;

namespace TokenCost.Server.Contracts;

/// <summary>The body of <c>POST /v1/estimate</c>: the options of <c>tokencost estimate</c>, with the same defaults.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record EstimateRequest : DeploymentRequest
{
    /// <summary>Gets how requests reach the deployment (<c>--load</c>, <c>--concurrency</c>, <c>--rate</c>), or null for the static load.</summary>
    public LoadRequest? Load { get; set; }

    /// <summary>
    /// Gets a disaggregated prefill/decode deployment in the case-tag notation, prefill pool first (<c>WxGg[TPt][EPe][DP]+WxGg[TPt][EPe][DP]</c>,
    /// as <c>--disagg</c> takes it, for example <c>1x8gTP8EP8DP+2x8gTP8EP8</c>), or null. It replaces devices, tensorParallel and
    /// pipelineParallel, and needs load.kind closed or offline.
    /// </summary>
    public string? Disagg { get; set; }
}
