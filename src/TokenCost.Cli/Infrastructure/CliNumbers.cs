using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace TokenCost.Cli.Infrastructure;

/// <summary>
/// Parses every number on the command line with the invariant culture, whatever the user's locale: a decimal point, no thousands
/// separators, no NaN or infinity. A decimal comma (<c>2,5</c>) is rejected with a message that says so, instead of being read as 25
/// (invariant culture with thousands separators) or as 2.5 (a German locale) depending on where the command runs.
/// </summary>
public static class CliNumbers
{
    private const NumberStyles RealStyles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    /// <summary>The largest magnitude any real-valued option accepts: 10¹⁵ (no price, rate, power or latency this tool models comes near;
    /// products of such values with device counts and hours stay finite).</summary>
    public const double MaxMagnitude = 1e15;

    private const NumberStyles IntegerStyles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    /// <summary>Parses a real number given for an option.</summary>
    /// <param name="text">The text as typed.</param>
    /// <param name="option">The option's name, for the message.</param>
    /// <param name="value">The value (never −0, never NaN or infinite).</param>
    /// <param name="error">A one-line message naming the option, when parsing fails.</param>
    /// <returns>Whether the text is a finite number.</returns>
    public static bool TryParseReal(string? text, string option, out double value, out string? error)
    {
        value = 0;
        error = null;
        var t = (text ?? "").Trim();
        if (t.Contains(',', StringComparison.Ordinal))
        {
            error = $"{option}: '{text}' has a comma; a decimal comma is not accepted and neither are thousands separators: use a decimal point, e.g. 2.5.";
            return false;
        }

        if (!double.TryParse(t, RealStyles, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            error = $"{option} must be a finite number written with a decimal point (e.g. 2.5 or 1e-3); got '{text}'.";
            return false;
        }

        if (Math.Abs(v) > MaxMagnitude)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"{option} must be at most {MaxMagnitude:0e0} in magnitude; got '{text}'.");
            return false;
        }

        value = v == 0 ? 0 : v; // −0 is 0
        return true;
    }

    /// <summary>Parses an integer given for an option.</summary>
    /// <param name="text">The text as typed.</param>
    /// <param name="option">The option's name, for the message.</param>
    /// <param name="value">The value.</param>
    /// <param name="error">A one-line message naming the option, when parsing fails.</param>
    /// <returns>Whether the text is an integer in range.</returns>
    public static bool TryParseInt64(string? text, string option, out long value, out string? error)
    {
        error = null;
        var t = (text ?? "").Trim();
        if (long.TryParse(t, IntegerStyles, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        error = t.Contains(',', StringComparison.Ordinal) || t.Contains('.', StringComparison.Ordinal)
            ? $"{option} must be a whole number without separators or decimals; got '{text}'."
            : $"{option} must be an integer; got '{text}'.";
        return false;
    }

    /// <summary>Replaces the parser of every numeric option in a command tree by an invariant-culture one.</summary>
    /// <param name="command">The root command.</param>
    public static void UseInvariantParsers(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<double> o:
                    o.CustomParser = r => Real(r, o.Name) ?? default;
                    break;
                case Option<double?> o:
                    o.CustomParser = r => Real(r, o.Name);
                    break;
                case Option<int> o:
                    o.CustomParser = r => Int32(r, o.Name) ?? default;
                    break;
                case Option<int?> o:
                    o.CustomParser = r => Int32(r, o.Name);
                    break;
                case Option<long> o:
                    o.CustomParser = r => Int64(r, o.Name) ?? default;
                    break;
                case Option<long?> o:
                    o.CustomParser = r => Int64(r, o.Name);
                    break;
            }
        }

        foreach (var sub in command.Subcommands)
        {
            UseInvariantParsers(sub);
        }
    }

    private static string? Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;

    private static double? Real(ArgumentResult result, string option)
    {
        if (Token(result) is not { } text)
        {
            result.AddError($"{option} needs a number.");
            return null;
        }

        if (TryParseReal(text, option, out var v, out var error))
        {
            return v;
        }

        result.AddError(error!);
        return null;
    }

    private static long? Int64(ArgumentResult result, string option)
    {
        if (Token(result) is not { } text)
        {
            result.AddError($"{option} needs an integer.");
            return null;
        }

        if (TryParseInt64(text, option, out var v, out var error))
        {
            return v;
        }

        result.AddError(error!);
        return null;
    }

    private static int? Int32(ArgumentResult result, string option)
    {
        var v = Int64(result, option);
        if (v is null)
        {
            return null;
        }

        if (v is < int.MinValue or > int.MaxValue)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option} is too large: give an integer of at most {int.MaxValue}; got {v}."));
            return null;
        }

        return (int)v.Value;
    }
}
