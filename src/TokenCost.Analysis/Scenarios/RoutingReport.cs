using TokenCost.Quantities;

namespace TokenCost.Economics.Scenarios;

/// <summary>Hybrid on-device/cloud routing: device energy and cost per query, the smaller cloud fleet, blended cost and quality.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RoutingReport
{
    /// <summary>Gets the share of queries served on the device.</summary>
    public double OnDeviceShare { get; internal init; }

    /// <summary>Gets the on-device request latency (prefill + output tokens, batch 1).</summary>
    public TimeInterval DeviceRequestLatency { get; internal init; }

    /// <summary>Gets the device energy per query, or null when the device's power is unknown.</summary>
    public Energy? DeviceEnergyPerQuery { get; internal init; }

    /// <summary>Gets the electricity cost per query paid by the device owner, or null when the device's power is unknown.</summary>
    public Money? DeviceCostPerQuery { get; internal init; }

    /// <summary>Gets the cloud fleet for the remaining share of queries.</summary>
    public FleetCost CloudFleet { get; internal init; } = null!;

    /// <summary>Gets the blended cost per day: cloud fleet per day + on-device queries × device cost per query.</summary>
    public Money BlendedCostPerDay { get; internal init; }

    /// <summary>Gets the saving per day against serving every query in the cloud: all-cloud cost per day − blended cost per day (signed: negative when routing costs more).</summary>
    public MoneyDifference SavingsPerDay { get; internal init; }

    /// <summary>Gets the blended quality: share × device quality + (1 − share) × cloud quality, or null when either is unknown.</summary>
    public double? BlendedQuality { get; internal init; }
}
