namespace TokenCost.Server.Contracts;

/// <summary>The answer of <c>GET /healthz</c>.</summary>
internal sealed record HealthResponse
{
    /// <summary>Gets the status: "ok".</summary>
    public required string Status { get; init; }

    /// <summary>Gets the catalog version the service prices with.</summary>
    public required string CatalogVersion { get; init; }
}
