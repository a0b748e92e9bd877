using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>Serving overhead: a fixed cost per hour plus a fraction of the hardware and energy cost (software, operations, over-provisioning).</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ServingOverheadCost : ICostComponent
{
    private readonly double? _fraction;

    /// <summary>Gets the fixed cost per hour of the deployment, or null to use the data-centre default.</summary>
    public HourlyRate? FixedCostPerHour { get; init; }

    /// <summary>Gets the overhead as a fraction of hardware + energy cost, or null to use the data-centre default.</summary>
    public double? Fraction { get => _fraction; init => _fraction = value is double f ? Guard.NonNegativeFinite(f, nameof(Fraction)) : null; }

    /// <inheritdoc/>
    public string Name => "serving overhead";

    /// <inheritdoc/>
    public CostCategory Category => CostCategory.Serving;

    /// <inheritdoc/>
    public HourlyRate GetHourlyCost(CostContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (FixedCostPerHour ?? context.DataCenter.ServingFixedCostPerHour)
            + (context.HardwareAndEnergyCostPerHour * (Fraction ?? context.DataCenter.ServingOverheadFraction));
    }
}
