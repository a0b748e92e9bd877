using System.Globalization;
using TokenCost.Catalogs;
using TokenCost.Hardware;
using TokenCost.Quantities;

namespace TokenCost.Serialization;

/// <summary>Maps <c>price-tiers.json</c> rows to <see cref="PriceTier"/> values, naming the file, row and key of every error.</summary>
internal static class PriceTierMapper
{
    public static IReadOnlyList<PriceTier> ToPriceTiers(PriceTierFileDto file, string name, IReadOnlySet<string> hardwareIds)
    {
        var tiers = new List<PriceTier>();
        var seen = new HashSet<(string, string)>();
        foreach (var (dto, index) in (file.PriceTiers ?? []).Select((d, i) => (d, i)))
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"priceTiers[{index}]");
            var hardware = Required(dto.Hardware, name, where, "hardware");
            if (!hardwareIds.Contains(hardware))
            {
                throw Fail(name, where, "hardware", $"names hardware '{hardware}', which is not in the catalog");
            }

            var tier = new PriceTier
            {
                HardwareId = hardware,
                Name = Required(dto.Tier, name, where, "tier"),
                AsOf = ParseMonth(Required(dto.AsOf, name, where, "asOf"), name, where),
                PricePerDeviceHour = HourlyRate.FromUsdPerHour(Positive(dto.UsdPerDeviceHour, name, where, "usdPerDeviceHour")),
                AllInPowerPerDevice = Power.FromKilowatts(Positive(dto.AllInKwPerDevice, name, where, "allInKwPerDevice")),
                PowerBasis = Required(dto.PowerBasis, name, where, "powerBasis") switch
                {
                    "provisioned_utility" => AllInPowerBasis.ProvisionedUtility,
                    "it_all_in" => AllInPowerBasis.ItAllIn,
                    var other => throw Fail(name, where, "powerBasis", $"must be 'provisioned_utility' or 'it_all_in'; got '{other}'"),
                },
                Source = Required(dto.Source, name, where, "source"),
                IsEstimate = dto.Estimate,
            };
            if (tier.Name.Contains('@', StringComparison.Ordinal) || !seen.Add((hardware, tier.Id)))
            {
                throw Fail(name, where, "tier", $"'{tier.Id}' of '{hardware}' is duplicated or contains '@'");
            }

            tiers.Add(tier);
        }

        return tiers;
    }

    private static DateOnly ParseMonth(string text, string file, string where) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw Fail(file, where, "asOf", $"must be a month 'yyyy-MM'; got '{text}'");

    private static string Required(string? value, string file, string where, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw Fail(file, where, key, "is missing or empty") : value;

    private static double Positive(double? value, string file, string where, string key) =>
        value is double v && double.IsFinite(v) && v > 0
            ? v
            : throw Fail(file, where, key, "must be a finite number > 0; got " + (value?.ToString("R", CultureInfo.InvariantCulture) ?? "null"));

    private static CatalogException Fail(string file, string where, string key, string what) => new(file, null, $"{where}: '{key}' {what}");
}
