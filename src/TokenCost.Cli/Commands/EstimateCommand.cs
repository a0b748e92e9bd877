using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;
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
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
        var format = new Option<OutputFormat>("--format") { Description = "table (default), html or markdown: the library's ToHtml()/ToMarkdown() of the report", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("estimate", "Estimate TTFT, time per output token, throughput, memory fit and $ per 1M tokens.\n\nExamples:\n  tokencost estimate\n  tokencost estimate --model llama-3.1-8b --hardware nvidia_h200_sxm --weights fp8 --batch 64 --json\n  tokencost estimate --hardware amd_mi300x --capex 15000 --utilization 0.7\n  tokencost estimate --format html > estimate.html\n  tokencost estimate --model llama-3.3-70b --hardware nvidia_h200_sxm --devices 8 --weights fp8 --stack vllm --input 1024 --output 1024 --load closed --concurrency 64 --json");
        options.AddTo(command);
        loadOptions.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(format);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var catalog = options.ResolveCatalog(result);
            var configuration = options.ResolveConfiguration(result, catalog);
            var workload = options.ResolveWorkload(result);
            var load = loadOptions.Resolve(result);
            var estimator = new RooflineEstimator(catalog.Profiles);
            var calculator = new TokenCostCalculator(options.ResolveCostModel(result), catalog.DataCenter);
            var loaded = calculator.Calculate(new ContinuousBatchingEstimator(estimator).Estimate(configuration, workload, load));
            // Under a continuous load the hourly cost uses the power of the loaded operating point.
            var report = load.Kind == LoadKind.Static ? calculator.Calculate(loaded.Estimate.Static)
                : calculator.Calculate(loaded.Estimate.Static with { PrefillPowerPerDevice = loaded.Estimate.AveragePowerPerDevice, DecodePowerPerDevice = loaded.Estimate.AveragePowerPerDevice });
            if (result.GetValue(json))
            {
                JsonOutput.Write(w => WriteJson(w, report, loaded));
            }
            else if (load.Kind != LoadKind.Static)
            {
                WriteLoadedTable(loaded);
            }
            else if (result.GetValue(format) == OutputFormat.Html)
            {
                Console.Out.Write(report.ToHtml());
            }
            else if (result.GetValue(format) == OutputFormat.Markdown)
            {
                Console.Out.Write(report.ToMarkdown());
            }
            else
            {
                WriteTable(report);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Writes the estimate and its cost as one JSON object. With a loaded report, the keys <c>batch</c> (mean running sequences per
    /// replica), <c>outputTokensPerSecond</c>, <c>outputTokensPerSecondPerDevice</c>, <c>perUserTokensPerSecond</c>, <c>timePerOutputTokenMs</c>,
    /// <c>ttftMs</c>, <c>requestLatencyMs</c> and the $/1M keys describe the loaded operating point (under <c>--load static</c> they equal
    /// the static estimate's), and the keys <c>perUserOutputTokensPerSecond</c>, <c>totalTokensPerSecondPerDevice</c>,
    /// <c>costPerMillionTotalTokensUsd</c> and <c>load</c> are added.
    /// </summary>
    /// <param name="w">The writer.</param>
    /// <param name="report">The priced static estimate (memory plan, power and cost breakdown; under a continuous load, priced at the loaded power).</param>
    /// <param name="loaded">The priced loaded operating point, or null for the static estimate alone.</param>
    public static void WriteJson(Utf8JsonWriter w, TokenCostReport report, LoadedCostReport? loaded = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        var e = report.Estimate;
        var c = e.Configuration;
        var l = loaded?.Estimate;
        var continuous = l is not null && l.Load.Kind != LoadKind.Static;
        w.WriteStartObject();
        w.WriteConfiguration(c);
        w.WriteNumber("batch", l?.RunningSequences ?? e.Batch);
        w.WriteNumber("inputTokens", e.Workload.InputTokens);
        w.WriteNumber("outputTokens", e.Workload.OutputTokens);
        w.WriteNumber("costPerMillionOutputTokensUsd", continuous ? loaded!.CostPerMillionOutputTokens.Usd : report.CostPerMillionOutputTokens.Usd);
        w.WriteNumber("costPerMillionInputTokensUsd", continuous ? loaded!.CostPerMillionInputTokens.Usd : report.CostPerMillionInputTokens.Usd);
        w.WriteNumber("totalUsdPerHour", report.TotalCostPerHour.UsdPerHour);
        w.WriteStartObject("breakdown");
        w.WriteNumber("hardwareUsdPerHour", report.HardwareCostPerHour.UsdPerHour);
        w.WriteNumber("energyUsdPerHour", report.EnergyCostPerHour.UsdPerHour);
        w.WriteNumber("servingUsdPerHour", report.ServingCostPerHour.UsdPerHour);
        w.WriteStartArray("components");
        foreach (var part in continuous ? loaded!.Components : report.Components)
        {
            w.WriteStartObject();
            w.WriteString("name", part.Name);
            w.WriteString("category", part.Category.ToString().ToLowerInvariant());
            w.WriteNumber("usdPerHour", part.CostPerHour.UsdPerHour);
            w.WriteNumber("costPerMillionInputTokensUsd", part.CostPerMillionInputTokens.Usd);
            w.WriteNumber("costPerMillionOutputTokensUsd", part.CostPerMillionOutputTokens.Usd);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteNumber("outputTokensPerSecond", continuous ? l!.OutputTokensPerSecondPerDevice * c.Devices : e.DecodeTokensPerSecond.TokensPerSecond);
        w.WriteNumber("sustainedOutputTokensPerSecond", continuous ? l!.OutputTokensPerSecondPerDevice * c.Devices : e.SustainedOutputTokensPerSecond.TokensPerSecond);
        w.WriteNumber("outputTokensPerSecondPerDevice", continuous ? l!.OutputTokensPerSecondPerDevice : e.DecodeTokensPerSecond.TokensPerSecond / c.Devices);
        w.WriteNumber("perUserTokensPerSecond", continuous ? l!.OutputTokensPerSecondPerUser : e.OutputTokensPerSecondPerUser.TokensPerSecond);
        w.WriteNumber("timePerOutputTokenMs", continuous ? l!.MeanTimePerOutputToken.Milliseconds : e.TimePerOutputToken.Milliseconds);
        w.WriteNumber("ttftMs", continuous ? l!.MeanTimeToFirstToken.Milliseconds : e.TimeToFirstToken.Milliseconds);
        w.WriteNumber("requestLatencyMs", continuous ? l!.MeanRequestLatency.Milliseconds : e.RequestLatency.Milliseconds);
        if (loaded is not null)
        {
            w.WriteNumber("perUserOutputTokensPerSecond", l!.OutputTokensPerSecondPerUser);
            w.WriteNumber("totalTokensPerSecondPerDevice", l.TotalTokensPerSecondPerDevice);
            w.WriteNumber("costPerMillionTotalTokensUsd", loaded.CostPerMillionTotalTokens.Usd);
            w.WriteStartObject("load");
            w.WriteString("kind", l.Load.Kind.ToString().ToLowerInvariant());
            w.NumberOrNull("concurrency", l.Load.Concurrency);
            w.NumberOrNull("requestsPerSecond", l.Load.RequestsPerSecond);
            w.WriteNumber("runningSequencesPerReplica", l.RunningSequences);
            w.WriteNumber("maxRunningSequencesPerReplica", l.MaxRunningSequences);
            w.WriteBoolean("kvCacheLimited", l.KvCacheLimited);
            w.WriteBoolean("saturated", l.Saturated);
            w.WriteNumber("prefillIterationFraction", l.PrefillIterationFraction);
            w.WriteNumber("iterationMs", l.IterationTime.Milliseconds);
            w.WriteEndObject();
        }

        w.WriteNumber("weightReadFloorMs", (e.Decode.WeightBytesPerDevice / c.Hardware.MemoryBandwidth).Milliseconds);
        w.WriteString("bound", e.Bound.ToString().ToLowerInvariant());
        w.WriteBoolean("fits", e.Memory.Fits);
        w.WriteNumber("maxBatch", e.Memory.MaxBatch);
        w.WriteStartObject("memory");
        w.WriteNumber("capacityGb", e.Memory.Capacity.Gigabytes);
        w.WriteNumber("weightsPerDeviceGb", e.Memory.WeightsPerDevice.Gigabytes);
        w.WriteNumber("reserveGb", e.Memory.Reserve.Gigabytes);
        w.WriteNumber("kvCacheBudgetGb", e.Memory.KvCacheBudget.Gigabytes);
        w.WriteNumber("kvCachePerSequenceGb", e.Memory.KvCachePerSequence.Gigabytes);
        w.WriteNumber("usedGb", e.Memory.Used.Gigabytes);
        w.WriteEndObject();
        w.NumberOrNull("joulesPerOutputToken", e.EnergyPerOutputToken?.Joules);
        w.NumberOrNull("averagePowerPerDeviceW", e.AveragePowerPerDevice?.Watts);
        w.WriteNumber("facilityPowerW", report.FacilityPower.Watts);
        w.NumberOrNull("gramsCo2ePerMillionOutputTokens", report.GramsCo2ePerMillionOutputTokens);
        w.WriteStartArray("warnings");
        foreach (var warning in continuous ? l!.Warnings : e.Warnings)
        {
            w.WriteStringValue(warning);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteLoadedTable(LoadedCostReport report)
    {
        var e = report.Estimate;
        var c = e.Configuration;
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Quantity").AddColumn(new TableColumn("Value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("Configuration", $"{c.Model.Id} on {c.Devices} × {c.Hardware.Id} (TP {c.TensorParallel}, PP {c.PipelineParallel}), {c.Stack.Id}");
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
