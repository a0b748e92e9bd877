using System.CommandLine;
using System.Globalization;
using TokenCost.Cli.Infrastructure;

namespace TokenCost.Cli.Commands;

/// <summary>Comma-separated list options of the sweeping commands (curve, frontier, optimize), checked and naming the option in every error.</summary>
public static class SweepLists
{
    /// <summary>Gets a comma-separated list of ids, or null when the option is absent or blank.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <returns>The ids, trimmed, in order, without empty entries.</returns>
    public static IReadOnlyList<string>? Ids(ParseResult result, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        var text = result.GetValue(option);
        return string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Gets a comma-separated list of integers ≥ 1 (at most <paramref name="maxCount"/> of them), or null when the option is absent.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <param name="maxCount">The most entries accepted.</param>
    /// <returns>The distinct values, ascending.</returns>
    /// <exception cref="CliUsageException">An entry is not an integer ≥ 1, or there are too many.</exception>
    public static IReadOnlyList<int>? PositiveInts(ParseResult result, Option<string?> option, int maxCount = 64)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        return PositiveInts(option.Name, result.GetValue(option), maxCount);
    }

    /// <summary>Parses a comma-separated list of integers ≥ 1 (at most <paramref name="maxCount"/> of them) given to an option.</summary>
    /// <param name="optionName">The option's name, for messages.</param>
    /// <param name="text">The option's value, or null when absent.</param>
    /// <param name="maxCount">The most entries accepted.</param>
    /// <returns>The distinct values, ascending, or null when <paramref name="text"/> is null.</returns>
    /// <exception cref="CliUsageException">An entry is not an integer ≥ 1, or there are too many.</exception>
    public static IReadOnlyList<int>? PositiveInts(string optionName, string? text, int maxCount = 64)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new CliUsageException($"{optionName} must list integers ≥ 1 separated by commas; got '{text}'.");
        }

        if (parts.Length > maxCount)
        {
            throw new CliUsageException($"{optionName} lists {parts.Length} values; at most {maxCount} are allowed.");
        }

        return parts
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1 ? v : throw new CliUsageException($"{optionName} must list integers ≥ 1; got '{s}'."))
            .Distinct()
            .Order()
            .ToList();
    }
}
