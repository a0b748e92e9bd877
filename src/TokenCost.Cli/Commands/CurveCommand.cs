using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
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
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the points (each with 'onParetoFront') and what was skipped" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV rows of the points" };
        var front = new Option<bool>("--front") { Description = "Show only points on their hardware's Pareto front" };
        var command = new Command("curve", "Sweep closed-loop concurrency under continuous batching and print the interactivity–throughput curve: per point the users (concurrency), output tok/s per user (1 ÷ median TPOT), mean TTFT, TPOT, output and total tok/s per device, $ per 1M input, output and total tokens, total tok/s per MW of facility power (board power at the point × server overhead × PUE), and whether the point is on the Pareto front (per hardware: no other point is both faster per user and higher in output tok/s per device). --batch is ignored.\n\nExamples:\n  tokencost curve --model llama-3.1-8b --weights fp8 --stack vllm --input 1000 --output 1000 --json\n  tokencost curve --model llama-3.1-70b --weights fp8 --sweep-hardware nvidia_h100_sxm,nvidia_h200_sxm,amd_mi300x --sweep-tp 1,2,4,8 --csv\n  tokencost curve --model llama-3.1-70b --weights fp8 --price-tier neocloud --concurrency 1,4,16,64,256");
        options.AddTo(command);
        sweep.AddTo(command);
        foreach (var o in new Option[] { json, csv, front })
        {
            command.Options.Add(o);
        }

        command.SetAction(result => CommandRunner.Run(() =>
        {
            var catalog = options.ResolveCatalog(result);
            var (curve, skipped) = sweep.Run(result, options, catalog);
            var shown = result.GetValue(front) ? curve.ParetoFront : curve.Points;
            if (result.GetValue(json))
            {
                JsonOutput.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("model", result.GetValue(options.Model));
                    w.WriteNumber("inputTokens", result.GetValue(options.Input));
                    w.WriteNumber("outputTokens", result.GetValue(options.Output));
                    w.WriteString("load", "closed loop (continuous batching)");
                    w.WriteString("priceTier", result.GetValue(options.PriceTier));
                    w.WriteString("facilityPower", "data-centre model: mean board power at the operating point × server overhead × PUE");
                    w.WriteString("paretoFront", "per hardware: maximise perUserOutputTokensPerSecond and outputTokensPerSecondPerDevice; onCostParetoFront: over all points, maximise perUserOutputTokensPerSecond and minimise costPerMillionOutputTokensUsd");
                    w.WriteStartArray("points");
                    foreach (var p in shown)
                    {
                        w.WriteStartObject();
                        CurveJson.WritePointProperties(w, p);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("skipped");
                    foreach (var s in skipped)
                    {
                        w.WriteStringValue(s);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else if (result.GetValue(csv))
            {
                var sb = new StringBuilder(CurveJson.CsvHeader).Append('\n');
                foreach (var p in shown)
                {
                    sb.Append(CurveJson.CsvRow(p)).Append('\n');
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
        }));
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
                Markup.Escape(c.LayoutNotation),
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
