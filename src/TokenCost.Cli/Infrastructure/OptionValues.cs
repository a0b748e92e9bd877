using System.CommandLine;
using System.Globalization;

namespace TokenCost.Cli.Infrastructure;

/// <summary>Reads option values and checks them, naming the option in every error.</summary>
public static class OptionValues
{
    /// <summary>Gets the spelling the user typed for an option (its name or one of its aliases, such as an old spelling), for messages.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <returns>The spelling typed, or the option's name when it was not typed.</returns>
    public static string Spelling(ParseResult result, Option option)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        return result.GetResult(option)?.IdentifierToken?.Value ?? option.Name;
    }

    /// <summary>Gets a positive integer option, or its default.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <returns>The value.</returns>
    public static int PositiveInt(ParseResult result, Option<int> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        var value = result.GetValue(option);
        return value >= 1 ? value : throw new CliUsageException($"{option.Name} must be an integer ≥ 1; got {value}.");
    }

    /// <summary>Gets an optional positive integer option.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <returns>The value or null.</returns>
    public static int? PositiveInt(ParseResult result, Option<int?> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        var value = result.GetValue(option);
        return value is null or >= 1 ? value : throw new CliUsageException($"{option.Name} must be an integer ≥ 1; got {value}.");
    }

    /// <summary>Gets a non-negative integer option.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <returns>The value.</returns>
    public static int NonNegativeInt(ParseResult result, Option<int> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        var value = result.GetValue(option);
        return value >= 0 ? value : throw new CliUsageException($"{option.Name} must be an integer ≥ 0; got {value}.");
    }

    /// <summary>Gets an optional finite number option that must be positive (or non-negative).</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <param name="allowZero">Whether zero is allowed.</param>
    /// <returns>The value or null.</returns>
    public static double? Number(ParseResult result, Option<double?> option, bool allowZero = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        var value = result.GetValue(option);
        if (value is double v && (!double.IsFinite(v) || v < 0 || (!allowZero && v == 0)))
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be a finite number {(allowZero ? "≥" : ">")} 0; got {v}."));
        }

        return value;
    }

    /// <summary>Gets a fraction option in (0, 1].</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <returns>The value or null.</returns>
    public static double? Fraction(ParseResult result, Option<double?> option)
    {
        var value = Number(result, option);
        return value is null or <= 1 ? value : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option!.Name} must be a fraction in (0, 1]; got {value}."));
    }

    /// <summary>Gets an optional integer option that must lie in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <param name="maximum">The largest value allowed.</param>
    /// <returns>The value or null.</returns>
    public static int? IntInRange(ParseResult result, Option<int?> option, int minimum, int maximum)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        var value = result.GetValue(option);
        return value is null || (value >= minimum && value <= maximum) ? value
            : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be an integer from {minimum} to {maximum}; got {value}."));
    }

    /// <summary>Gets an integer option that must lie in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <param name="minimum">The smallest value allowed.</param>
    /// <param name="maximum">The largest value allowed.</param>
    /// <returns>The value.</returns>
    public static int IntInRange(ParseResult result, Option<int> option, int minimum, int maximum)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        var value = result.GetValue(option);
        return value >= minimum && value <= maximum ? value
            : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be an integer from {minimum} to {maximum}; got {value}."));
    }
}
