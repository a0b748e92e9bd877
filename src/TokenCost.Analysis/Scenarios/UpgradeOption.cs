using TokenCost.Estimation;
using TokenCost.Quantities;

namespace TokenCost.Economics.Scenarios;

/// <summary>A replacement deployment for the same traffic: the fleet-savings and payback question.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record UpgradeOption
{
    /// <summary>Gets the new deployment (one replica group; the fleet is as many copies as the traffic needs).</summary>
    public required DeploymentConfiguration Deployment { get; init; }

    /// <summary>Gets the batch per replica, or null for as many as fit.</summary>
    public int? Batch { get; init; }

    /// <summary>Gets the rental price per device-hour, or null for the catalog's cloud price.</summary>
    public HourlyRate? PricePerDeviceHour { get; init; }

    /// <summary>Gets the purchase price per device when buying the new hardware (enables payback), or null to compare rentals only.</summary>
    public Money? PurchasePricePerDevice { get; init; }
}
