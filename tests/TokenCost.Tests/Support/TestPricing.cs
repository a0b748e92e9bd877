using TokenCost.Catalogs;
using TokenCost.Pricing;

namespace TokenCost.Tests;

/// <summary>The tests' composition root: pricing contexts over the embedded catalog (tests may read <see cref="Catalog.Default"/>; the library may not).</summary>
internal static class TestPricing
{
    /// <summary>Gets the context of the embedded catalog with the default cost model.</summary>
    public static PricingContext Default { get; } = PricingContext.Create(Catalog.Default);

    /// <summary>Gets the embedded catalog with the ideal, round-number profiles (see <see cref="Support.TestCatalog.IdealProfiles"/>).</summary>
    public static PricingContext Ideal { get; } = Default.WithProfiles(Support.TestCatalog.IdealProfiles);
}
