namespace TokenCost.Contracts;

/// <summary>A batching policy's capacity and behaviour under load.</summary>
public sealed record BatchingPolicyResponse
{
    /// <summary>Gets the policy: static or continuous.</summary>
    public required string Policy { get; init; }

    /// <summary>Gets the sequences the policy runs at once per replica.</summary>
    public required int Slots { get; init; }

    /// <summary>Gets the largest sustainable arrival rate, in requests per second.</summary>
    public required double CapacityRequestsPerSecond { get; init; }

    /// <summary>Gets the largest arrival rate meeting the p90 limits, in requests per second, or null when no limits were given.</summary>
    public required double? MaxRequestsPerSecondMeetingSlo { get; init; }

    /// <summary>Gets the arrival rates analysed.</summary>
    public required IReadOnlyList<QueueingPointResponse> Points { get; init; }
}
