namespace TokenCost.Contracts;

/// <summary>The speed–cost frontier under continuous batching (<c>tokencost frontier --concurrency … --format json</c>).</summary>
public sealed record LoadFrontierResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the axes the points are non-dominated on: latency-cost (output tokens per second per user × cost per million output tokens) or throughput (per hardware: per-user speed × output tokens per second per device).</summary>
    public required string Axes { get; init; }

    /// <summary>Gets the operating points evaluated.</summary>
    public required int Evaluated { get; init; }

    /// <summary>Gets the points shown: non-dominated and meeting the limits, or all meeting the limits when asked.</summary>
    public required IReadOnlyList<CurvePointResponse> Points { get; init; }

    /// <summary>Gets the configurations left out, each with the reason.</summary>
    public required IReadOnlyList<string> Skipped { get; init; }
}
