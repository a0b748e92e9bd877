using System.CommandLine;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace TokenCost.Cli.Infrastructure;

/// <summary>
/// The output options every command shares, spelled and meaning the same everywhere: <c>--format table|json|csv|html|markdown</c> (the formats a
/// command supports are listed in its help; <c>--json</c> and, where CSV is supported, <c>--csv</c> are shorthands) and <c>--out FILE</c>
/// (write what would be printed to FILE instead, atomically and never over an input file).
/// </summary>
public sealed class OutputOptions
{
    private readonly OutputFormat[] _supported;
    private readonly bool _withOut;

    /// <summary>Initializes a new instance of the <see cref="OutputOptions"/> class.</summary>
    /// <param name="supported">The formats the command can print; the first is the default.</param>
    public OutputOptions(params OutputFormat[] supported)
        : this(true, supported)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OutputOptions"/> class.</summary>
    /// <param name="withOut">Whether to add <c>--out</c> (false for a command whose <c>--out</c> is its own output file, as <c>calibrate</c>'s profiles).</param>
    /// <param name="supported">The formats the command can print; the first is the default.</param>
    public OutputOptions(bool withOut, params OutputFormat[] supported)
    {
        ArgumentNullException.ThrowIfNull(supported);
        _supported = supported.Length > 0 ? supported : [OutputFormat.Table];
        var names = string.Join("|", _supported.Select(Name));
        Format = new Option<OutputFormat?>("--format") { Description = $"What to print: {names} (default {Name(_supported[0])}; json: docs/json.md)" };
        Json = new Option<bool>("--json") { Description = "Shorthand for --format json" };
        Csv = _supported.Contains(OutputFormat.Csv) ? new Option<bool>("--csv") { Description = "Shorthand for --format csv" } : null;
        Out = new Option<string?>("--out") { Description = "Write the output to this file instead of standard output (atomically; never over an input file)" };
        _withOut = withOut;
    }

    /// <summary>Gets the <c>--format</c> option.</summary>
    public Option<OutputFormat?> Format { get; }

    /// <summary>Gets the <c>--json</c> shorthand.</summary>
    public Option<bool> Json { get; }

    /// <summary>Gets the <c>--csv</c> shorthand, or null when the command prints no CSV.</summary>
    public Option<bool>? Csv { get; }

    /// <summary>Gets the <c>--out</c> option.</summary>
    public Option<string?> Out { get; }

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Format);
        command.Options.Add(Json);
        if (Csv is not null)
        {
            command.Options.Add(Csv);
        }

        if (_withOut)
        {
            command.Options.Add(Out);
        }
    }

    /// <summary>Reads the format, checking that the command supports it and that the shorthands agree with <c>--format</c>.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The format.</returns>
    /// <exception cref="CliUsageException">The format is not supported, or two options ask for different formats.</exception>
    public OutputFormat Resolve(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var asked = new List<(string Option, OutputFormat Format)>();
        if (result.GetValue(Format) is OutputFormat f)
        {
            asked.Add(("--format " + Name(f), f));
        }

        if (result.GetValue(Json))
        {
            asked.Add(("--json", OutputFormat.Json));
        }

        if (Csv is not null && result.GetValue(Csv))
        {
            asked.Add(("--csv", OutputFormat.Csv));
        }

        if (asked.Select(a => a.Format).Distinct().Count() > 1)
        {
            throw new CliUsageException($"{string.Join(" and ", asked.Select(a => a.Option))} are alternatives; give one of them.");
        }

        var format = asked.Count > 0 ? asked[0].Format : _supported[0];
        return _supported.Contains(format)
            ? format
            : throw new CliUsageException($"--format: this command prints {string.Join(", ", _supported.Select(Name))}; got '{Name(format)}'.");
    }

    /// <summary>Gets the <c>--out</c> file, or null for standard output.</summary>
    /// <param name="result">The parse result.</param>
    /// <returns>The path or null.</returns>
    public string? OutPath(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return _withOut ? result.GetValue(Out) : null;
    }

    /// <summary>
    /// Runs a command body that prints to standard output (Console.Out and Spectre's console): with <c>--out FILE</c>, everything it prints goes
    /// to a temporary file beside FILE, renamed over FILE once the body succeeds.
    /// </summary>
    /// <param name="result">The parse result.</param>
    /// <param name="body">The body; receives the format and returns the exit code.</param>
    /// <param name="inputs">The command's input files, each with its option, that --out must not overwrite.</param>
    /// <returns>The exit code.</returns>
    public int Run(ParseResult result, Func<OutputFormat, int> body, params (string Option, string? Path)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(body);
        var format = Resolve(result);
        if (OutPath(result) is not { } path)
        {
            return body(format);
        }

        OutputFile.Check("--out", path, inputs);
        var code = 0;
        OutputFile.WriteStreaming("--out", path, writer =>
        {
            var console = Console.Out;
            var ansi = AnsiConsole.Console;
            Console.SetOut(TextWriter.Synchronized(writer));
            var file = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer) });
            file.Profile.Width = 200;
            AnsiConsole.Console = file;
            try
            {
                code = body(format);
            }
            finally
            {
                Console.Out.Flush();
                Console.SetOut(console);
                AnsiConsole.Console = ansi;
            }
        }, inputs);
        return code;
    }

    /// <summary>Gets the spelling of a format on the command line.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The lower-case name.</returns>
    public static string Name(OutputFormat format) => format.ToString().ToLowerInvariant();
}
