namespace TokenCost.Server.Contracts;

/// <summary>A dated rental price tier of one platform, with the properties of <c>tokencost platforms --json</c>'s <c>priceTiers</c>.</summary>
internal sealed record PriceTierEntry
{
    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the tier id: name@yyyy-MM.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the tier name (hyperscaler, neocloud, rental_3yr, retail).</summary>
    public required string Tier { get; init; }

    /// <summary>Gets the month the price was observed, yyyy-MM.</summary>
    public required string AsOf { get; init; }

    /// <summary>Gets the rental price, in USD per device-hour.</summary>
    public required double UsdPerDeviceHour { get; init; }

    /// <summary>Gets the all-in power per device the source provisions, in kW.</summary>
    public required double AllInKwPerDevice { get; init; }

    /// <summary>Gets the basis of that power: provisioned_utility or it_all_in.</summary>
    public required string PowerBasis { get; init; }

    /// <summary>Gets a value indicating whether the price is an estimate.</summary>
    public required bool Estimate { get; init; }

    /// <summary>Gets the source.</summary>
    public required string Source { get; init; }
}
