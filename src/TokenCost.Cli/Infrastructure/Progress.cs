using Spectre.Console;

namespace TokenCost.Cli.Infrastructure;

/// <summary>
/// A Spectre.Console progress bar for long runs (sweeps, calibration, Monte Carlo), written to standard error so that standard output
/// stays clean for tables, JSON, CSV or HTML. It draws only when standard error is a terminal; otherwise the work runs silently.
/// </summary>
public static class Progress
{
    /// <summary>Runs <paramref name="work"/> over every item, advancing one bar by one step per item.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="description">The text left of the bar.</param>
    /// <param name="items">The items, in order.</param>
    /// <param name="work">The work for one item.</param>
    /// <returns>The results, in the items' order.</returns>
    public static IReadOnlyList<TResult> Run<TItem, TResult>(string description, IReadOnlyList<TItem> items, Func<TItem, TResult> work)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        var results = new List<TResult>(items.Count);
        if (Console.IsErrorRedirected || items.Count < 2)
        {
            foreach (var item in items)
            {
                results.Add(work(item));
            }

            return results;
        }

        // Only reached when standard error is a terminal: say so, since Spectre cannot tell from a writer that is not Console.Error itself.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(StandardStreams.RawError ?? Console.Error), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: items.Count);
                foreach (var item in items)
                {
                    results.Add(work(item));
                    task.Increment(1);
                }
            });
        return results;
    }
}
