using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>
/// Electricity: average accelerator power (between idle and TDP by the estimate's utilization) × devices
/// × server power overhead × PUE × electricity price.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Hardware without a TDP contributes zero (the estimate carries a warning).</remarks>
public sealed record EnergyCost : ICostComponent
{
    /// <summary>Gets the electricity price, or null to use the data-centre default.</summary>
    public EnergyPrice? Price { get; init; }

    /// <inheritdoc/>
    public string Name => "energy";

    /// <inheritdoc/>
    public CostCategory Category => CostCategory.Energy;

    /// <summary>Gets the facility power drawn by the deployment: accelerator power × devices × server overhead × PUE.</summary>
    /// <param name="context">The cost context.</param>
    /// <returns>The facility power (zero when the hardware lists no TDP).</returns>
    public static Power FacilityPower(CostContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var perDevice = context.Estimate.AveragePowerPerDevice ?? Power.Zero;
        return perDevice * (context.Devices * context.DataCenter.ServerPowerOverhead * context.DataCenter.PowerUsageEffectiveness);
    }

    /// <inheritdoc/>
    public HourlyRate GetHourlyCost(CostContext context) => FacilityPower(context) * (Price ?? context!.DataCenter.ElectricityPrice);
}
