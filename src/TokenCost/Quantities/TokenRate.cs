using System.Globalization;
using TokenCost.Internal;

namespace TokenCost.Quantities;

/// <summary>
/// A token throughput in tokens per second.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. It never holds NaN, infinity or a negative value; the default value is zero.
/// </remarks>
public readonly partial record struct TokenRate : IComparable<TokenRate>, IFormattable
{
    private TokenRate(double tokensPerSecond) => TokensPerSecond = tokensPerSecond;

    /// <summary>Gets the zero value.</summary>
    public static TokenRate Zero => default;

    /// <summary>Gets the value in tokens per second.</summary>
    public double TokensPerSecond { get; }

    /// <summary>Creates a value from tokens per second.</summary>
    /// <param name="tokensPerSecond">The value in tokens per second; finite and not negative.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokensPerSecond"/> is NaN, infinite or negative.</exception>
    public static TokenRate FromTokensPerSecond(double tokensPerSecond) => new(Guard.NonNegativeFinite(tokensPerSecond, nameof(tokensPerSecond)));

    /// <summary>Adds two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The sum.</returns>
    public static TokenRate operator +(TokenRate left, TokenRate right) => new(Guard.Result(left.TokensPerSecond + right.TokensPerSecond));

    /// <summary>Subtracts a value, saturating at zero.</summary>
    /// <param name="left">The value to subtract from.</param>
    /// <param name="right">The value to subtract.</param>
    /// <returns>The difference, or zero when <paramref name="right"/> is larger.</returns>
    public static TokenRate operator -(TokenRate left, TokenRate right) => new(Math.Max(0.0, left.TokensPerSecond - right.TokensPerSecond));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <returns>The scaled value.</returns>
    public static TokenRate operator *(TokenRate value, double factor) => new(Guard.Result(value.TokensPerSecond * Guard.NonNegativeFinite(factor, nameof(factor))));

    /// <summary>Scales a value by a non-negative factor.</summary>
    /// <param name="factor">The factor; finite and not negative.</param>
    /// <param name="value">The value.</param>
    /// <returns>The scaled value.</returns>
    public static TokenRate operator *(double factor, TokenRate value) => value * factor;

    /// <summary>Divides a value by a positive divisor.</summary>
    /// <param name="value">The value.</param>
    /// <param name="divisor">The divisor; finite and greater than zero.</param>
    /// <returns>The quotient.</returns>
    public static TokenRate operator /(TokenRate value, double divisor) => new(Guard.Result(value.TokensPerSecond / Guard.PositiveFinite(divisor, nameof(divisor))));

    /// <summary>Gets the ratio of two values.</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator; greater than zero.</param>
    /// <returns>The dimensionless ratio.</returns>
    public static double operator /(TokenRate left, TokenRate right) => Guard.Result(left.TokensPerSecond / Guard.PositiveFinite(right.TokensPerSecond, nameof(right)));

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(TokenRate left, TokenRate right) => left.TokensPerSecond < right.TokensPerSecond;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger.</returns>
    public static bool operator >(TokenRate left, TokenRate right) => left.TokensPerSecond > right.TokensPerSecond;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(TokenRate left, TokenRate right) => left.TokensPerSecond <= right.TokensPerSecond;

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(TokenRate left, TokenRate right) => left.TokensPerSecond >= right.TokensPerSecond;

    /// <summary>Returns the larger of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The larger value.</returns>
    public static TokenRate Max(TokenRate left, TokenRate right) => left >= right ? left : right;

    /// <summary>Returns the smaller of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>The smaller value.</returns>
    public static TokenRate Min(TokenRate left, TokenRate right) => left <= right ? left : right;

    /// <inheritdoc/>
    public int CompareTo(TokenRate other) => TokensPerSecond.CompareTo(other.TokensPerSecond);

    /// <summary>Formats the value with a unit chosen for readability, in invariant culture (for example <c>1.5 tokens/s</c>).</summary>
    /// <returns>The formatted value.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value with a unit chosen for readability.</summary>
    /// <param name="format">A numeric format string for the number (default <c>G4</c>).</param>
    /// <param name="formatProvider">The culture; invariant when null.</param>
    /// <returns>The formatted value.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (divisor, unit) = TokensPerSecond switch
        {
            _ => (1.0, "tokens/s"),
        };
        return QuantityFormat.Format(TokensPerSecond / divisor, unit, format, formatProvider);
    }
}
