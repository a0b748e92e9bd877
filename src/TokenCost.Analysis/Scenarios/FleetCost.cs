using TokenCost.Costs;
using TokenCost.Quantities;

namespace TokenCost.Economics.Scenarios;

/// <summary>The fleet a daily volume needs, its cost, energy and emissions.</summary>
/// <remarks>
/// This type is immutable and thread-safe. Fleet = ⌈requests per day ÷ (capacity per deployment × 86,400 s × target utilisation)⌉;
/// energy = deployments × 24 h × (busy share × facility power at work + idle share × facility power at idle);
/// operational tCO2e/yr = kWh/yr × grid intensity; embodied tCO2e/yr = devices × embodied kgCO2e per device ÷ depreciation years ÷ 1000.
/// </remarks>
public sealed record FleetCost
{
    /// <summary>Gets the priced estimate of one deployment.</summary>
    public TokenCostReport Report { get; internal init; } = null!;

    /// <summary>Gets the requests per second one deployment completes at full load: batch × replicas ÷ request latency.</summary>
    public double CapacityRequestsPerSecond { get; internal init; }

    /// <summary>Gets the number of deployments the volume needs at the target utilisation.</summary>
    public int Deployments { get; internal init; }

    /// <summary>Gets the total number of devices: deployments × devices per deployment.</summary>
    public int Devices => Deployments * Report.Estimate.Configuration.Devices;

    /// <summary>Gets the share of fleet time spent serving, in [0, 1].</summary>
    public double BusyFraction { get; internal init; }

    /// <summary>Gets the fleet's cost per day (deployments × cost per hour × 24).</summary>
    public Money CostPerDay { get; internal init; }

    /// <summary>Gets the fleet's cost per year (365 days).</summary>
    public Money CostPerYear => CostPerDay * 365;

    /// <summary>Gets the cost per request at the fleet's actual load, or null when there are no requests.</summary>
    public Money? CostPerRequest { get; internal init; }

    /// <summary>Gets the facility energy per day (accelerators × server overhead × PUE).</summary>
    public Energy EnergyPerDay { get; internal init; }

    /// <summary>Gets the operational emissions per year, in tonnes CO2e.</summary>
    public double OperationalTonnesCo2ePerYear { get; internal init; }

    /// <summary>Gets the embodied emissions of the devices amortised over their depreciation life, in tonnes CO2e per year.</summary>
    public double EmbodiedTonnesCo2ePerYear { get; internal init; }
}
