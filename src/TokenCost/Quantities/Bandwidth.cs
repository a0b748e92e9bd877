using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// A data-transfer rate, stored as bytes per second (1 TB/s = 10¹² B/s).
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct Bandwidth : IComparable<Bandwidth>, IFormattable
{
    private Bandwidth(double bytesPerSecond) => BytesPerSecond = bytesPerSecond;

    /// <summary>Gets the zero value.</summary>
    public static Bandwidth Zero => default;

    /// <summary>Gets the value in bytes per second.</summary>
    public double BytesPerSecond { get; }

    /// <summary>Gets the value in gigabytes per second (10⁹ B/s).</summary>
    public double GigabytesPerSecond => BytesPerSecond / 1000000000.0;

    /// <summary>Gets the value in terabytes per second (10¹² B/s).</summary>
    public double TerabytesPerSecond => BytesPerSecond / 1000000000000.0;

    /// <summary>Creates a value from bytes per second.</summary>
    /// <param name="bytesPerSecond">The value in bytes per second; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytesPerSecond"/> is NaN, infinite or negative.</exception>
    public static Bandwidth FromBytesPerSecond(double bytesPerSecond) => new(Guard.NonNegativeFinite(bytesPerSecond, nameof(bytesPerSecond)));

    /// <summary>Creates a value from gigabytes per second (10⁹ B/s).</summary>
    /// <param name="gigabytesPerSecond">The value in gigabytes per second (10⁹ B/s); finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gigabytesPerSecond"/> is NaN, infinite or negative.</exception>
    public static Bandwidth FromGigabytesPerSecond(double gigabytesPerSecond) => new(Guard.NonNegativeFiniteScaled(gigabytesPerSecond, 1000000000.0, nameof(gigabytesPerSecond)));

    /// <summary>Creates a value from terabytes per second (10¹² B/s).</summary>
    /// <param name="terabytesPerSecond">The value in terabytes per second (10¹² B/s); finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="terabytesPerSecond"/> is NaN, infinite or negative.</exception>
    public static Bandwidth FromTerabytesPerSecond(double terabytesPerSecond) => new(Guard.NonNegativeFiniteScaled(terabytesPerSecond, 1000000000000.0, nameof(terabytesPerSecond)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static Bandwidth operator +(Bandwidth left, Bandwidth right) => new(Guard.Result(left.BytesPerSecond + right.BytesPerSecond));

    /// <summary>Subtracts a value, saturating at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference, or zero when <paramref name="right"/> is larger.</returns>
    public static Bandwidth operator -(Bandwidth left, Bandwidth right) => new(Math.Max(0.0, left.BytesPerSecond - right.BytesPerSecond));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static Bandwidth operator *(Bandwidth value, double factor) => new(Guard.Result(value.BytesPerSecond * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static Bandwidth operator *(double factor, Bandwidth value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static Bandwidth operator /(Bandwidth value, double divisor) => new(Guard.Result(value.BytesPerSecond / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(Bandwidth left, Bandwidth right) => Guard.Result(left.BytesPerSecond / Guard.PositiveFinite(right.BytesPerSecond, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Bandwidth left, Bandwidth right) => left.BytesPerSecond < right.BytesPerSecond;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(Bandwidth left, Bandwidth right) => left.BytesPerSecond > right.BytesPerSecond;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(Bandwidth left, Bandwidth right) => left.BytesPerSecond <= right.BytesPerSecond;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(Bandwidth left, Bandwidth right) => left.BytesPerSecond >= right.BytesPerSecond;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static Bandwidth Max(Bandwidth left, Bandwidth right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static Bandwidth Min(Bandwidth left, Bandwidth right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(Bandwidth other) => BytesPerSecond.CompareTo(other.BytesPerSecond);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>3.35 TB/s</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = BytesPerSecond switch
        {
            >= 1000000000000.0 => (1000000000000.0, "TB/s"),
            >= 1000000000.0 => (1000000000.0, "GB/s"),
            >= 1000000.0 => (1000000.0, "MB/s"),
            _ => (1.0, "B/s"),
        };
        return QuantityFormat.Format(BytesPerSecond / divisor, unit, format, formatProvider);
    }
}
