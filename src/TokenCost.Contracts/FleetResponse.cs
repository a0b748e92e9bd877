namespace TokenCost.Contracts;

/// <summary>A fleet sized for a scenario's traffic.</summary>
public sealed record FleetResponse
{
    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the accelerators of one deployment.</summary>
    public required int DevicesPerDeployment { get; init; }

    /// <summary>Gets the weight format id.</summary>
    public required string Weights { get; init; }

    /// <summary>Gets the sequences per replica.</summary>
    public required int Batch { get; init; }

    /// <summary>Gets what one deployment serves, in requests per second.</summary>
    public required double CapacityRequestsPerSecond { get; init; }

    /// <summary>Gets the deployments of the fleet.</summary>
    public required int Deployments { get; init; }

    /// <summary>Gets the accelerators of the fleet.</summary>
    public required int Devices { get; init; }

    /// <summary>Gets the fraction of the fleet's capacity the traffic uses, in [0, 1].</summary>
    public required double BusyFraction { get; init; }

    /// <summary>Gets the fleet's cost per day, in USD.</summary>
    public required double CostPerDayUsd { get; init; }

    /// <summary>Gets the fleet's cost per year, in USD.</summary>
    public required double CostPerYearUsd { get; init; }

    /// <summary>Gets the cost of one request, in USD, or null without traffic.</summary>
    public required double? CostPerRequestUsd { get; init; }

    /// <summary>Gets the cost of one million output tokens at full batches, in USD.</summary>
    public required double CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the facility energy per day, in kWh.</summary>
    public required double EnergyPerDayKwh { get; init; }

    /// <summary>Gets the facility energy per year, in kWh.</summary>
    public required double EnergyPerYearKwh { get; init; }

    /// <summary>Gets the operational emissions, in tonnes of CO2-equivalent per year.</summary>
    public required double OperationalTonnesCo2ePerYear { get; init; }

    /// <summary>Gets the embodied emissions of the hardware, in tonnes of CO2-equivalent per year.</summary>
    public required double EmbodiedTonnesCo2ePerYear { get; init; }
}
