using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// An amount of data, stored as bytes. Decimal prefixes throughout (1 GB = 10⁹ B); binary prefixes are spelled out (gibibytes).
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct DataSize : IComparable<DataSize>, IFormattable
{
    private DataSize(double bytes) => Bytes = bytes;

    /// <summary>Gets the zero value.</summary>
    public static DataSize Zero => default;

    /// <summary>Gets the value in bytes.</summary>
    public double Bytes { get; }

    /// <summary>Gets the value in megabytes (10⁶ B).</summary>
    public double Megabytes => Bytes / 1000000.0;

    /// <summary>Gets the value in gigabytes (10⁹ B).</summary>
    public double Gigabytes => Bytes / 1000000000.0;

    /// <summary>Gets the value in gibibytes (2³⁰ B).</summary>
    public double Gibibytes => Bytes / 1073741824.0;

    /// <summary>Creates a value from bytes.</summary>
    /// <param name="bytes">The value in bytes; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is NaN, infinite or negative.</exception>
    public static DataSize FromBytes(double bytes) => new(Guard.NonNegativeFinite(bytes, nameof(bytes)));

    /// <summary>Creates a value from kilobytes (10³ B).</summary>
    /// <param name="kilobytes">The value in kilobytes (10³ B); finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kilobytes"/> is NaN, infinite or negative.</exception>
    public static DataSize FromKilobytes(double kilobytes) => new(Guard.NonNegativeFiniteScaled(kilobytes, 1000.0, nameof(kilobytes)));

    /// <summary>Creates a value from megabytes (10⁶ B).</summary>
    /// <param name="megabytes">The value in megabytes (10⁶ B); finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="megabytes"/> is NaN, infinite or negative.</exception>
    public static DataSize FromMegabytes(double megabytes) => new(Guard.NonNegativeFiniteScaled(megabytes, 1000000.0, nameof(megabytes)));

    /// <summary>Creates a value from gigabytes (10⁹ B).</summary>
    /// <param name="gigabytes">The value in gigabytes (10⁹ B); finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gigabytes"/> is NaN, infinite or negative.</exception>
    public static DataSize FromGigabytes(double gigabytes) => new(Guard.NonNegativeFiniteScaled(gigabytes, 1000000000.0, nameof(gigabytes)));

    /// <summary>Creates a value from terabytes (10¹² B).</summary>
    /// <param name="terabytes">The value in terabytes (10¹² B); finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="terabytes"/> is NaN, infinite or negative.</exception>
    public static DataSize FromTerabytes(double terabytes) => new(Guard.NonNegativeFiniteScaled(terabytes, 1000000000000.0, nameof(terabytes)));

    /// <summary>Creates a value from gibibytes (2³⁰ B).</summary>
    /// <param name="gibibytes">The value in gibibytes (2³⁰ B); finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gibibytes"/> is NaN, infinite or negative.</exception>
    public static DataSize FromGibibytes(double gibibytes) => new(Guard.NonNegativeFiniteScaled(gibibytes, 1073741824.0, nameof(gibibytes)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static DataSize operator +(DataSize left, DataSize right) => new(Guard.Result(left.Bytes + right.Bytes));

    /// <summary>Subtracts a value, saturating at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference, or zero when <paramref name="right"/> is larger.</returns>
    public static DataSize operator -(DataSize left, DataSize right) => new(Math.Max(0.0, left.Bytes - right.Bytes));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static DataSize operator *(DataSize value, double factor) => new(Guard.Result(value.Bytes * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static DataSize operator *(double factor, DataSize value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static DataSize operator /(DataSize value, double divisor) => new(Guard.Result(value.Bytes / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(DataSize left, DataSize right) => Guard.Result(left.Bytes / Guard.PositiveFinite(right.Bytes, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(DataSize left, DataSize right) => left.Bytes < right.Bytes;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(DataSize left, DataSize right) => left.Bytes > right.Bytes;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(DataSize left, DataSize right) => left.Bytes <= right.Bytes;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(DataSize left, DataSize right) => left.Bytes >= right.Bytes;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static DataSize Max(DataSize left, DataSize right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static DataSize Min(DataSize left, DataSize right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(DataSize other) => Bytes.CompareTo(other.Bytes);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>40 GB</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = Bytes switch
        {
            >= 1000000000000.0 => (1000000000000.0, "TB"),
            >= 1000000000.0 => (1000000000.0, "GB"),
            >= 1000000.0 => (1000000.0, "MB"),
            >= 1000.0 => (1000.0, "kB"),
            _ => (1.0, "B"),
        };
        return QuantityFormat.Format(Bytes / divisor, unit, format, formatProvider);
    }
}
