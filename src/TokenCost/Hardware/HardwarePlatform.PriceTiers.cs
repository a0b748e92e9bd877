namespace TokenCost.Hardware;

/// <content>Dated rental price tiers.</content>
public sealed partial record HardwarePlatform
{
    /// <summary>Gets the dated rental price tiers of this hardware, most recent first (empty when the tier table lists none).</summary>
    /// <value>The default value is an empty list; the catalog attaches the rows of its <c>price-tiers.json</c> by hardware id.</value>
    public IReadOnlyList<PriceTier> PriceTiers { get; init; } = [];

    /// <summary>Gets a price tier by name (the most recent tier of that name) or by dated id (<c>name@yyyy-MM</c>).</summary>
    /// <param name="name">A tier name such as <c>neocloud</c>, or a dated id such as <c>neocloud@2025-10</c>; compared ordinally, exactly as written.</param>
    /// <returns>The tier.</returns>
    /// <exception cref="ArgumentException">This hardware has no such tier; the message lists the tiers it has (or says it has none).</exception>
    public PriceTier GetPriceTier(string name) =>
        TryGetPriceTier(name, out var tier)
            ? tier
            : throw new ArgumentException($"hardware '{Id}' has no price tier '{name ?? "(null)"}'; tiers for {Id}: {DescribePriceTiers()}", nameof(name));

    /// <summary>Tries to get a price tier by name (the most recent of that name) or by dated id (<c>name@yyyy-MM</c>).</summary>
    /// <param name="name">The tier name or dated id.</param>
    /// <param name="tier">The tier, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetPriceTier(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PriceTier? tier)
    {
        tier = null;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var t in PriceTiers)
        {
            var matches = name.Contains('@', StringComparison.Ordinal)
                ? string.Equals(t.Id, name, StringComparison.Ordinal)
                : string.Equals(t.Name, name, StringComparison.Ordinal);
            if (matches && (tier is null || t.AsOf > tier.AsOf))
            {
                tier = t;
            }
        }

        return tier is not null;
    }

    /// <summary>Lists the tiers of this hardware for messages: dated ids, most recent first, or <c>none</c>.</summary>
    /// <returns>The comma-separated dated ids.</returns>
    public string DescribePriceTiers() =>
        PriceTiers.Count == 0 ? "none" : string.Join(", ", PriceTiers.OrderByDescending(t => t.AsOf).Select(t => t.Id));
}
