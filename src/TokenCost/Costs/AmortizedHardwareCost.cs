using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>
/// Purchased hardware amortised straight-line: price × server multiplier × (1 + annual cost of capital × years ÷ 2)
/// ÷ (years × 8,760 h × utilization), per device.
/// </summary>
/// <remarks>This type is immutable and thread-safe. The cost of capital uses the average outstanding balance of straight-line depreciation (half the price).</remarks>
public sealed record AmortizedHardwareCost : ICostComponent
{
    private readonly double? _years;
    private readonly double _utilization = 1;
    private readonly double _costOfCapital;
    private readonly double _serverMultiplier = 1;

    /// <summary>Gets the purchase price per device, or null to use the catalog's purchase price.</summary>
    public Money? PurchasePricePerDevice { get; init; }

    /// <summary>Gets the depreciation life in years, or null to use the data-centre default.</summary>
    public double? DepreciationYears { get => _years; init => _years = value is double y ? Guard.PositiveFinite(y, nameof(DepreciationYears)) : null; }

    /// <summary>Gets the fraction of hours the hardware does paid work, in (0, 1].</summary>
    /// <value>The default value is 1.</value>
    public double Utilization { get => _utilization; init => _utilization = Guard.PositiveFraction(value, nameof(Utilization)); }

    /// <summary>Gets the annual cost of capital as a fraction (0.08 = 8 % per year).</summary>
    /// <value>The default value is 0.</value>
    public double AnnualCostOfCapital { get => _costOfCapital; init => _costOfCapital = Guard.NonNegativeFinite(value, nameof(AnnualCostOfCapital)); }

    /// <summary>Gets the multiplier from accelerator price to its share of the server (1.64 on average per Epoch AI's price database), ≥ 1.</summary>
    /// <value>The default value is 1 (the accelerator price alone).</value>
    public double ServerCostMultiplier { get => _serverMultiplier; init => _serverMultiplier = Guard.PositiveFinite(value, nameof(ServerCostMultiplier)); }

    /// <inheritdoc/>
    public string Name => "hardware (amortised purchase)";

    /// <inheritdoc/>
    public CostCategory Category => CostCategory.Hardware;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">No price is given and the catalog lists no purchase price for the hardware.</exception>
    public HourlyRate GetHourlyCost(CostContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hw = context.Estimate.Configuration.Hardware;
        var price = PurchasePricePerDevice ?? hw.PurchasePrice
            ?? throw new ArgumentException($"hardware '{hw.Id}' has no catalog purchase price; give one (--capex) or a rental price (--price-per-hour).", nameof(context));
        var years = DepreciationYears ?? context.DataCenter.DepreciationYears;
        var financed = price * ServerCostMultiplier * (1 + (AnnualCostOfCapital * years / 2));
        return financed / TimeInterval.FromHours(years * 8760 * Utilization) * context.Devices;
    }
}
