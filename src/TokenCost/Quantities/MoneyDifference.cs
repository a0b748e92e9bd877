using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// A signed difference of two amounts of money in US dollars: a saving, a delta or a swing. Positive and negative values are both
/// meaningful (a negative saving is an extra cost), so it is a type of its own rather than a <see cref="Money"/>, which is never negative.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN or infinity; the default value is zero.
/// <c>Money − Money</c> gives a <see cref="MoneyDifference"/>; <see cref="Magnitude"/> gives its size back as <see cref="Money"/>.
/// </remarks>
public readonly record struct MoneyDifference : IComparable<MoneyDifference>, IFormattable
{
    private MoneyDifference(double usd) => Usd = usd == 0 ? 0 : usd;

    /// <summary>Gets the zero value.</summary>
    public static MoneyDifference Zero => default;

    /// <summary>Gets the signed value in US dollars.</summary>
    public double Usd { get; }

    /// <summary>Gets the size of the difference, without its sign.</summary>
    public Money Magnitude => Money.FromUsd(Math.Abs(Usd));

    /// <summary>Gets a value indicating whether the difference is below zero (for a saving: an extra cost).</summary>
    public bool IsNegative => Usd < 0;

    /// <summary>Gets the sign: −1, 0 or +1.</summary>
    public int Sign => Math.Sign(Usd);

    /// <summary>Creates a value from signed US dollars.</summary>
    /// <param name="usd">The signed value in US dollars; finite.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="usd"/> is NaN or infinite.</exception>
    public static MoneyDifference FromUsd(double usd) =>
        double.IsFinite(usd) ? new(usd) : throw new ArgumentOutOfRangeException(nameof(usd), usd, string.Create(CultureInfo.InvariantCulture, $"usd must be a finite number; got {usd}."));

    /// <summary>Gets the difference <paramref name="left"/> − <paramref name="right"/>, signed.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The signed difference.</returns>
    public static MoneyDifference Between(Money left, Money right) => new(Guard.Result(left.Usd - right.Usd));

    /// <summary>Converts an amount of money to a (non-negative) difference.</summary>
    /// <param name="money">The amount.</param>
    public static implicit operator MoneyDifference(Money money) => new(money.Usd);

    /// <summary>Converts an amount of money to a (non-negative) difference.</summary>
    /// <param name="money">The amount.</param>
    /// <returns>The difference.</returns>
    public static MoneyDifference FromMoney(Money money) => money;

    /// <summary>Adds two differences.</summary>
    /// <param name="left">The first difference.</param>
    /// <param name="right">The second difference.</param>
    /// <returns>The sum.</returns>
    public static MoneyDifference operator +(MoneyDifference left, MoneyDifference right) => new(Guard.Result(left.Usd + right.Usd));

    /// <summary>Subtracts two differences.</summary>
    /// <param name="left">The first difference.</param>
    /// <param name="right">The difference to subtract.</param>
    /// <returns>The signed result.</returns>
    public static MoneyDifference operator -(MoneyDifference left, MoneyDifference right) => new(Guard.Result(left.Usd - right.Usd));

    /// <summary>Negates a difference.</summary>
    /// <param name="value">The difference.</param>
    /// <returns>The difference with the opposite sign.</returns>
    public static MoneyDifference operator -(MoneyDifference value) => new(-value.Usd);

    /// <summary>Scales a difference by a finite factor (of either sign).</summary>
    /// <param name="value">The difference.</param>
    /// <param name="factor">The factor; finite.</param>
    /// <returns>The scaled difference.</returns>
    public static MoneyDifference operator *(MoneyDifference value, double factor) => new(Guard.Result(value.Usd * Finite(factor, nameof(factor))));

    /// <summary>Scales a difference by a finite factor (of either sign).</summary>
    /// <param name="factor">The factor; finite.</param>
    /// <param name="value">The difference.</param>
    /// <returns>The scaled difference.</returns>
    public static MoneyDifference operator *(double factor, MoneyDifference value) => value * factor;

    /// <summary>Divides a difference by a finite, non-zero divisor.</summary>
    /// <param name="value">The difference.</param>
    /// <param name="divisor">The divisor; finite and not zero.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="divisor"/> is zero, NaN or infinite.</exception>
    public static MoneyDifference operator /(MoneyDifference value, double divisor) =>
        divisor != 0 ? new(Guard.Result(value.Usd / Finite(divisor, nameof(divisor)))) : throw new ArgumentOutOfRangeException(nameof(divisor), divisor, "divisor must not be zero.");

    /// <summary>Compares two differences.</summary>
    /// <param name="left">The first difference.</param>
    /// <param name="right">The second difference.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(MoneyDifference left, MoneyDifference right) => left.Usd < right.Usd;

    /// <summary>Compares two differences.</summary>
    /// <param name="left">The first difference.</param>
    /// <param name="right">The second difference.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(MoneyDifference left, MoneyDifference right) => left.Usd > right.Usd;

    /// <summary>Compares two differences.</summary>
    /// <param name="left">The first difference.</param>
    /// <param name="right">The second difference.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(MoneyDifference left, MoneyDifference right) => left.Usd <= right.Usd;

    /// <summary>Compares two differences.</summary>
    /// <param name="left">The first difference.</param>
    /// <param name="right">The second difference.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(MoneyDifference left, MoneyDifference right) => left.Usd >= right.Usd;

    /// <inheritdoc/>
    public int CompareTo(MoneyDifference other) => Usd.CompareTo(other.Usd);

    /// <summary>Formats the difference in invariant culture, with its sign before the currency (for example <c>-$1.5</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the difference, with its sign before the currency (for example <c>-$1.5</c>).</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        (Usd < 0 ? "-" : "") + QuantityFormat.Format(Math.Abs(Usd), "USD", format, formatProvider);

    private static double Finite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be a finite number; got {value}."));
}
