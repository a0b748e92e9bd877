namespace TokenCost.Economics.Scenarios;

/// <summary>The answers to a scenario: the fleet's daily and yearly cost, energy and emissions, and the optional comparisons.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ScenarioReport
{
    /// <summary>Gets the scenario.</summary>
    public ServingScenario Scenario { get; internal init; } = null!;

    /// <summary>Gets the current fleet.</summary>
    public FleetCost Fleet { get; internal init; } = null!;

    /// <summary>Gets the upgrade analysis, or null when the scenario has none.</summary>
    public UpgradeReport? Upgrade { get; internal init; }

    /// <summary>Gets the hybrid routing analysis, or null when the scenario has none.</summary>
    public RoutingReport? Routing { get; internal init; }

    /// <summary>Gets the API comparison, or null when the scenario has none.</summary>
    public ApiComparison? Api { get; internal init; }
}
