using TokenCost.Internal;

namespace TokenCost.Quantities;

// Cross-quantity operators that encode physics.
public readonly partial record struct HourlyRate
{
    /// <summary>Gets the money spent at this rate during a time.</summary>
    /// <param name="rate">The hourly rate.</param>
    /// <param name="time">The time.</param>
    /// <returns>The amount.</returns>
    public static Money operator *(HourlyRate rate, TimeInterval time) => Money.FromUsd(Guard.Result(rate.UsdPerHour * time.Hours));
}
