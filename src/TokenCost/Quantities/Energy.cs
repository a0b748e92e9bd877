using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// An amount of energy, stored as joules (1 kWh = 3.6 × 10⁶ J).
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct Energy : IComparable<Energy>, IFormattable
{
    private Energy(double joules) => Joules = joules;

    /// <summary>Gets the zero value.</summary>
    public static Energy Zero => default;

    /// <summary>Gets the value in joules.</summary>
    public double Joules { get; }

    /// <summary>Gets the value in kilowatt-hours.</summary>
    public double KilowattHours => Joules / 3600000.0;

    /// <summary>Creates a value from joules.</summary>
    /// <param name="joules">The value in joules; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="joules"/> is NaN, infinite or negative.</exception>
    public static Energy FromJoules(double joules) => new(Guard.NonNegativeFinite(joules, nameof(joules)));

    /// <summary>Creates a value from kilowatt-hours (3.6 × 10⁶ J).</summary>
    /// <param name="kilowattHours">The value in kilowatt-hours (3.6 × 10⁶ J); finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kilowattHours"/> is NaN, infinite or negative.</exception>
    public static Energy FromKilowattHours(double kilowattHours) => new(Guard.NonNegativeFiniteScaled(kilowattHours, 3600000.0, nameof(kilowattHours)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static Energy operator +(Energy left, Energy right) => new(Guard.Result(left.Joules + right.Joules));

    /// <summary>Subtracts a value, saturating at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference, or zero when <paramref name="right"/> is larger.</returns>
    public static Energy operator -(Energy left, Energy right) => new(Math.Max(0.0, left.Joules - right.Joules));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static Energy operator *(Energy value, double factor) => new(Guard.Result(value.Joules * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static Energy operator *(double factor, Energy value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static Energy operator /(Energy value, double divisor) => new(Guard.Result(value.Joules / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(Energy left, Energy right) => Guard.Result(left.Joules / Guard.PositiveFinite(right.Joules, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Energy left, Energy right) => left.Joules < right.Joules;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(Energy left, Energy right) => left.Joules > right.Joules;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(Energy left, Energy right) => left.Joules <= right.Joules;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(Energy left, Energy right) => left.Joules >= right.Joules;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static Energy Max(Energy left, Energy right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static Energy Min(Energy left, Energy right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(Energy other) => Joules.CompareTo(other.Joules);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>1.5 kWh</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = Joules switch
        {
            >= 3600000.0 => (3600000.0, "kWh"),
            >= 1000.0 => (1000.0, "kJ"),
            _ => (1.0, "J"),
        };
        return QuantityFormat.Format(Joules / divisor, unit, format, formatProvider);
    }
}
