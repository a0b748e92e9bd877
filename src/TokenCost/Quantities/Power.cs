using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// An electrical power, stored as watts (J/s).
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct Power : IComparable<Power>, IFormattable
{
    private Power(double watts) => Watts = watts;

    /// <summary>Gets the zero value.</summary>
    public static Power Zero => default;

    /// <summary>Gets the value in watts.</summary>
    public double Watts { get; }

    /// <summary>Gets the value in kilowatts.</summary>
    public double Kilowatts => Watts / 1000.0;

    /// <summary>Gets the value in megawatts.</summary>
    public double Megawatts => Watts / 1000000.0;

    /// <summary>Creates a value from watts.</summary>
    /// <param name="watts">The value in watts; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="watts"/> is NaN, infinite or negative.</exception>
    public static Power FromWatts(double watts) => new(Guard.NonNegativeFinite(watts, nameof(watts)));

    /// <summary>Creates a value from kilowatts.</summary>
    /// <param name="kilowatts">The value in kilowatts; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kilowatts"/> is NaN, infinite or negative.</exception>
    public static Power FromKilowatts(double kilowatts) => new(Guard.NonNegativeFiniteScaled(kilowatts, 1000.0, nameof(kilowatts)));

    /// <summary>Creates a value from megawatts.</summary>
    /// <param name="megawatts">The value in megawatts; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="megawatts"/> is NaN, infinite or negative.</exception>
    public static Power FromMegawatts(double megawatts) => new(Guard.NonNegativeFiniteScaled(megawatts, 1000000.0, nameof(megawatts)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static Power operator +(Power left, Power right) => new(Guard.Result(left.Watts + right.Watts));

    /// <summary>Subtracts a value, saturating at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference, or zero when <paramref name="right"/> is larger.</returns>
    public static Power operator -(Power left, Power right) => new(Math.Max(0.0, left.Watts - right.Watts));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static Power operator *(Power value, double factor) => new(Guard.Result(value.Watts * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static Power operator *(double factor, Power value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static Power operator /(Power value, double divisor) => new(Guard.Result(value.Watts / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(Power left, Power right) => Guard.Result(left.Watts / Guard.PositiveFinite(right.Watts, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Power left, Power right) => left.Watts < right.Watts;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(Power left, Power right) => left.Watts > right.Watts;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(Power left, Power right) => left.Watts <= right.Watts;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(Power left, Power right) => left.Watts >= right.Watts;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static Power Max(Power left, Power right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static Power Min(Power left, Power right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(Power other) => Watts.CompareTo(other.Watts);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>1.5 MW</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = Watts switch
        {
            >= 1000000.0 => (1000000.0, "MW"),
            >= 1000.0 => (1000.0, "kW"),
            _ => (1.0, "W"),
        };
        return QuantityFormat.Format(Watts / divisor, unit, format, formatProvider);
    }
}
