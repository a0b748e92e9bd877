using System.Diagnostics;
using System.Text;

namespace TokenCost.Tests.Hostile;

/// <summary>Runs the built tokencost CLI in a child process with a chosen environment (culture), a time limit and, optionally, stdout closed early.</summary>
internal static class HostileProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    public static Result Run(params string[] args) => Run(null, args);

    public static Result Run(IReadOnlyDictionary<string, string>? environment, params string[] args) => Run(environment, TimeSpan.FromSeconds(60), args);

    public static Result Run(IReadOnlyDictionary<string, string>? environment, TimeSpan limit, params string[] args)
    {
        using var p = Start(environment, args);
        var watch = Stopwatch.StartNew();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"tokencost {string.Join(' ', args)} ran longer than {limit}.");
        }

        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result, watch.Elapsed);
    }

    /// <summary>Starts the command, reads one line of standard output, closes it (like <c>| head -1</c>) and waits for the exit.</summary>
    public static Result RunAndCloseStdoutAfterOneLine(TimeSpan limit, params string[] args)
    {
        using var p = Start(null, args);
        var watch = Stopwatch.StartNew();
        var stderr = p.StandardError.ReadToEndAsync();
        var first = p.StandardOutput.ReadLine() ?? "";
        p.StandardOutput.Close();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"tokencost {string.Join(' ', args)} kept running after its reader had gone.");
        }

        p.WaitForExit();
        return new Result(p.ExitCode, first, stderr.Result, watch.Elapsed);
    }

    public static string RepositoryFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenCost.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine([dir?.FullName ?? throw new DirectoryNotFoundException("repository root"), .. parts]);
    }

    private static Process Start(IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "TokenCost.Cli.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var p = Process.Start(psi)!;
        p.StandardInput.Close();
        return p;
    }
}
