using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// An arithmetic throughput, stored as operations per second (dense, no structured sparsity unless stated).
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct FlopRate : IComparable<FlopRate>, IFormattable
{
    private FlopRate(double flopsPerSecond) => FlopsPerSecond = flopsPerSecond;

    /// <summary>Gets the zero value.</summary>
    public static FlopRate Zero => default;

    /// <summary>Gets the value in operations per second.</summary>
    public double FlopsPerSecond { get; }

    /// <summary>Gets the value in 10¹² operations per second.</summary>
    public double TeraflopsPerSecond => FlopsPerSecond / 1000000000000.0;

    /// <summary>Creates a value from operations per second.</summary>
    /// <param name="flopsPerSecond">The value in operations per second; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flopsPerSecond"/> is NaN, infinite or negative.</exception>
    public static FlopRate FromFlopsPerSecond(double flopsPerSecond) => new(Guard.NonNegativeFinite(flopsPerSecond, nameof(flopsPerSecond)));

    /// <summary>Creates a value from 10¹² operations per second.</summary>
    /// <param name="teraflopsPerSecond">The value in 10¹² operations per second; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="teraflopsPerSecond"/> is NaN, infinite or negative.</exception>
    public static FlopRate FromTeraflopsPerSecond(double teraflopsPerSecond) => new(Guard.NonNegativeFiniteScaled(teraflopsPerSecond, 1000000000000.0, nameof(teraflopsPerSecond)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static FlopRate operator +(FlopRate left, FlopRate right) => new(Guard.Result(left.FlopsPerSecond + right.FlopsPerSecond));

    /// <summary>Subtracts a value, saturating at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference, or zero when <paramref name="right"/> is larger.</returns>
    public static FlopRate operator -(FlopRate left, FlopRate right) => new(Math.Max(0.0, left.FlopsPerSecond - right.FlopsPerSecond));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static FlopRate operator *(FlopRate value, double factor) => new(Guard.Result(value.FlopsPerSecond * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static FlopRate operator *(double factor, FlopRate value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static FlopRate operator /(FlopRate value, double divisor) => new(Guard.Result(value.FlopsPerSecond / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(FlopRate left, FlopRate right) => Guard.Result(left.FlopsPerSecond / Guard.PositiveFinite(right.FlopsPerSecond, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(FlopRate left, FlopRate right) => left.FlopsPerSecond < right.FlopsPerSecond;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(FlopRate left, FlopRate right) => left.FlopsPerSecond > right.FlopsPerSecond;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(FlopRate left, FlopRate right) => left.FlopsPerSecond <= right.FlopsPerSecond;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(FlopRate left, FlopRate right) => left.FlopsPerSecond >= right.FlopsPerSecond;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static FlopRate Max(FlopRate left, FlopRate right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static FlopRate Min(FlopRate left, FlopRate right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(FlopRate other) => FlopsPerSecond.CompareTo(other.FlopsPerSecond);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>1.5 PFLOP/s</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = FlopsPerSecond switch
        {
            >= 1000000000000000.0 => (1000000000000000.0, "PFLOP/s"),
            >= 1000000000000.0 => (1000000000000.0, "TFLOP/s"),
            >= 1000000000.0 => (1000000000.0, "GFLOP/s"),
            _ => (1.0, "FLOP/s"),
        };
        return QuantityFormat.Format(FlopsPerSecond / divisor, unit, format, formatProvider);
    }
}
