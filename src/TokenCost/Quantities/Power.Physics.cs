using TokenCost.Internal;

namespace TokenCost.Quantities;

// Cross-quantity operators that encode physics.
public readonly partial record struct Power
{
    /// <summary>Gets the energy drawn at this power during a time.</summary>
    /// <param name="power">The power.</param>
    /// <param name="time">The time.</param>
    /// <returns>The energy.</returns>
    public static Energy operator *(Power power, TimeInterval time) => Energy.FromJoules(Guard.Result(power.Watts * time.Seconds));

    /// <summary>Gets the hourly cost of drawing this power continuously at an electricity price.</summary>
    /// <param name="power">The power.</param>
    /// <param name="price">The electricity price.</param>
    /// <returns>The hourly cost.</returns>
    public static HourlyRate operator *(Power power, EnergyPrice price) => HourlyRate.FromUsdPerHour(Guard.Result(power.Kilowatts * price.UsdPerKilowattHour));
}
