using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving.Load;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost estimate</c>: time, throughput, memory fit and token cost of one configuration.</summary>
public static class EstimateCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var options = new DeploymentOptions();
        var loadOptions = new LoadOptions();
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json, OutputFormat.Html, OutputFormat.Markdown);
        var command = new Command("estimate", "Estimate TTFT, time per output token, throughput, memory fit and $ per 1M tokens.\nhtml and markdown print the library's ToHtml()/ToMarkdown() of the static report (not with --disagg).\n\nExamples:\n  tokencost estimate\n  tokencost estimate --model llama-3.1-8b --hardware nvidia_h200_sxm --weights fp8 --batch 64 --format json\n  tokencost estimate --hardware amd_mi300x --capex 15000 --utilization 0.7\n  tokencost estimate --format html --out estimate.html\n  tokencost estimate --model llama-3.3-70b --hardware nvidia_h200_sxm --devices 8 --weights fp8 --stack vllm --input 1024 --output 1024 --load closed --concurrency 64 --json\n  tokencost estimate --model deepseek-r1 --hardware nvidia_h200_sxm --weights fp8 --stack sglang --input 1024 --output 1024 --disagg 1x8gTP8EP8DP+2x8gTP8EP8 --load closed --concurrency 256 --json");
        options.AddTo(command);
        command.Options.Add(options.Disaggregation);
        loadOptions.AddTo(command);
        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(result, format =>
        {
            var pricing = options.ResolveContext(result);
            var disaggregated = options.ResolveDisaggregation(result, pricing.Catalog);
            var configuration = disaggregated?.Decode ?? options.ResolveConfiguration(result, pricing.Catalog);
            var workload = options.ResolveWorkload(result);
            var load = loadOptions.Resolve(result);
            if (disaggregated is not null && load.Kind is not (LoadKind.Closed or LoadKind.Offline))
            {
                throw new CliUsageException("--disagg needs --load closed (with --concurrency) or --load offline: a disaggregated deployment is modelled as a closed loop.");
            }

            if (disaggregated is not null && format is (OutputFormat.Html or OutputFormat.Markdown))
            {
                throw new CliUsageException($"--disagg prints a table or JSON, not {format.ToString().ToLowerInvariant()}: html and markdown render the static report of one replica layout, which has no disaggregated form.");
            }

            var calculator = pricing.Calculator;
            var loaded = disaggregated is null ? pricing.Price(configuration, workload, load) : pricing.Price(disaggregated, workload, load);
            // Under a continuous load the hourly cost uses the power of the loaded operating point.
            var report = load.Kind == LoadKind.Static ? calculator.Calculate(loaded.Estimate.Static)
                : calculator.Calculate(loaded.Estimate.StaticAtAveragePower());
            switch (format)
            {
                case OutputFormat.Json:
                    JsonOutput.Write(ResponseMapper.ToResponse(report, loaded), JsonOutput.Contracts.EstimateResponse);
                    break;
                case OutputFormat.Html:
                    Console.Out.Write(report.ToHtml());
                    break;
                case OutputFormat.Markdown:
                    Console.Out.Write(report.ToMarkdown());
                    break;
                default:
                    if (load.Kind != LoadKind.Static)
                    {
                        WriteLoadedTable(loaded);
                    }
                    else
                    {
                        WriteTable(report);
                    }

                    break;
            }

            return ExitCodes.Success;
        }, options.Inputs(result))));
        return command;
    }

    private static void WriteLoadedTable(LoadedCostReport report)
    {
        var e = report.Estimate;
        var c = e.Configuration;
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Quantity").AddColumn(new TableColumn("Value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("Configuration", e.Disaggregated is { } pools
            ? $"{c.Model.Id} on {e.Devices} × {c.Hardware.Id}, disaggregated {pools.Notation} ({pools.Prefill.Devices} prefill + {pools.Decode.Devices} decode devices), {c.Stack.Id}"
            : $"{c.Model.Id} on {c.Devices} × {c.Hardware.Id} (TP {c.TensorParallel}, PP {c.PipelineParallel}), {c.Stack.Id}");
        Row("Load", e.Load.ToString());
        Row("Mean lengths (prompt / output)", string.Create(inv, $"{e.MeanInputTokens:F0} / {e.MeanOutputTokens:F0} tokens"));
        Row("Running sequences per replica", string.Create(inv, $"{e.RunningSequences} of at most {e.MaxRunningSequences}{(e.KvCacheLimited ? " (KV-cache limited)" : "")}"));
        Row("Mean TTFT", e.MeanTimeToFirstToken.ToString());
        Row("Mean / median TPOT", $"{e.MeanTimePerOutputToken} / {e.MedianTimePerOutputToken}");
        Row("Per-user output tokens/s", e.OutputTokensPerSecondPerUser.ToString("F1", inv));
        Row("Output / total tokens/s per device", string.Create(inv, $"{e.OutputTokensPerSecondPerDevice:F1} / {e.TotalTokensPerSecondPerDevice:F1}"));
        Row("Prefill-carrying iterations", e.PrefillIterationFraction.ToString("P1", inv));
        Row("Cost per hour", report.TotalCostPerHour.ToString("F3", inv));
        Row("$ per 1M input / output / total tokens", $"{report.CostPerMillionInputTokens.ToString("F4", inv)} / {report.CostPerMillionOutputTokens.ToString("F3", inv)} / {report.CostPerMillionTotalTokens.ToString("F4", inv)}");
        AnsiConsole.Write(table);
        foreach (var warning in e.Warnings)
        {
            AnsiConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        }
    }

    private static void WriteTable(TokenCostReport report)
    {
        var e = report.Estimate;
        var c = e.Configuration;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Quantity").AddColumn(new TableColumn("Value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        var inv = CultureInfo.InvariantCulture;
        Row("Configuration", $"{c.Model.Id} on {c.Devices} × {c.Hardware.Id} (TP {c.TensorParallel}, PP {c.PipelineParallel}), {c.Stack.Id}");
        Row("Formats (weights / activations / KV)", $"{c.Weights.Id}{(c.ExpertWeights is { } experts ? $" (experts {experts.Id})" : "")} / {c.Activations.Id} / {c.KvCache.Id}");
        Row("Workload", string.Create(inv, $"batch {e.Batch}, {e.Workload.InputTokens} prompt + {e.Workload.OutputTokens} output tokens"));
        Row("Memory per device", string.Create(inv, $"{e.Memory.Used} of {e.Memory.Capacity} (weights {e.Memory.WeightsPerDevice}); fits: {(e.Memory.Fits ? "yes" : "NO")}, max batch {e.Memory.MaxBatch}"));
        Row("Time to first token", e.TimeToFirstToken.ToString());
        Row("Time per output token", e.TimePerOutputToken.ToString());
        Row("Weight-read floor", (e.Decode.WeightBytesPerDevice / c.Hardware.MemoryBandwidth).ToString());
        Row("Bound (decode)", e.Bound.ToString().ToLowerInvariant());
        Row("Output tokens/s (decode, all devices)", e.DecodeTokensPerSecond.ToString("F1", inv));
        Row("Cost per hour", report.TotalCostPerHour.ToString("F3", inv));
        foreach (var part in report.Components)
        {
            Row($"  {part.Name}", string.Create(inv, $"{part.CostPerHour.ToString("F3", inv)}  →  {part.CostPerMillionOutputTokens.ToString("F3", inv)} per 1M output"));
        }

        Row("$ per 1M input tokens", report.CostPerMillionInputTokens.ToString("F4", inv));
        Row("$ per 1M output tokens", report.CostPerMillionOutputTokens.ToString("F3", inv));
        Row("Energy per output token (accelerators)", e.EnergyPerOutputToken?.ToString("F3", inv) ?? "n/a (no TDP)");
        Row("gCO2e per 1M output tokens", report.GramsCo2ePerMillionOutputTokens?.ToString("F0", inv) ?? "n/a");
        AnsiConsole.Write(table);
        foreach (var warning in e.Warnings)
        {
            AnsiConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        }
    }
}
