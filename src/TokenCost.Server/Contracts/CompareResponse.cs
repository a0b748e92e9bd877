namespace TokenCost.Server.Contracts;

/// <summary>The answer of <c>POST /v1/compare</c>: one priced estimate per platform, in the order asked.</summary>
internal sealed record CompareResponse
{
    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the hardware id with the lowest cost per million output tokens among the rows that fit, or null.</summary>
    public required string? Cheapest { get; init; }

    /// <summary>Gets the rows, one per platform.</summary>
    public required IReadOnlyList<EstimateResponse> Rows { get; init; }

    /// <summary>Gets the platforms that could not be estimated or priced, with the reason.</summary>
    public required IReadOnlyList<string> Skipped { get; init; }
}
