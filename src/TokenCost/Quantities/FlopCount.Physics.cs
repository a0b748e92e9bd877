using TokenCost.Internal;

namespace TokenCost.Quantities;

// Cross-quantity operators that encode physics.
public readonly partial record struct FlopCount
{
    /// <summary>Gets the time needed to perform these operations at a rate.</summary>
    /// <param name="count">The operations.</param>
    /// <param name="rate">The rate; greater than zero.</param>
    /// <returns>The compute time.</returns>
    public static TimeInterval operator /(FlopCount count, FlopRate rate) =>
        TimeInterval.FromSeconds(Guard.Result(count.Flops / Guard.PositiveFinite(rate.FlopsPerSecond, nameof(rate))));

    /// <summary>Gets the rate at which these operations complete in a time.</summary>
    /// <param name="count">The operations.</param>
    /// <param name="time">The time; greater than zero.</param>
    /// <returns>The achieved rate.</returns>
    public static FlopRate operator /(FlopCount count, TimeInterval time) =>
        FlopRate.FromFlopsPerSecond(Guard.Result(count.Flops / Guard.PositiveFinite(time.Seconds, nameof(time))));
}
