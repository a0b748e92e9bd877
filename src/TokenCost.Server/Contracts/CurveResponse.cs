namespace TokenCost.Server.Contracts;

/// <summary>The answer of <c>POST /v1/curve</c>, as <c>tokencost curve --json</c> prints it.</summary>
internal sealed record CurveResponse
{
    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the prompt tokens per request.</summary>
    public required int InputTokens { get; init; }

    /// <summary>Gets the output tokens per request.</summary>
    public required int OutputTokens { get; init; }

    /// <summary>Gets the load model: closed loop (continuous batching).</summary>
    public required string Load { get; init; }

    /// <summary>Gets the price tier rented at, or null.</summary>
    public required string? PriceTier { get; init; }

    /// <summary>Gets the points, in sweep order (configuration, then rising concurrency).</summary>
    public required IReadOnlyList<CurvePointResponse> Points { get; init; }

    /// <summary>Gets the configurations left out, with the reason.</summary>
    public required IReadOnlyList<string> Skipped { get; init; }
}
