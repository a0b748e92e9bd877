namespace TokenCost.Contracts;

/// <summary>The audit of one claim (<c>tokencost audit --format json</c> prints an array of them).</summary>
public sealed record ClaimAuditResponse
{
    /// <summary>Gets the claim's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the claim's kind (throughput, latency, token_cost, fit, …).</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the metric the claim states.</summary>
    public required string Metric { get; init; }

    /// <summary>Gets the verdict: consistent, optimistic, infeasible, inconsistent or unverifiable.</summary>
    public required string Verdict { get; init; }

    /// <summary>Gets the claimed value in the metric's unit, or null for a yes/no claim.</summary>
    public required double? Claimed { get; init; }

    /// <summary>Gets the claimed answer of a yes/no claim (a fit claim), or null.</summary>
    public required bool? ClaimedFlag { get; init; }

    /// <summary>Gets the modelled value in the metric's unit, or null.</summary>
    public required double? Modeled { get; init; }

    /// <summary>Gets the modelled answer of a yes/no claim, or null.</summary>
    public required bool? ModeledFlag { get; init; }

    /// <summary>Gets the deciding bound.</summary>
    public required AuditBoundResponse Bound { get; init; }

    /// <summary>Gets what the audit assumed where the claim is silent.</summary>
    public required IReadOnlyList<string> Assumptions { get; init; }

    /// <summary>Gets the explanation, in words.</summary>
    public required string Explanation { get; init; }
}
