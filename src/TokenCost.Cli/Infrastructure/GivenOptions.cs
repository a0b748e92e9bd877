using System.CommandLine;
using System.CommandLine.Parsing;

namespace TokenCost.Cli.Infrastructure;

/// <summary>
/// The options the user typed for the running command, so that an error raised deep in the library about an internal parameter
/// (<c>usd</c>, <c>hours</c>, <c>bytes</c>…) is reported naming the user's options instead.
/// </summary>
public static class GivenOptions
{
    /// <summary>Which options an internal parameter name most likely comes from.</summary>
    private static readonly Dictionary<string, string[]> Sources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["usd"] = ["--price-per-hour", "--capex", "--price", "--file", "--catalog"],
        ["usdPerHour"] = ["--price-per-hour", "--capex", "--scenario", "--catalog"],
        ["usdPerKilowattHour"] = ["--electricity-price", "--catalog"],
        ["factor"] = ["--price-per-hour", "--capex", "--utilization", "--electricity-price", "--pue", "--devices", "--scenario", "--catalog"],
        ["hours"] = ["--file", "--capex", "--utilization"],
        ["requestsPerDay"] = ["--file"],
        ["TensorParallel"] = ["--tp", "--devices", "--device-counts", "--sweep-devices", "--file", "--claims"],
        ["PipelineParallel"] = ["--pp", "--devices", "--file"],
        ["Devices"] = ["--devices", "--tp", "--pp", "--device-counts", "--sweep-devices", "--file"],
        ["bytes"] = ["--input", "--output", "--batch", "--catalog"],
        ["gibibytes"] = ["--catalog"],
        ["gigabytes"] = ["--catalog"],
        ["teraflopsPerSecond"] = ["--catalog"],
        ["watts"] = ["--catalog", "--pue"],
        ["seconds"] = ["--input", "--output", "--batch", "--catalog"],
    };

    private static IReadOnlyList<(string Name, string Value)> _given = [];

    /// <summary>Gets the options typed for the running command, with their text.</summary>
    public static IReadOnlyList<(string Name, string Value)> Given => _given;

    /// <summary>Records the options typed for the command being run.</summary>
    /// <param name="result">The parse result.</param>
    public static void Record(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _given = [.. result.CommandResult.Children.OfType<OptionResult>()
            .Where(o => !o.Implicit)
            .Select(o => (o.Option.Name, string.Join(",", o.Tokens.Select(t => t.Value))))];
    }

    /// <summary>Rewrites a library argument error so that it names the user's options, not the library's parameter.</summary>
    /// <param name="ex">The error.</param>
    /// <returns>One line.</returns>
    public static string Describe(ArgumentException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        var message = ex.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        var name = ex.ParamName;
        if (string.IsNullOrEmpty(name) || name.StartsWith("--", StringComparison.Ordinal) || message.StartsWith("--", StringComparison.Ordinal))
        {
            return message;
        }

        if (message.StartsWith(name + " ", StringComparison.Ordinal))
        {
            message = "a value derived from it " + message[(name.Length + 1)..];
        }
        else if (message.StartsWith(name + "[", StringComparison.Ordinal))
        {
            message = "a value derived from it" + message[name.Length..];
        }

        var candidates = Sources.TryGetValue(name, out var list) ? list : [];
        var named = Given.Where(g => candidates.Contains(g.Name, StringComparer.Ordinal)).ToList();
        if (named.Count == 0)
        {
            named = [.. Given.Where(g => g.Value.Length > 0 && (char.IsAsciiDigit(g.Value[0]) || g.Value[0] is '-' or '.' || g.Name is "--catalog" or "--file" or "--scenario" or "--claims" or "--cases" or "--profiles"))];
        }

        if (named.Count == 0)
        {
            return (candidates.Length > 0 ? string.Join(" or ", candidates.Take(2)) : "the options") + ": " + message;
        }

        return string.Join(", ", named.Select(g => g.Value.Length > 0 ? $"{g.Name} {g.Value}" : g.Name)) + ": " + message;
    }
}
