namespace TokenCost.Contracts;

/// <summary>A dated rental price tier of one platform (<c>tokencost price-tiers</c>, <c>GET /v1/price-tiers</c>, and the <c>priceTiers</c> of a platform).</summary>
public sealed record PriceTierEntry
{
    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the tier's id (name@yyyy-MM).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the tier's name: hyperscaler, neocloud, rental_3yr or retail.</summary>
    public required string Tier { get; init; }

    /// <summary>Gets the month the price was observed, yyyy-MM.</summary>
    public required string AsOf { get; init; }

    /// <summary>Gets the rental price, in USD per device-hour.</summary>
    public required double UsdPerDeviceHour { get; init; }

    /// <summary>Gets the all-in power per device the price assumes, in kilowatts.</summary>
    public required double AllInKwPerDevice { get; init; }

    /// <summary>Gets what the all-in power counts: provisioned_utility or it_all_in.</summary>
    public required string PowerBasis { get; init; }

    /// <summary>Gets a value indicating whether the price is an estimate.</summary>
    public required bool Estimate { get; init; }

    /// <summary>Gets the source of the price.</summary>
    public required string Source { get; init; }
}
