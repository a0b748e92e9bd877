using System.Globalization;
using System.CommandLine;
using TokenCost.Cli.Commands;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;

// Identical results in every culture: numbers are parsed (see CliNumbers) and printed with the invariant culture, whatever LANG says.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

// One output sanitiser for the terminal: control characters from ids and messages never reach it (colours still do on a terminal),
// and a closed pipe ends the command with exit code 2 instead of a stack trace.
// .NET's console stream ignores EPIPE, so a command writing into a closed pipe (sweep | head -1) would compute on for nothing: write
// through the file descriptors instead, whose failures end the command. (In-process tests that capture the console set the switch.)
var captured = AppContext.TryGetSwitch("TokenCost.Cli.CapturedConsole", out var on) && on;
Console.SetOut(TextWriter.Synchronized(new SanitizingWriter(captured ? Console.Out : StandardStreams.Open(1), "standard output", allowColours: !Console.IsOutputRedirected)));
StandardStreams.RawError = captured ? Console.Error : StandardStreams.Open(2);
Console.SetError(TextWriter.Synchronized(new SanitizingWriter(StandardStreams.RawError, "standard error", allowColours: !Console.IsErrorRedirected)));

// Redirected output (files, pipes, CI logs) has no terminal width: give tables room instead of Spectre's 80-column default.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 200;
}

// A plain command named "tokencost" (RootCommand would take the assembly's name, TokenCost.Cli, for the usage line), with the options RootCommand adds.
var root = new Command("tokencost", "tokencost — what does a token cost to serve, on this hardware, with this model, quantization and serving stack, and why?")
{
    new System.CommandLine.Help.HelpOption(),
    new VersionOption(),
};
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

CliNumbers.UseInvariantParsers(root);

// Response files (@file) are off: an argument is an argument, never a file to expand (@/dev/zero, @/etc/passwd).
var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parsed.Errors.Count > 0)
{
    return CommandRunner.Fail(string.Join("; ", parsed.Errors.Select(e => e.Message).Distinct()));
}

GivenOptions.Record(parsed);
// Exceptions reach CommandRunner (one line, exit code 2), not the parser's default handler (a stack trace).
return CommandRunner.Run(() => parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
