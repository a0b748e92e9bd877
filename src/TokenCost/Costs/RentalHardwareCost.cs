using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>Hardware rented by the accelerator-hour: price per device-hour × devices.</summary>
/// <remarks>
/// This type is immutable and thread-safe. The price per device-hour is, in order: <see cref="PricePerDeviceHour"/> when set,
/// else the hardware's <see cref="Hardware.PriceTier"/> named by <see cref="PriceTierName"/> when set, else the catalog's cloud price.
/// A tier changes only the rental price: energy stays with <see cref="EnergyCost"/> (the data-centre model), see docs/costs.md.
/// </remarks>
public sealed record RentalHardwareCost : ICostComponent
{
    /// <summary>Gets the price per device-hour, or null to use the catalog's cloud price of the hardware.</summary>
    public HourlyRate? PricePerDeviceHour { get; init; }

    /// <summary>Gets the price tier to rent at (a tier name such as <c>neocloud</c> for its most recent date, or a dated id such as <c>neocloud@2025-10</c>), or null for the catalog's cloud price. Ignored when <see cref="PricePerDeviceHour"/> is set.</summary>
    public string? PriceTierName { get; init; }

    /// <inheritdoc/>
    public string Name => "hardware (rental)";

    /// <inheritdoc/>
    public CostCategory Category => CostCategory.Hardware;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">No price is given and the catalog lists no cloud price for the hardware, or a <see cref="PriceTierName"/> is given and the hardware has no such tier (the message lists its tiers).</exception>
    public HourlyRate GetHourlyCost(CostContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hw = context.Estimate.Configuration.Hardware;
        var price = PricePerDeviceHour
            ?? (PriceTierName is { } tier ? hw.GetPriceTier(tier).PricePerDeviceHour : hw.CloudPricePerDeviceHour)
            ?? throw new ArgumentException($"hardware '{hw.Id}' has no catalog cloud price; give a price per device-hour (--price-per-hour) or a purchase price (--capex).", nameof(context));
        return price * context.Devices;
    }
}
