using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Economics.Frontier;
using TokenCost.Economics.Optimization;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving.Load;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost frontier</c>: the Pareto frontier of time per output token vs $/1M output tokens over a batch sweep (and optionally formats and TP);
/// with <c>--concurrency</c>, the speed–cost frontier under continuous batching (optionally filtered by a per-user speed floor and a TTFT limit).</summary>
public static class FrontierCommand
{
    private static readonly string[] LoadHeaders = ["Devices", "Weights", "Users", "tok/s/user", "TTFT (ms)", "TPOT (ms)", "$ / 1M output", "tok/s/device"];

    private static readonly string[] Headers = ["Devices", "Weights", "Batch", "TPOT (ms)", "TTFT (ms)", "$ / 1M output", "tok/s", "tok/s/device", "tok/s/user"];

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var options = new DeploymentOptions();
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var all = new Option<bool>("--all") { Description = "Include dominated points (every fitting batch)" };
        var kind = new Option<string>("--axes") { Description = "'latency-cost' (TPOT vs $/1M output) or 'throughput' (per-user tok/s vs tok/s per device)", DefaultValueFactory = _ => "latency-cost" };
        var formats = new Option<string?>("--sweep-weights") { Description = "Comma-separated weight formats to sweep as well (for example bf16,fp8,int4)" };
        var tps = new Option<string?>("--sweep-devices") { Description = "Comma-separated device counts to sweep as well, each one tensor-parallel replica (for example 1,2,4,8)" };
        var concurrency = new Option<string?>("--concurrency") { Description = "Comma-separated closed-loop concurrencies: sweep users under continuous batching instead of static batches (axes become per-user tok/s vs $/1M output, or vs tok/s per device)" };
        var minUserSpeed = new Option<double?>("--min-user-tokens-per-second") { Description = "With --concurrency: keep only points where every user gets at least this many output tokens/s (1 ÷ median TPOT)" };
        var maxTtft = new Option<double?>("--max-ttft-ms") { Description = "With --concurrency: keep only points whose mean TTFT is at most this, in ms" };
        var command = new Command("frontier", "Sweep batch sizes (and optionally weight formats and device counts) and keep the Pareto-optimal points of time per output token vs $ per 1M output tokens.\nThe batch option is ignored; points are ordered by rising latency and falling cost.\n\nExamples:\n  tokencost frontier --model llama-3.1-8b --hardware nvidia_h100_sxm --weights fp8 --json\n  tokencost frontier --model llama-3.1-70b --sweep-weights bf16,fp8,int4 --sweep-devices 1,2,4 --format csv");
        options.AddTo(command);
        foreach (var o in new Option[] { all, kind, formats, tps, concurrency, minUserSpeed, maxTtft })
        {
            command.Options.Add(o);
        }

        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(result, format => Run(result, options, format, all, kind, formats, tps, concurrency, minUserSpeed, maxTtft), options.Inputs(result))));
        return command;
    }

    private static int Run(ParseResult result, DeploymentOptions options, OutputFormat format, Option<bool> all, Option<string> kind, Option<string?> formats, Option<string?> tps, Option<string?> concurrency, Option<double?> minUserSpeed, Option<double?> maxTtft)
    {
        var pricing = options.ResolveContext(result);
        var catalog = pricing.Catalog;
        var baseConfig = options.ResolveConfiguration(result, catalog);
        var workload = options.ResolveWorkload(result);
        var axes = result.GetValue(kind) ?? "latency-cost";
        if (axes is not ("latency-cost" or "throughput"))
        {
            throw new CliUsageException($"--axes must be 'latency-cost' or 'throughput'; got '{axes}'.");
        }

        var weightIds = Split(result.GetValue(formats)) ?? [baseConfig.Weights.Id];
        var deviceCounts = Split(result.GetValue(tps))?.Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d >= 1 ? d : throw new CliUsageException($"--sweep-devices must list integers ≥ 1; got '{s}'.")).ToList();
        var configurations = new List<DeploymentConfiguration>();
        foreach (var weights in weightIds)
        {
            foreach (var devices in deviceCounts ?? [baseConfig.Devices])
            {
                configurations.Add(deviceCounts is null && weights == baseConfig.Weights.Id
                    ? baseConfig
                    : DeploymentConfiguration.Create(catalog, baseConfig.Model.Id, baseConfig.Hardware.Id, weights, result.GetValue(options.Activations), result.GetValue(options.KvCache), baseConfig.Stack.Id, deviceCounts is null ? baseConfig.Devices : devices, deviceCounts is null ? baseConfig.TensorParallel : devices, deviceCounts is null ? baseConfig.PipelineParallel : 1));
            }
        }

        if (SweepLists.PositiveInts(result, concurrency) is { } users)
        {
            var objective = new UserSpeedObjective
            {
                MinOutputTokensPerSecondPerUser = OptionValues.Number(result, minUserSpeed),
                MaxTimeToFirstToken = OptionValues.Number(result, maxTtft) is double t ? TimeInterval.FromMilliseconds(t) : null,
            };
            return UnderLoad(InteractivityCurve.Sweep(pricing, configurations, workload, users), objective, axes, result.GetValue(all), format);
        }

        if (result.GetValue(minUserSpeed) is not null || result.GetValue(maxTtft) is not null)
        {
            throw new CliUsageException("--min-user-tokens-per-second and --max-ttft-ms filter the continuous-batching sweep: give --concurrency as well.");
        }

        var points = LatencyCostFrontier.Evaluate(pricing, configurations, workload);
        if (points.Count == 0)
        {
            throw new CliUsageException($"no configuration fits: the weights of {baseConfig.Model.Id} do not fit on the devices swept.");
        }

        IReadOnlyList<FrontierPoint> shown = result.GetValue(all) ? points : axes == "throughput" ? LatencyCostFrontier.ParetoThroughput(points) : LatencyCostFrontier.ParetoLatencyCost(points);
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(new FrontierResponse { Axes = axes, Evaluated = points.Count, Points = shown.Select(ResponseMapper.ToResponse).ToArray() }, JsonOutput.Contracts.FrontierResponse);
        }
        else if (format == OutputFormat.Csv)
        {
            var inv = CultureInfo.InvariantCulture;
            var sb = new StringBuilder("hardware,devices,tensorParallel,weights,batch,timePerOutputTokenMs,timeToFirstTokenMs,costPerMillionOutputTokensUsd,decodeTokensPerSecond,decodeTokensPerSecondPerDevice,outputTokensPerSecondPerUser\n");
            foreach (var p in shown)
            {
                sb.Append(inv, $"{Csv(p.Configuration.Hardware.Id)},{p.Configuration.Devices},{p.Configuration.TensorParallel},{Csv(p.Configuration.Weights.Id)},{p.Batch},{p.TimePerOutputToken.Milliseconds:R},{p.TimeToFirstToken.Milliseconds:R},{p.CostPerMillionOutputTokens.Usd:R},{p.DecodeTokensPerSecond.TokensPerSecond:R},{p.DecodeTokensPerSecondPerDevice.TokensPerSecond:R},{p.OutputTokensPerSecondPerUser.TokensPerSecond:R}\n");
            }

            Console.Out.Write(sb.ToString());
        }
        else
        {
            var inv = CultureInfo.InvariantCulture;
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in Headers)
            {
                table.AddColumn(new TableColumn(h).RightAligned());
            }

            foreach (var p in shown)
            {
                table.AddRow(
                    p.Configuration.Devices.ToString(inv),
                    p.Configuration.Weights.Id,
                    p.Batch.ToString(inv),
                    p.TimePerOutputToken.Milliseconds.ToString("F2", inv),
                    p.TimeToFirstToken.Milliseconds.ToString("F1", inv),
                    p.CostPerMillionOutputTokens.Usd.ToString("F3", inv),
                    p.DecodeTokensPerSecond.TokensPerSecond.ToString("F0", inv),
                    p.DecodeTokensPerSecondPerDevice.TokensPerSecond.ToString("F0", inv),
                    p.OutputTokensPerSecondPerUser.TokensPerSecond.ToString("F1", inv));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"{shown.Count} of {points.Count} points shown ({(result.GetValue(all) ? "all" : "non-dominated")}); {baseConfig.Model.Id} on {baseConfig.Hardware.Id}.")));
        }

        return ExitCodes.Success;
    }

    private static string Csv(string text) => Rendering.OutputText.CsvField(text);

    private static int UnderLoad(InteractivityCurve curve, UserSpeedObjective objective, string axes, bool all, OutputFormat format)
    {
        if (curve.Points.Count == 0)
        {
            throw new CliUsageException("no configuration can run and be priced: " + string.Join("; ", curve.Skipped));
        }

        IReadOnlyList<CurvePoint> shown = all
            ? curve.Points.Where(objective.IsMetBy).ToList()
            : axes == "throughput" ? curve.ParetoFront.Where(objective.IsMetBy).ToList() : LatencyCostFrontier.ParetoSpeedCost(curve.Points, objective);
        var inv = CultureInfo.InvariantCulture;
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(new LoadFrontierResponse { Axes = axes, Evaluated = curve.Points.Count, Points = shown.Select(ResponseMapper.ToResponse).ToArray(), Skipped = curve.Skipped }, JsonOutput.Contracts.LoadFrontierResponse);
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
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in LoadHeaders)
            {
                table.AddColumn(new TableColumn(h).RightAligned());
            }

            foreach (var p in shown)
            {
                table.AddRow(
                    p.Configuration.Devices.ToString(inv),
                    p.Configuration.Weights.Id,
                    p.Concurrency.ToString(inv),
                    p.OutputTokensPerSecondPerUser.ToString("F1", inv),
                    p.TimeToFirstToken.Milliseconds.ToString("F0", inv),
                    p.TimePerOutputToken.Milliseconds.ToString("F2", inv),
                    p.CostPerMillionOutputTokens.Usd.ToString("F3", inv),
                    p.OutputTokensPerSecondPerDevice.ToString("F0", inv));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"{shown.Count} of {curve.Points.Count} continuous-batching points shown ({(all ? "all meeting the limits" : axes == "throughput" ? "per-hardware Pareto front" : "speed–cost frontier")}).")));
        }

        return ExitCodes.Success;
    }

    private static List<string>? Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
