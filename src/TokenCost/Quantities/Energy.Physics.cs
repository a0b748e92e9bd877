using TokenCost.Internal;

namespace TokenCost.Quantities;

// Cross-quantity operators that encode physics.
public readonly partial record struct Energy
{
    /// <summary>Gets the average power that delivers this energy in a time.</summary>
    /// <param name="energy">The energy.</param>
    /// <param name="time">The time; greater than zero.</param>
    /// <returns>The average power.</returns>
    public static Power operator /(Energy energy, TimeInterval time) =>
        Power.FromWatts(Guard.Result(energy.Joules / Guard.PositiveFinite(time.Seconds, nameof(time))));

    /// <summary>Gets the cost of this energy at an electricity price.</summary>
    /// <param name="energy">The energy.</param>
    /// <param name="price">The price per kilowatt-hour.</param>
    /// <returns>The cost.</returns>
    public static Money operator *(Energy energy, EnergyPrice price) => Money.FromUsd(Guard.Result(energy.KilowattHours * price.UsdPerKilowattHour));
}
