using System.CommandLine;
using System.Globalization;

namespace TokenCost.Cli.Infrastructure;

/// <summary>Bounds on the work a search command may be asked to do, checked before it starts, so that memory and time stay bounded on any input.</summary>
public static class WorkLimits
{
    /// <summary>The most deployments (hardware × device counts × weight formats) one optimize run evaluates: each is estimated at
    /// about a dozen batches, so this keeps a run under a few hundred MB and a few seconds.</summary>
    public const long MaxOptimizeConfigurations = 20_000;

    /// <summary>The most cases one calibration fits: each costs about 20 ms per fit on a laptop core, so 10,000 cases take minutes; measured
    /// case files hold hundreds.</summary>
    public const int MaxCalibrationCases = 10_000;

    /// <summary>The largest device count a search considers per deployment.</summary>
    public const int MaxDevicesPerDeployment = 65_536;

    /// <summary>Checks the size of an optimize search space.</summary>
    /// <param name="hardware">The hardware ids searched.</param>
    /// <param name="deviceCounts">The device counts searched.</param>
    /// <param name="formats">The weight formats searched.</param>
    public static void CheckOptimize(int hardware, int deviceCounts, int formats)
    {
        var total = (long)hardware * deviceCounts * formats;
        if (total > MaxOptimizeConfigurations)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"--sweep-hardware × --sweep-devices × --sweep-weights: {hardware} hardware × {deviceCounts} device counts × {formats} formats = {total} deployments, more than the {MaxOptimizeConfigurations} one search evaluates; narrow --sweep-hardware (or the --catalog)."));
        }
    }

    /// <summary>The most estimates one sweep makes: 10⁹, about two minutes at the measured 8 M estimates/s (benchmarks use 10⁶).</summary>
    public const long MaxSweepEstimates = 1_000_000_000;

    /// <summary>Checks the size of a sweep before it starts.</summary>
    /// <param name="estimates">The estimates the sweep would make.</param>
    /// <param name="option">The options that set its size, for the message.</param>
    public static void CheckSweep(long estimates, string option)
    {
        if (estimates > MaxSweepEstimates)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"{option}: {estimates} estimates, more than the {MaxSweepEstimates} one sweep makes; narrow the lists."));
        }
    }

    /// <summary>Checks the number of cases a calibration would fit.</summary>
    /// <param name="cases">The number of cases read.</param>
    public static void CheckCalibration(int cases)
    {
        if (cases > MaxCalibrationCases)
        {
            throw new CliUsageException(string.Create(CultureInfo.InvariantCulture,
                $"--cases: {cases} cases; calibrate fits at most {MaxCalibrationCases} (each costs a fit of every parameter): pass a sample of the file."));
        }
    }

    /// <summary>Reads a comma-separated list option: null when the option was not given and has no default; an error when it was given but lists nothing.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <returns>The trimmed, non-empty entries, or null.</returns>
    public static List<string>? OptionalList(ParseResult result, Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        return Entries(result.GetValue(option), option.Name, result.GetResult(option) is { Implicit: false });
    }

    /// <summary>Reads a comma-separated list option that has a default: an error when it was given but lists nothing.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="option">The option.</param>
    /// <returns>The trimmed, non-empty entries.</returns>
    public static List<string> List(ParseResult result, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(option);
        return Entries(result.GetValue(option), option.Name, true) ?? throw new CliUsageException($"{option.Name} needs at least one entry.");
    }

    /// <summary>Parses a comma-separated list of device counts in [1, <see cref="MaxDevicesPerDeployment"/>].</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="option">The option's name.</param>
    /// <returns>The counts.</returns>
    public static List<int> DeviceCounts(IEnumerable<string> entries, string option)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries.Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d >= 1 && d <= MaxDevicesPerDeployment
            ? d
            : throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must list integers from 1 to {MaxDevicesPerDeployment}; got '{s}'.")))];
    }

    private static List<string>? Entries(string? text, string option, bool given)
    {
        var entries = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (entries.Count > 0)
        {
            return entries;
        }

        return given ? throw new CliUsageException($"{option} needs at least one entry; got '{text}'.") : null;
    }
}
