using System.Globalization;
using TokenCost.Quantities;

namespace TokenCost.Hardware;

/// <summary>
/// One dated rental price tier of one accelerator (hyperscaler, neocloud, rental or retail), with the all-in power per device the same
/// source pairs it with. Built from <c>shared/data/gpu_prices.csv</c> (the InferenceX TCO tables) into the embedded <c>price-tiers.json</c>.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. A tier name can appear at several dates for one hardware; <see cref="Id"/>
/// (<c>name@yyyy-MM</c>) tells them apart, and <see cref="HardwarePlatform.GetPriceTier(string)"/> resolves a bare name to the most recent.
/// </remarks>
public sealed record PriceTier
{
    /// <summary>Gets the hardware id, exactly as written in the source table (for example <c>nvidia_h100_sxm</c>).</summary>
    public required string HardwareId { get; init; }

    /// <summary>Gets the tier name, exactly as written in the source table (for example <c>hyperscaler</c>, <c>neocloud</c>, <c>rental_3yr</c>, <c>retail</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the first day of the month the price was stated for (the source gives month precision).</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Gets the dated id, <c>name@yyyy-MM</c> (for example <c>neocloud@2026-07</c>), unique per hardware.</summary>
    public string Id => Name + "@" + AsOf.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Gets the rental price of one device for one hour.</summary>
    public required HourlyRate PricePerDeviceHour { get; init; }

    /// <summary>Gets the all-in power of one device as the source states it (see <see cref="PowerBasis"/> for what it includes).</summary>
    public required Power AllInPowerPerDevice { get; init; }

    /// <summary>Gets what <see cref="AllInPowerPerDevice"/> includes.</summary>
    public required AllInPowerBasis PowerBasis { get; init; }

    /// <summary>Gets the source of the row (repository, file, commit and what it reproduces).</summary>
    public required string Source { get; init; }

    /// <summary>Gets a value indicating whether the source flags the numbers as an estimate.</summary>
    public bool IsEstimate { get; init; }
}
