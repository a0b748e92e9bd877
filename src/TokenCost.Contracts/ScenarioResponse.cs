namespace TokenCost.Contracts;

/// <summary>A business scenario (<c>tokencost scenario --format json</c>).</summary>
public sealed record ScenarioResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the scenario's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the traffic, in requests per day.</summary>
    public required double RequestsPerDay { get; init; }

    /// <summary>Gets the prompt tokens per day.</summary>
    public required double InputTokensPerDay { get; init; }

    /// <summary>Gets the output tokens per day.</summary>
    public required double OutputTokensPerDay { get; init; }

    /// <summary>Gets the fleet serving the traffic.</summary>
    public required FleetResponse Fleet { get; init; }

    /// <summary>Gets the upgrade analysis, or null when the scenario has none.</summary>
    public required UpgradeResponse? Upgrade { get; init; }

    /// <summary>Gets the hybrid-routing analysis, or null.</summary>
    public required RoutingResponse? Routing { get; init; }

    /// <summary>Gets the API comparison, or null.</summary>
    public required ApiComparisonResponse? Api { get; init; }
}
