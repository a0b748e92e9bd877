using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>Hardware rented by the accelerator-hour: price per device-hour × devices.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record RentalHardwareCost : ICostComponent
{
    /// <summary>Gets the price per device-hour, or null to use the catalog's cloud price of the hardware.</summary>
    public HourlyRate? PricePerDeviceHour { get; init; }

    /// <inheritdoc/>
    public string Name => "hardware (rental)";

    /// <inheritdoc/>
    public CostCategory Category => CostCategory.Hardware;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">No price is given and the catalog lists no cloud price for the hardware.</exception>
    public HourlyRate GetHourlyCost(CostContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hw = context.Estimate.Configuration.Hardware;
        var price = PricePerDeviceHour ?? hw.CloudPricePerHour
            ?? throw new ArgumentException($"hardware '{hw.Id}' has no catalog cloud price; give a price per device-hour (--price-per-hour) or a purchase price (--capex).", nameof(context));
        return price * context.Devices;
    }
}
