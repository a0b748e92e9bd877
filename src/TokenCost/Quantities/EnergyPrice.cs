using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// An electricity price in US dollars per kilowatt-hour.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct EnergyPrice : IComparable<EnergyPrice>, IFormattable
{
    private EnergyPrice(double usdPerKilowattHour) => UsdPerKilowattHour = usdPerKilowattHour;

    /// <summary>Gets the zero value.</summary>
    public static EnergyPrice Zero => default;

    /// <summary>Gets the value in US dollars per kilowatt-hour.</summary>
    public double UsdPerKilowattHour { get; }

    /// <summary>Creates a value from US dollars per kilowatt-hour.</summary>
    /// <param name="usdPerKilowattHour">The value in US dollars per kilowatt-hour; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="usdPerKilowattHour"/> is NaN, infinite or negative.</exception>
    public static EnergyPrice FromUsdPerKilowattHour(double usdPerKilowattHour) => new(Guard.NonNegativeFinite(usdPerKilowattHour, nameof(usdPerKilowattHour)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static EnergyPrice operator +(EnergyPrice left, EnergyPrice right) => new(Guard.Result(left.UsdPerKilowattHour + right.UsdPerKilowattHour));

    /// <summary>Subtracts a value, saturating at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference, or zero when <paramref name="right"/> is larger.</returns>
    public static EnergyPrice operator -(EnergyPrice left, EnergyPrice right) => new(Math.Max(0.0, left.UsdPerKilowattHour - right.UsdPerKilowattHour));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static EnergyPrice operator *(EnergyPrice value, double factor) => new(Guard.Result(value.UsdPerKilowattHour * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static EnergyPrice operator *(double factor, EnergyPrice value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static EnergyPrice operator /(EnergyPrice value, double divisor) => new(Guard.Result(value.UsdPerKilowattHour / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(EnergyPrice left, EnergyPrice right) => Guard.Result(left.UsdPerKilowattHour / Guard.PositiveFinite(right.UsdPerKilowattHour, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(EnergyPrice left, EnergyPrice right) => left.UsdPerKilowattHour < right.UsdPerKilowattHour;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(EnergyPrice left, EnergyPrice right) => left.UsdPerKilowattHour > right.UsdPerKilowattHour;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(EnergyPrice left, EnergyPrice right) => left.UsdPerKilowattHour <= right.UsdPerKilowattHour;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(EnergyPrice left, EnergyPrice right) => left.UsdPerKilowattHour >= right.UsdPerKilowattHour;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static EnergyPrice Max(EnergyPrice left, EnergyPrice right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static EnergyPrice Min(EnergyPrice left, EnergyPrice right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(EnergyPrice other) => UsdPerKilowattHour.CompareTo(other.UsdPerKilowattHour);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>1.5 USD/kWh</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = UsdPerKilowattHour switch
        {
            _ => (1.0, "USD/kWh"),
        };
        return QuantityFormat.Format(UsdPerKilowattHour / divisor, unit, format, formatProvider);
    }
}
