using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>A user-defined cost per device-hour (for example a software licence per GPU) in a category of your choice.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record PerDeviceCost : ICostComponent
{
    /// <summary>Initializes a new instance of the <see cref="PerDeviceCost"/> class.</summary>
    /// <param name="name">The name shown in breakdowns.</param>
    /// <param name="category">The category it adds to.</param>
    /// <param name="ratePerDevice">The cost per device-hour.</param>
    public PerDeviceCost(string name, CostCategory category, HourlyRate ratePerDevice)
    {
        Name = Guard.NotEmpty(name);
        Category = category;
        RatePerDevice = ratePerDevice;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public CostCategory Category { get; }

    /// <summary>Gets the cost per device-hour.</summary>
    public HourlyRate RatePerDevice { get; }

    /// <inheritdoc/>
    public HourlyRate GetHourlyCost(CostContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RatePerDevice * context.Devices;
    }
}
