using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// A duration, stored as seconds in a double (not a TimeSpan, which rounds to 100 ns ticks).
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct TimeInterval : IComparable<TimeInterval>, IFormattable
{
    private TimeInterval(double seconds) => Seconds = seconds;

    /// <summary>Gets the zero value.</summary>
    public static TimeInterval Zero => default;

    /// <summary>Gets the value in seconds.</summary>
    public double Seconds { get; }

    /// <summary>Gets the value in milliseconds.</summary>
    public double Milliseconds => Seconds / 0.001;

    /// <summary>Gets the value in microseconds.</summary>
    public double Microseconds => Seconds / 1e-06;

    /// <summary>Gets the value in hours.</summary>
    public double Hours => Seconds / 3600.0;

    /// <summary>Creates a value from seconds.</summary>
    /// <param name="seconds">The value in seconds; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is NaN, infinite or negative.</exception>
    public static TimeInterval FromSeconds(double seconds) => new(Guard.NonNegativeFinite(seconds, nameof(seconds)));

    /// <summary>Creates a value from milliseconds.</summary>
    /// <param name="milliseconds">The value in milliseconds; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="milliseconds"/> is NaN, infinite or negative.</exception>
    public static TimeInterval FromMilliseconds(double milliseconds) => new(Guard.NonNegativeFiniteScaled(milliseconds, 0.001, nameof(milliseconds)));

    /// <summary>Creates a value from microseconds.</summary>
    /// <param name="microseconds">The value in microseconds; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="microseconds"/> is NaN, infinite or negative.</exception>
    public static TimeInterval FromMicroseconds(double microseconds) => new(Guard.NonNegativeFiniteScaled(microseconds, 1e-06, nameof(microseconds)));

    /// <summary>Creates a value from hours.</summary>
    /// <param name="hours">The value in hours; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is NaN, infinite or negative.</exception>
    public static TimeInterval FromHours(double hours) => new(Guard.NonNegativeFiniteScaled(hours, 3600.0, nameof(hours)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static TimeInterval operator +(TimeInterval left, TimeInterval right) => new(Guard.Result(left.Seconds + right.Seconds));

    /// <summary>Subtracts a value, saturating at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference, or zero when <paramref name="right"/> is larger.</returns>
    public static TimeInterval operator -(TimeInterval left, TimeInterval right) => new(Math.Max(0.0, left.Seconds - right.Seconds));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static TimeInterval operator *(TimeInterval value, double factor) => new(Guard.Result(value.Seconds * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static TimeInterval operator *(double factor, TimeInterval value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static TimeInterval operator /(TimeInterval value, double divisor) => new(Guard.Result(value.Seconds / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(TimeInterval left, TimeInterval right) => Guard.Result(left.Seconds / Guard.PositiveFinite(right.Seconds, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(TimeInterval left, TimeInterval right) => left.Seconds < right.Seconds;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(TimeInterval left, TimeInterval right) => left.Seconds > right.Seconds;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(TimeInterval left, TimeInterval right) => left.Seconds <= right.Seconds;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(TimeInterval left, TimeInterval right) => left.Seconds >= right.Seconds;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static TimeInterval Max(TimeInterval left, TimeInterval right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static TimeInterval Min(TimeInterval left, TimeInterval right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(TimeInterval other) => Seconds.CompareTo(other.Seconds);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>10.4 ms</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = Seconds switch
        {
            >= 1.0 => (1.0, "s"),
            >= 0.001 => (0.001, "ms"),
            _ => (1e-06, "µs"),
        };
        return QuantityFormat.Format(Seconds / divisor, unit, format, formatProvider);
    }
}
