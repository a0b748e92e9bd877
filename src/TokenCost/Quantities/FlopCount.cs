using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// A number of arithmetic operations (a count, not a rate); one multiply-add is two operations.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct FlopCount : IComparable<FlopCount>, IFormattable
{
    private FlopCount(double flops) => Flops = flops;

    /// <summary>Gets the zero value.</summary>
    public static FlopCount Zero => default;

    /// <summary>Gets the value in floating-point (or integer) operations.</summary>
    public double Flops { get; }

    /// <summary>Gets the value in 10⁹ operations.</summary>
    public double Gigaflops => Flops / 1000000000.0;

    /// <summary>Gets the value in 10¹² operations.</summary>
    public double Teraflops => Flops / 1000000000000.0;

    /// <summary>Creates a value from operations.</summary>
    /// <param name="flops">The value in operations; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flops"/> is NaN, infinite or negative.</exception>
    public static FlopCount FromFlops(double flops) => new(Guard.NonNegativeFinite(flops, nameof(flops)));

    /// <summary>Creates a value from 10⁹ operations.</summary>
    /// <param name="gigaflops">The value in 10⁹ operations; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gigaflops"/> is NaN, infinite or negative.</exception>
    public static FlopCount FromGigaflops(double gigaflops) => new(Guard.NonNegativeFiniteScaled(gigaflops, 1000000000.0, nameof(gigaflops)));

    /// <summary>Creates a value from 10¹² operations.</summary>
    /// <param name="teraflops">The value in 10¹² operations; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="teraflops"/> is NaN, infinite or negative.</exception>
    public static FlopCount FromTeraflops(double teraflops) => new(Guard.NonNegativeFiniteScaled(teraflops, 1000000000000.0, nameof(teraflops)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static FlopCount operator +(FlopCount left, FlopCount right) => new(Guard.Result(left.Flops + right.Flops));

    /// <summary>Subtracts a value, saturating at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference, or zero when <paramref name="right"/> is larger.</returns>
    public static FlopCount operator -(FlopCount left, FlopCount right) => new(Math.Max(0.0, left.Flops - right.Flops));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static FlopCount operator *(FlopCount value, double factor) => new(Guard.Result(value.Flops * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static FlopCount operator *(double factor, FlopCount value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static FlopCount operator /(FlopCount value, double divisor) => new(Guard.Result(value.Flops / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(FlopCount left, FlopCount right) => Guard.Result(left.Flops / Guard.PositiveFinite(right.Flops, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(FlopCount left, FlopCount right) => left.Flops < right.Flops;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(FlopCount left, FlopCount right) => left.Flops > right.Flops;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(FlopCount left, FlopCount right) => left.Flops <= right.Flops;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(FlopCount left, FlopCount right) => left.Flops >= right.Flops;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static FlopCount Max(FlopCount left, FlopCount right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static FlopCount Min(FlopCount left, FlopCount right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(FlopCount other) => Flops.CompareTo(other.Flops);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>1.5 PFLOP</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = Flops switch
        {
            >= 1000000000000000.0 => (1000000000000000.0, "PFLOP"),
            >= 1000000000000.0 => (1000000000000.0, "TFLOP"),
            >= 1000000000.0 => (1000000000.0, "GFLOP"),
            >= 1000000.0 => (1000000.0, "MFLOP"),
            _ => (1.0, "FLOP"),
        };
        return QuantityFormat.Format(Flops / divisor, unit, format, formatProvider);
    }
}
