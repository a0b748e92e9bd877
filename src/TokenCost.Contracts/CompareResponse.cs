namespace TokenCost.Contracts;

/// <summary>One priced estimate per platform (<c>POST /v1/compare</c>).</summary>
public sealed record CompareResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the hardware id with the lowest cost per million output tokens among the rows that fit, or null.</summary>
    public required string? Cheapest { get; init; }

    /// <summary>Gets the rows, one per platform, in the order asked.</summary>
    public required IReadOnlyList<EstimateResponse> Rows { get; init; }

    /// <summary>Gets the platforms that could not be estimated or priced, each with the reason.</summary>
    public required IReadOnlyList<string> Skipped { get; init; }
}
