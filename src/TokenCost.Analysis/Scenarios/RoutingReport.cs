using TokenCost.Quantities;

namespace TokenCost.Economics.Scenarios;

/// <summary>Hybrid on-device/cloud routing: device energy and cost per query, the smaller cloud fleet, blended cost and quality.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RoutingReport
{
    /// <summary>Gets the share of queries served on the device.</summary>
    public required double OnDeviceShare { get; init; }

    /// <summary>Gets the on-device request latency (prefill + output tokens, batch 1).</summary>
    public required TimeInterval DeviceRequestLatency { get; init; }

    /// <summary>Gets the device energy per query, or null when the device's power is unknown.</summary>
    public required Energy? DeviceEnergyPerQuery { get; init; }

    /// <summary>Gets the electricity cost per query paid by the device owner, or null when the device's power is unknown.</summary>
    public required Money? DeviceCostPerQuery { get; init; }

    /// <summary>Gets the cloud fleet for the remaining share of queries.</summary>
    public required FleetCost CloudFleet { get; init; }

    /// <summary>Gets the blended cost per day: cloud fleet per day + on-device queries × device cost per query.</summary>
    public required Money BlendedCostPerDay { get; init; }

    /// <summary>Gets the saving per day against serving every query in the cloud, in USD (signed).</summary>
    public required double SavingsPerDayUsd { get; init; }

    /// <summary>Gets the blended quality: share × device quality + (1 − share) × cloud quality, or null when either is unknown.</summary>
    public required double? BlendedQuality { get; init; }
}
