using TokenCost.Hardware;
using TokenCost.Serialization;

namespace TokenCost.Catalogs;

/// <content>Dated rental price tiers (embedded <c>price-tiers.json</c>), attached to the hardware they price.</content>
public sealed partial class Catalog
{
    private const string PriceTierFile = "price-tiers.json";

    /// <summary>Gets every dated rental price tier of every platform, in catalog hardware order, most recent first per platform.</summary>
    /// <remarks>Each tier is also on its platform (<see cref="HardwarePlatform.PriceTiers"/>). The catalog's own cloud price
    /// (<see cref="HardwarePlatform.CloudPricePerDeviceHour"/>) stays the default price; a tier is used only when asked for.</remarks>
    public IReadOnlyList<PriceTier> PriceTiers => Hardware.SelectMany(h => h.PriceTiers).ToList();

    private static Catalog WithPriceTiers(PriceTierFileDto file, Catalog catalog)
    {
        var ids = catalog.Hardware.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var byHardware = PriceTierMapper.ToPriceTiers(file, PriceTierFile, ids).ToLookup(t => t.HardwareId, StringComparer.Ordinal);
        var hardware = catalog.Hardware
            .Select(h => byHardware.Contains(h.Id) ? h with { PriceTiers = byHardware[h.Id].OrderByDescending(t => t.AsOf).ToList() } : h)
            .ToList();
        return new Catalog(catalog.Version, hardware, catalog.Models, catalog.Formats, catalog.Stacks, catalog.Profiles, catalog.DataCenter);
    }

    // A user's hardware entry that replaces a built-in one keeps the built-in price tiers (the override schema has none).
    private HardwarePlatform KeepPriceTiers(HardwarePlatform replacement) =>
        replacement.PriceTiers.Count == 0 && TryGetHardware(replacement.Id, out var existing) && existing.PriceTiers.Count > 0
            ? replacement with { PriceTiers = existing.PriceTiers }
            : replacement;
}
