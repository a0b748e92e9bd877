using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// A cost rate in US dollars per hour (for example a GPU rental price per GPU-hour).
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct HourlyRate : IComparable<HourlyRate>, IFormattable
{
    private HourlyRate(double usdPerHour) => UsdPerHour = usdPerHour;

    /// <summary>Gets the zero value.</summary>
    public static HourlyRate Zero => default;

    /// <summary>Gets the value in US dollars per hour.</summary>
    public double UsdPerHour { get; }

    /// <summary>Creates a value from US dollars per hour.</summary>
    /// <param name="usdPerHour">The value in US dollars per hour; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="usdPerHour"/> is NaN, infinite or negative.</exception>
    public static HourlyRate FromUsdPerHour(double usdPerHour) => new(Guard.NonNegativeFinite(usdPerHour, nameof(usdPerHour)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static HourlyRate operator +(HourlyRate left, HourlyRate right) => new(Guard.Result(left.UsdPerHour + right.UsdPerHour));

    /// <summary>Subtracts a smaller or equal rate; a rate is never negative, so a larger <paramref name="right"/> is refused rather than saturated at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract; at most <paramref name="left"/>.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="right"/> is larger than <paramref name="left"/> (compare the hourly costs as <see cref="MoneyDifference"/> over an hour instead).</exception>
    public static HourlyRate operator -(HourlyRate left, HourlyRate right) => right.UsdPerHour <= left.UsdPerHour
        ? new(left.UsdPerHour - right.UsdPerHour)
        : throw new ArgumentOutOfRangeException(nameof(right), right.UsdPerHour, string.Create(CultureInfo.InvariantCulture, $"right must not exceed left ({left.UsdPerHour} USD/h); got {right.UsdPerHour} USD/h: an hourly rate is never negative."));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static HourlyRate operator *(HourlyRate value, double factor) => new(Guard.Result(value.UsdPerHour * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static HourlyRate operator *(double factor, HourlyRate value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static HourlyRate operator /(HourlyRate value, double divisor) => new(Guard.Result(value.UsdPerHour / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(HourlyRate left, HourlyRate right) => Guard.Result(left.UsdPerHour / Guard.PositiveFinite(right.UsdPerHour, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(HourlyRate left, HourlyRate right) => left.UsdPerHour < right.UsdPerHour;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(HourlyRate left, HourlyRate right) => left.UsdPerHour > right.UsdPerHour;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(HourlyRate left, HourlyRate right) => left.UsdPerHour <= right.UsdPerHour;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(HourlyRate left, HourlyRate right) => left.UsdPerHour >= right.UsdPerHour;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static HourlyRate Max(HourlyRate left, HourlyRate right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static HourlyRate Min(HourlyRate left, HourlyRate right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(HourlyRate other) => UsdPerHour.CompareTo(other.UsdPerHour);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>1.5 USD/h</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = UsdPerHour switch
        {
            _ => (1.0, "USD/h"),
        };
        return QuantityFormat.Format(UsdPerHour / divisor, unit, format, formatProvider);
    }
}
