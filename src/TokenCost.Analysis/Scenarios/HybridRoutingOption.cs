using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Economics.Scenarios;

/// <summary>Hybrid routing: a share of queries answered on the user's device by a small model, the rest by the cloud deployment.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record HybridRoutingOption
{
    private readonly double _share;
    private readonly double? _deviceQuality;
    private readonly double? _cloudQuality;

    /// <summary>Gets the share of queries served on the device, in [0, 1].</summary>
    public required double OnDeviceShare { get => _share; init => _share = Guard.Fraction(value, nameof(OnDeviceShare)); }

    /// <summary>Gets the on-device deployment (a small model on a phone or laptop; batch 1).</summary>
    public required DeploymentConfiguration Device { get; init; }

    /// <summary>Gets the device's power while generating, or null to use the estimator's power model (needs a TDP in the catalog).</summary>
    public Power? DevicePower { get; init; }

    /// <summary>Gets the electricity price the device owner pays.</summary>
    /// <value>The default value is 0.15 USD/kWh.</value>
    public EnergyPrice DeviceElectricityPrice { get; init; } = EnergyPrice.FromUsdPerKilowattHour(0.15);

    /// <summary>Gets the on-device model's quality score in [0, 1] (for example a benchmark accuracy), or null when unknown.</summary>
    public double? DeviceQuality { get => _deviceQuality; init => _deviceQuality = value is double q ? Guard.Fraction(q, nameof(DeviceQuality)) : null; }

    /// <summary>Gets the cloud model's quality score in [0, 1], or null when unknown.</summary>
    public double? CloudQuality { get => _cloudQuality; init => _cloudQuality = value is double q ? Guard.Fraction(q, nameof(CloudQuality)) : null; }
}
