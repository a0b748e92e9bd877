using TokenCost.Internal;

namespace TokenCost.Quantities;

// Cross-quantity operators that encode physics.
public readonly partial record struct Money
{
    /// <summary>Gets the amount as a decimal, for pricing tools that keep money in decimal.</summary>
    /// <returns>The amount in US dollars.</returns>
    public decimal ToDecimal() => (decimal)Usd;

    /// <summary>Gets the average hourly rate that spends this amount in a time.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="time">The time; greater than zero.</param>
    /// <returns>The hourly rate.</returns>
    public static HourlyRate operator /(Money money, TimeInterval time) =>
        HourlyRate.FromUsdPerHour(Guard.Result(money.Usd / Guard.PositiveFinite(time.Hours, nameof(time))));
}
