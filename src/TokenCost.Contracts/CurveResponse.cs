namespace TokenCost.Contracts;

/// <summary>The interactivity–throughput curve (<c>tokencost curve --format json</c>, <c>POST /v1/curve</c>).</summary>
public sealed record CurveResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the prompt tokens per request.</summary>
    public required int InputTokens { get; init; }

    /// <summary>Gets the output tokens per request.</summary>
    public required int OutputTokens { get; init; }

    /// <summary>Gets the load model, in words: closed loop (continuous batching).</summary>
    public required string Load { get; init; }

    /// <summary>Gets the price tier rented at, or null for the catalog's cloud price.</summary>
    public required string? PriceTier { get; init; }

    /// <summary>Gets how facility power is modelled, in words.</summary>
    public required string FacilityPower { get; init; }

    /// <summary>Gets what the two Pareto flags maximise and minimise, in words.</summary>
    public required string ParetoFront { get; init; }

    /// <summary>Gets the points, in sweep order (configuration, then rising concurrency), or only the Pareto front when asked.</summary>
    public required IReadOnlyList<CurvePointResponse> Points { get; init; }

    /// <summary>Gets the configurations left out, each with the reason.</summary>
    public required IReadOnlyList<string> Skipped { get; init; }
}
