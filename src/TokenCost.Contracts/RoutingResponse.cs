namespace TokenCost.Contracts;

/// <summary>Hybrid routing: a share of the requests served on the user's device, the rest in the cloud.</summary>
public sealed record RoutingResponse
{
    /// <summary>Gets the share of requests served on device, in [0, 1].</summary>
    public required double OnDeviceShare { get; init; }

    /// <summary>Gets one request's latency on the device, in milliseconds.</summary>
    public required double DeviceRequestLatencyMs { get; init; }

    /// <summary>Gets the device's energy per request, in watt-hours, or null without a TDP.</summary>
    public required double? DeviceEnergyPerQueryWh { get; init; }

    /// <summary>Gets the device's energy cost per request, in USD, or null.</summary>
    public required double? DeviceCostPerQueryUsd { get; init; }

    /// <summary>Gets the cloud fleet for the remaining requests.</summary>
    public required FleetResponse CloudFleet { get; init; }

    /// <summary>Gets the blended cost per day, in USD.</summary>
    public required double BlendedCostPerDayUsd { get; init; }

    /// <summary>Gets the savings per day against serving everything in the cloud (negative: routing costs more), in USD.</summary>
    public required double SavingsPerDayUsd { get; init; }

    /// <summary>Gets the blended quality score in [0, 1], or null.</summary>
    public required double? BlendedQuality { get; init; }
}
