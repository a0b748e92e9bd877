using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// An amount of money in US dollars. Converted to decimal only at the boundary (ToDecimal).
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct Money : IComparable<Money>, IFormattable
{
    private Money(double usd) => Usd = usd;

    /// <summary>Gets the zero value.</summary>
    public static Money Zero => default;

    /// <summary>Gets the value in US dollars.</summary>
    public double Usd { get; }

    /// <summary>Creates a value from US dollars.</summary>
    /// <param name="usd">The value in US dollars; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="usd"/> is NaN, infinite or negative.</exception>
    public static Money FromUsd(double usd) => new(Guard.NonNegativeFinite(usd, nameof(usd)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static Money operator +(Money left, Money right) => new(Guard.Result(left.Usd + right.Usd));

    /// <summary>Subtracts a value; the result is signed (a saving or an extra cost), so it is a <see cref="MoneyDifference"/>, never a saturated <see cref="Money"/>.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The signed difference <paramref name="left"/> − <paramref name="right"/>.</returns>
    public static MoneyDifference operator -(Money left, Money right) => MoneyDifference.Between(left, right);

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static Money operator *(Money value, double factor) => new(Guard.Result(value.Usd * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static Money operator *(double factor, Money value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static Money operator /(Money value, double divisor) => new(Guard.Result(value.Usd / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(Money left, Money right) => Guard.Result(left.Usd / Guard.PositiveFinite(right.Usd, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Money left, Money right) => left.Usd < right.Usd;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(Money left, Money right) => left.Usd > right.Usd;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(Money left, Money right) => left.Usd <= right.Usd;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(Money left, Money right) => left.Usd >= right.Usd;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static Money Max(Money left, Money right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static Money Min(Money left, Money right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(Money other) => Usd.CompareTo(other.Usd);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>1.5 USD</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = Usd switch
        {
            _ => (1.0, "USD"),
        };
        return QuantityFormat.Format(Usd / divisor, unit, format, formatProvider);
    }
}
