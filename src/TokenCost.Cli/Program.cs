using System.CommandLine;
using TokenCost.Cli.Commands;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;

// Redirected output (files, pipes, CI logs) has no terminal width: give tables room instead of Spectre's 80-column default.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 200;
}

var root = new RootCommand("tokencost — what does a token cost to serve, on this hardware, with this model, quantization and serving stack, and why?");
root.Subcommands.Add(EstimateCommand.Create());
foreach (var command in new[] { SpeculativeCommand.Create(), FrontierCommand.Create(), OptimizeCommand.Create(), UncertaintyCommand.Create(), ScenarioCommand.Create() })
{
    root.Subcommands.Add(command);
}

root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
root.Subcommands.Add(LoadCommand.Create());
root.Subcommands.Add(CurveCommand.Create());
root.Subcommands.Add(ChartCommand.Create());
root.Subcommands.Add(PredictCommand.Create());
root.Subcommands.Add(CalibrateCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
foreach (var command in CatalogCommands.Create())
{
    root.Subcommands.Add(command);
}

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    return CommandRunner.Fail(string.Join("; ", parsed.Errors.Select(e => e.Message)));
}

return parsed.Invoke();
