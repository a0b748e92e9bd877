using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Estimation;
using TokenCost.Serving.Load;

namespace TokenCost.Cli.Commands;

/// <summary>
/// <c>tokencost curve</c>: the interactivity–throughput curve under continuous batching — a closed-loop concurrency sweep (optionally
/// over hardware, tensor-parallel degrees and weight formats) with per-user speed, TTFT, TPOT, throughput per device, $/1M tokens,
/// tokens/s per MW and Pareto flags.
/// </summary>
public static class CurveCommand
{
    private static readonly string[] Headers = ["Hardware", "Layout", "Weights", "Users", "tok/s/user", "TTFT (ms)", "TPOT (ms)", "out tok/s/dev", "total tok/s/dev", "$/1M in", "$/1M out", "$/1M total", "total tok/s/MW", "Pareto"];

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var options = new DeploymentOptions();
        var sweep = new CurveSweepOptions();
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var front = new Option<bool>("--front") { Description = "Show only points on their hardware's Pareto front" };
        var command = new Command("curve", "Sweep closed-loop concurrency under continuous batching and print the interactivity–throughput curve: per point the users (concurrency), output tok/s per user (1 ÷ median TPOT), mean TTFT, median TPOT, output and total tok/s per device, $ per 1M input, output and total tokens, total tok/s per MW of facility power (board power at the point × server overhead × PUE), and whether the point is on the Pareto front (per hardware: no other point is both faster per user and higher in output tok/s per device). --batch is ignored.\n\nExamples:\n  tokencost curve --model llama-3.1-8b --weights fp8 --stack vllm --input 1000 --output 1000 --json\n  tokencost curve --model llama-3.1-70b --weights fp8 --sweep-hardware nvidia_h100_sxm,nvidia_h200_sxm,amd_mi300x --sweep-devices 1,2,4,8 --format csv\n  tokencost curve --model llama-3.1-70b --weights fp8 --price-tier neocloud --concurrency 1,4,16,64,256\n  tokencost curve --model deepseek-r1 --hardware nvidia_b200 --devices 8 --weights fp8 --kv-cache fp8 --stack sglang --input 1024 --output 1024 --concurrency 64,256,1024 --front\n  tokencost curve --model deepseek-r1 --hardware nvidia_b200 --weights fp8 --kv-cache fp8 --disagg 1x8gTP8EP8DP+3x8gTP8EP8DP --concurrency 256,512,1024 --json");
        options.AddTo(command);
        command.Options.Add(options.Disaggregation);
        sweep.AddTo(command);
        command.Options.Add(front);
        output.AddTo(command);

        command.SetAction(result => CommandRunner.Run(() => output.Run(
            result,
            format =>
            {
                var (curve, skipped) = sweep.Run(result, options, options.ResolveContext(result));
                var shown = result.GetValue(front) ? curve.ParetoFront : curve.Points;
                if (format == OutputFormat.Json)
                {
                    JsonOutput.Write(
                        new CurveResponse
                        {
                            Model = result.GetValue(options.Model)!,
                            InputTokens = result.GetValue(options.Input),
                            OutputTokens = result.GetValue(options.Output),
                            Load = CurveDescriptions.Load,
                            PriceTier = result.GetValue(options.PriceTier),
                            FacilityPower = CurveDescriptions.FacilityPower,
                            ParetoFront = CurveDescriptions.ParetoFront,
                            Points = shown.Select(ResponseMapper.ToResponse).ToArray(),
                            Skipped = skipped,
                        },
                        JsonOutput.Contracts.CurveResponse);
                }
                else if (format == OutputFormat.Csv)
                {
                    var sb = new StringBuilder(CurveCsv.CsvHeader).Append('\n');
                    foreach (var p in shown)
                    {
                        sb.Append(CurveCsv.CsvRow(p)).Append('\n');
                    }

                    Console.Out.Write(sb.ToString());
                }
                else
                {
                    WriteTable(shown);
                    var inv = CultureInfo.InvariantCulture;
                    AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"{shown.Count} of {curve.Points.Count} points shown; {curve.Points.Count(p => p.OnParetoFront)} on their hardware's Pareto front (✓), {curve.Points.Count(p => p.OnCostParetoFront)} on the speed–cost front over all points ($).")));
                    foreach (var s in skipped)
                    {
                        AnsiConsole.MarkupLine("[yellow]skipped:[/] " + Markup.Escape(s));
                    }
                }

                return ExitCodes.Success;
            },
            options.Inputs(result))));
        return command;
    }

    private static void WriteTable(IReadOnlyList<CurvePoint> points)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in Headers)
        {
            table.AddColumn(new TableColumn(h).RightAligned());
        }

        foreach (var p in points)
        {
            var c = p.Configuration;
            table.AddRow(
                Markup.Escape(c.Hardware.Id),
                Markup.Escape(p.Layout),
                Markup.Escape(c.Weights.Id),
                p.Concurrency.ToString(inv),
                p.OutputTokensPerSecondPerUser.ToString("F1", inv),
                p.TimeToFirstToken.Milliseconds.ToString("F0", inv),
                p.TimePerOutputToken.Milliseconds.ToString("F2", inv),
                p.OutputTokensPerSecondPerDevice.ToString("F0", inv),
                p.TotalTokensPerSecondPerDevice.ToString("F0", inv),
                p.CostPerMillionInputTokens.Usd.ToString("F3", inv),
                p.CostPerMillionOutputTokens.Usd.ToString("F3", inv),
                p.CostPerMillionTotalTokens.Usd.ToString("F3", inv),
                p.TotalTokensPerSecondPerMegawatt?.ToString("N0", inv) ?? "–",
                (p.OnParetoFront ? "✓" : "") + (p.OnCostParetoFront ? " $" : "") + (p.Estimate.KvCacheLimited ? " kv" : ""));
        }

        AnsiConsole.Write(table);
    }
}
