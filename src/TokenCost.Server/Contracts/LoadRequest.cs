using System.Text.Json.Serialization;

namespace TokenCost.Server.Contracts;

/// <summary>
/// How requests reach the deployment, as <c>tokencost estimate --load KIND --concurrency N --rate R</c> takes it: static (one batch of
/// <c>batch</c> sequences runs to completion; the default), closed (<see cref="Concurrency"/> clients), offline (all requests at once) or
/// poisson (<see cref="RequestsPerSecond"/> arrivals). Concurrency and rate are for the whole deployment; the estimator splits them over replicas.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record LoadRequest
{
    /// <summary>Gets how requests arrive: static, closed, offline or poisson.</summary>
    public string Kind { get; set; } = "static";

    /// <summary>Gets the closed-loop clients of the whole deployment, 1 to 1,000,000 (only with kind closed, where it is required).</summary>
    public int? Concurrency { get; set; }

    /// <summary>Gets the Poisson arrival rate of the whole deployment in requests per second, &gt; 0 (only with kind poisson, where it is required).</summary>
    public double? RequestsPerSecond { get; set; }
}
