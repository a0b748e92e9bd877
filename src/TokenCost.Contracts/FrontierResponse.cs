namespace TokenCost.Contracts;

/// <summary>The latency–cost frontier of a static-batch sweep (<c>tokencost frontier --format json</c>, <c>POST /v1/frontier</c>).</summary>
public sealed record FrontierResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the axes the points are non-dominated on: latency-cost or throughput.</summary>
    public required string Axes { get; init; }

    /// <summary>Gets the fitting points evaluated.</summary>
    public required int Evaluated { get; init; }

    /// <summary>Gets the points shown: non-dominated (by rising latency and falling cost), or all when asked.</summary>
    public required IReadOnlyList<FrontierPointResponse> Points { get; init; }
}
