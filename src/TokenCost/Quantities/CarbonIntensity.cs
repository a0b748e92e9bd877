using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// The carbon intensity of electricity in grams of CO2-equivalent per kilowatt-hour.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct CarbonIntensity : IComparable<CarbonIntensity>, IFormattable
{
    private CarbonIntensity(double gramsCo2ePerKilowattHour) => GramsCo2ePerKilowattHour = gramsCo2ePerKilowattHour;

    /// <summary>Gets the zero value.</summary>
    public static CarbonIntensity Zero => default;

    /// <summary>Gets the value in grams of CO2-equivalent per kilowatt-hour.</summary>
    public double GramsCo2ePerKilowattHour { get; }

    /// <summary>Creates a value from grams CO2e per kilowatt-hour.</summary>
    /// <param name="gramsCo2ePerKilowattHour">The value in grams CO2e per kilowatt-hour; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gramsCo2ePerKilowattHour"/> is NaN, infinite or negative.</exception>
    public static CarbonIntensity FromGramsCo2ePerKilowattHour(double gramsCo2ePerKilowattHour) => new(Guard.NonNegativeFinite(gramsCo2ePerKilowattHour, nameof(gramsCo2ePerKilowattHour)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static CarbonIntensity operator +(CarbonIntensity left, CarbonIntensity right) => new(Guard.Result(left.GramsCo2ePerKilowattHour + right.GramsCo2ePerKilowattHour));

    /// <summary>Subtracts a value, saturating at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference, or zero when <paramref name="right"/> is larger.</returns>
    public static CarbonIntensity operator -(CarbonIntensity left, CarbonIntensity right) => new(Math.Max(0.0, left.GramsCo2ePerKilowattHour - right.GramsCo2ePerKilowattHour));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static CarbonIntensity operator *(CarbonIntensity value, double factor) => new(Guard.Result(value.GramsCo2ePerKilowattHour * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static CarbonIntensity operator *(double factor, CarbonIntensity value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static CarbonIntensity operator /(CarbonIntensity value, double divisor) => new(Guard.Result(value.GramsCo2ePerKilowattHour / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(CarbonIntensity left, CarbonIntensity right) => Guard.Result(left.GramsCo2ePerKilowattHour / Guard.PositiveFinite(right.GramsCo2ePerKilowattHour, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(CarbonIntensity left, CarbonIntensity right) => left.GramsCo2ePerKilowattHour < right.GramsCo2ePerKilowattHour;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(CarbonIntensity left, CarbonIntensity right) => left.GramsCo2ePerKilowattHour > right.GramsCo2ePerKilowattHour;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(CarbonIntensity left, CarbonIntensity right) => left.GramsCo2ePerKilowattHour <= right.GramsCo2ePerKilowattHour;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(CarbonIntensity left, CarbonIntensity right) => left.GramsCo2ePerKilowattHour >= right.GramsCo2ePerKilowattHour;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static CarbonIntensity Max(CarbonIntensity left, CarbonIntensity right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static CarbonIntensity Min(CarbonIntensity left, CarbonIntensity right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(CarbonIntensity other) => GramsCo2ePerKilowattHour.CompareTo(other.GramsCo2ePerKilowattHour);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>1.5 gCO2e/kWh</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = GramsCo2ePerKilowattHour switch
        {
            _ => (1.0, "gCO2e/kWh"),
        };
        return QuantityFormat.Format(GramsCo2ePerKilowattHour / divisor, unit, format, formatProvider);
    }
}
