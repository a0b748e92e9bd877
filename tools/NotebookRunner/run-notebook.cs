// Runs a C# .ipynb notebook headless through the real .NET Interactive kernel and fails on the first cell error.
//
//   dotnet run tools/NotebookRunner/run-notebook.cs -- NOTEBOOK.ipynb [--kernel PATH-TO-dotnet-interactive] [--timeout SECONDS]
//
// How: starts `dotnet-interactive stdio --default-kernel csharp` with the notebook's folder as working directory (so relative
// #r paths resolve as in VS Code), sends every code cell in order as a SubmitCode command, waits for that command's
// CommandSucceeded or CommandFailed event, and prints what each cell displayed (MIME types and sizes). Exit code 0 when every
// cell succeeds, 1 on the first failed cell (its error is printed), 2 on bad usage, 3 when the kernel dies or a cell times out.
// Markdown cells are skipped; a code cell in another language than C# fails (this runner only promises C#).
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

var notebookPath = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var kernel = Option("--kernel") ?? "dotnet-interactive";
var timeout = TimeSpan.FromSeconds(double.Parse(Option("--timeout") ?? "300", CultureInfo.InvariantCulture));
if (notebookPath is null || !File.Exists(notebookPath))
{
    Console.Error.WriteLine("usage: run-notebook NOTEBOOK.ipynb [--kernel PATH] [--timeout SECONDS]");
    return 2;
}

var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
var defaultLanguage = (string?)notebook["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] ?? "csharp";
var cells = new List<(int Index, string Code)>();
var index = 0;
foreach (var cell in notebook["cells"]!.AsArray())
{
    index++;
    if ((string?)cell!["cell_type"] != "code")
    {
        continue;
    }

    var language = (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]
        ?? (string?)cell["metadata"]?["dotnet_interactive"]?["language"]
        ?? defaultLanguage;
    if (language != "csharp")
    {
        Console.Error.WriteLine($"cell {index}: language '{language}' is not supported by this runner (C# only)");
        return 1;
    }

    var source = cell["source"];
    var code = source is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)source ?? "";
    cells.Add((index, code));
}

var start = new ProcessStartInfo(kernel, ["stdio", "--default-kernel", "csharp"])
{
    WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!,
    RedirectStandardInput = true,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    UseShellExecute = false,
};
start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{kernel}'");
process.ErrorDataReceived += (_, e) => { };
process.BeginErrorReadLine();
Console.WriteLine($"notebook {notebookPath}: {cells.Count} code cells, kernel '{kernel}'");

var clock = Stopwatch.StartNew();
foreach (var (cellIndex, code) in cells)
{
    var token = "cell-" + cellIndex.ToString(CultureInfo.InvariantCulture);
    var envelope = new JsonObject
    {
        ["commandType"] = "SubmitCode",
        ["command"] = new JsonObject { ["code"] = code, ["targetKernelName"] = "csharp" },
        ["token"] = token,
    };
    await process.StandardInput.WriteLineAsync(envelope.ToJsonString());
    await process.StandardInput.FlushAsync();

    var shown = new List<string>();
    using var cancel = new CancellationTokenSource(timeout);
    while (true)
    {
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"cell {cellIndex}: no result within {timeout.TotalSeconds} s");
            process.Kill(entireProcessTree: true);
            return 3;
        }

        if (line is null)
        {
            Console.Error.WriteLine($"cell {cellIndex}: the kernel exited (code {(process.HasExited ? process.ExitCode : -1)})");
            return 3;
        }

        if (!line.StartsWith('{'))
        {
            continue; // the kernel's banner
        }

        var message = JsonNode.Parse(line)!;
        var type = (string?)message["eventType"];
        var commandToken = (string?)message["command"]?["token"];
        if (type is null || commandToken is null || !(commandToken == token || commandToken.StartsWith(token + ".", StringComparison.Ordinal)))
        {
            continue;
        }

        switch (type)
        {
            case "DisplayedValueProduced" or "ReturnValueProduced" or "DisplayedValueUpdated":
                foreach (var value in message["event"]?["formattedValues"]?.AsArray() ?? [])
                {
                    shown.Add($"{(string?)value!["mimeType"]} ({((string?)value["value"])?.Length ?? 0} chars)");
                }

                break;
            case "StandardOutputValueProduced":
                var text = (string?)message["event"]?["formattedValues"]?[0]?["value"] ?? "";
                Console.Write(Indent(text));
                break;
            case "CommandFailed" when commandToken == token:
                Console.Error.WriteLine($"cell {cellIndex}: FAILED");
                Console.Error.WriteLine(Indent((string?)message["event"]?["message"] ?? "(no message)"));
                process.Kill(entireProcessTree: true);
                return 1;
            case "CommandSucceeded" when commandToken == token:
                Console.WriteLine($"cell {cellIndex}: ok{(shown.Count > 0 ? " — displayed " + string.Join(", ", shown) : "")}");
                goto next;
        }
    }

next:;
}

Console.WriteLine($"notebook {notebookPath}: all {cells.Count} code cells succeeded in {clock.Elapsed.TotalSeconds:F0} s");
process.StandardInput.Close();
if (!process.WaitForExit(5000))
{
    process.Kill(entireProcessTree: true);
}

return 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string Indent(string text) => string.Concat(text.ReplaceLineEndings("\n").Split('\n').Where(l => l.Length > 0).Select(l => "    " + l + "\n"));
