using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>What a cost component sees: the performance estimate, the data-centre parameters, and the hourly cost of the hardware and energy components (for serving overheads that scale with them).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record CostContext
{
    /// <summary>Gets the performance estimate.</summary>
    public PerformanceEstimate Estimate { get; internal init; } = null!;

    /// <summary>Gets the data-centre parameters.</summary>
    public DataCenterDefaults DataCenter { get; internal init; } = null!;

    /// <summary>Gets the summed hourly cost of the hardware and energy components (zero while those are evaluated; serving components are evaluated after them).</summary>
    public HourlyRate HardwareAndEnergyCostPerHour { get; internal init; }

    /// <summary>Gets the number of devices of the deployment.</summary>
    public int Devices => Estimate.Configuration.Devices;
}
