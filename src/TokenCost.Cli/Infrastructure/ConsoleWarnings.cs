using Spectre.Console;
using TokenCost.Estimation;

namespace TokenCost.Cli.Infrastructure;

/// <summary>Prints an estimate's warnings under a table (a configuration that does not fit in memory is flagged wherever it is priced).</summary>
public static class ConsoleWarnings
{
    /// <summary>Prints the warnings, one line each.</summary>
    /// <param name="estimate">The estimate.</param>
    public static void Write(PerformanceEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        foreach (var warning in estimate.Warnings)
        {
            AnsiConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        }
    }
}
