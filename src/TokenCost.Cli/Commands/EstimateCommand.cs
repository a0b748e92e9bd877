using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Quantities;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost estimate</c>: time, throughput, memory fit and token cost of one configuration.</summary>
public static class EstimateCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var options = new DeploymentOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
        var format = new Option<OutputFormat>("--format") { Description = "table (default), html or markdown: the library's ToHtml()/ToMarkdown() of the report", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("estimate", "Estimate TTFT, time per output token, throughput, memory fit and $ per 1M tokens.\n\nExamples:\n  tokencost estimate\n  tokencost estimate --model llama-3.1-8b --hardware nvidia_h200_sxm --weights fp8 --batch 64 --json\n  tokencost estimate --hardware amd_mi300x --capex 15000 --utilization 0.7\n  tokencost estimate --format html > estimate.html");
        options.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(format);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var catalog = options.ResolveCatalog(result);
            var configuration = options.ResolveConfiguration(result, catalog);
            var workload = options.ResolveWorkload(result);
            var estimate = new RooflineEstimator(catalog.Profiles).Estimate(configuration, workload);
            var report = new TokenCostCalculator(options.ResolveCostModel(result), catalog.DataCenter).Calculate(estimate);
            if (result.GetValue(json))
            {
                JsonOutput.Write(w => WriteJson(w, report));
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

    /// <summary>Writes the estimate and its cost as one JSON object.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="report">The priced estimate.</param>
    public static void WriteJson(Utf8JsonWriter w, TokenCostReport report)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        var e = report.Estimate;
        var c = e.Configuration;
        w.WriteStartObject();
        w.WriteConfiguration(c);
        w.WriteNumber("batch", e.Batch);
        w.WriteNumber("inputTokens", e.Workload.InputTokens);
        w.WriteNumber("outputTokens", e.Workload.OutputTokens);
        w.WriteNumber("costPerMillionOutputTokensUsd", report.PerMillionOutputTokens.Usd);
        w.WriteNumber("costPerMillionInputTokensUsd", report.PerMillionInputTokens.Usd);
        w.WriteNumber("totalUsdPerHour", report.TotalPerHour.UsdPerHour);
        w.WriteStartObject("breakdown");
        w.WriteNumber("hardwareUsdPerHour", report.HardwarePerHour.UsdPerHour);
        w.WriteNumber("energyUsdPerHour", report.EnergyPerHour.UsdPerHour);
        w.WriteNumber("servingUsdPerHour", report.ServingPerHour.UsdPerHour);
        w.WriteStartArray("components");
        foreach (var part in report.Components)
        {
            w.WriteStartObject();
            w.WriteString("name", part.Name);
            w.WriteString("category", part.Category.ToString().ToLowerInvariant());
            w.WriteNumber("usdPerHour", part.PerHour.UsdPerHour);
            w.WriteNumber("costPerMillionInputTokensUsd", part.PerMillionInputTokens.Usd);
            w.WriteNumber("costPerMillionOutputTokensUsd", part.PerMillionOutputTokens.Usd);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteNumber("outputTokensPerSecond", e.DecodeTokensPerSecond.TokensPerSecond);
        w.WriteNumber("sustainedOutputTokensPerSecond", e.OutputTokensPerSecond.TokensPerSecond);
        w.WriteNumber("outputTokensPerSecondPerDevice", e.DecodeTokensPerSecond.TokensPerSecond / c.Devices);
        w.WriteNumber("perUserTokensPerSecond", e.PerUserTokensPerSecond.TokensPerSecond);
        w.WriteNumber("timePerOutputTokenMs", e.TimePerOutputToken.Milliseconds);
        w.WriteNumber("ttftMs", e.TimeToFirstToken.Milliseconds);
        w.WriteNumber("requestLatencyMs", e.RequestLatency.Milliseconds);
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
        foreach (var warning in e.Warnings)
        {
            w.WriteStringValue(warning);
        }

        w.WriteEndArray();
        w.WriteEndObject();
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
        Row("Cost per hour", report.TotalPerHour.ToString("F3", inv));
        foreach (var part in report.Components)
        {
            Row($"  {part.Name}", string.Create(inv, $"{part.PerHour.ToString("F3", inv)}  →  {part.PerMillionOutputTokens.ToString("F3", inv)} per 1M output"));
        }

        Row("$ per 1M input tokens", report.PerMillionInputTokens.ToString("F4", inv));
        Row("$ per 1M output tokens", report.PerMillionOutputTokens.ToString("F3", inv));
        Row("Energy per output token (accelerators)", e.EnergyPerOutputToken?.ToString("F3", inv) ?? "n/a (no TDP)");
        Row("gCO2e per 1M output tokens", report.GramsCo2ePerMillionOutputTokens?.ToString("F0", inv) ?? "n/a");
        AnsiConsole.Write(table);
        foreach (var warning in e.Warnings)
        {
            AnsiConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
        }
    }
}
