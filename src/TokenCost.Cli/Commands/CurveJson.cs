using System.Text.Json;
using TokenCost.Cli.Infrastructure;
using TokenCost.Economics.Curves;

namespace TokenCost.Cli.Commands;

/// <summary>The JSON shape of an interactivity–throughput curve point (curve, frontier and optimize under load).</summary>
public static class CurveJson
{
    /// <summary>The CSV header matching <see cref="CsvRow"/>.</summary>
    public const string CsvHeader = "hardware,devices,tensorParallel,weights,concurrency,perUserOutputTokensPerSecond,ttftMs,tpotMs,outputTokensPerSecondPerDevice,totalTokensPerSecondPerDevice,costPerMillionInputTokensUsd,costPerMillionOutputTokensUsd,costPerMillionTotalTokensUsd,totalTokensPerSecondPerMegawatt,kvCacheLimited,onParetoFront,onCostParetoFront";

    /// <summary>Writes the properties of a point (inside an object the caller opened).</summary>
    /// <param name="w">The writer.</param>
    /// <param name="p">The point.</param>
    public static void WritePointProperties(Utf8JsonWriter w, CurvePoint p)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(p);
        var c = p.Configuration;
        w.WriteString("hardware", c.Hardware.Id);
        w.WriteNumber("devices", c.Devices);
        w.WriteNumber("tensorParallel", c.TensorParallel);
        w.WriteNumber("pipelineParallel", c.PipelineParallel);
        w.WriteString("weights", c.Weights.Id);
        w.WriteString("activations", c.Activations.Id);
        w.WriteString("kvCache", c.KvCache.Id);
        w.WriteString("stack", c.Stack.Id);
        w.WriteNumber("concurrency", p.Concurrency);
        w.WriteNumber("perUserOutputTokensPerSecond", p.OutputTokensPerSecondPerUser);
        w.WriteNumber("ttftMs", p.TimeToFirstToken.Milliseconds);
        w.WriteNumber("tpotMs", p.TimePerOutputToken.Milliseconds);
        w.WriteNumber("outputTokensPerSecondPerDevice", p.OutputTokensPerSecondPerDevice);
        w.WriteNumber("inputTokensPerSecondPerDevice", p.Estimate.InputTokensPerSecondPerDevice);
        w.WriteNumber("totalTokensPerSecondPerDevice", p.TotalTokensPerSecondPerDevice);
        w.WriteNumber("costPerMillionInputTokensUsd", p.CostPerMillionInputTokens.Usd);
        w.WriteNumber("costPerMillionOutputTokensUsd", p.CostPerMillionOutputTokens.Usd);
        w.WriteNumber("costPerMillionTotalTokensUsd", p.CostPerMillionTotalTokens.Usd);
        w.WriteNumber("usdPerHour", p.Report.TotalCostPerHour.UsdPerHour);
        w.NumberOrNull("facilityKwPerDevice", p.FacilityPowerPerDevice?.Kilowatts);
        w.NumberOrNull("outputTokensPerSecondPerMegawatt", p.OutputTokensPerSecondPerMegawatt);
        w.NumberOrNull("totalTokensPerSecondPerMegawatt", p.TotalTokensPerSecondPerMegawatt);
        w.WriteNumber("runningSequencesPerReplica", p.Estimate.RunningSequences);
        w.WriteBoolean("kvCacheLimited", p.Estimate.KvCacheLimited);
        w.WriteBoolean("onParetoFront", p.OnParetoFront);
        w.WriteBoolean("onCostParetoFront", p.OnCostParetoFront);
    }

    /// <summary>Formats a point as a CSV row (invariant culture, round-trip numbers), matching <see cref="CsvHeader"/>.</summary>
    /// <param name="p">The point.</param>
    /// <returns>The row, without a line break.</returns>
    public static string CsvRow(CurvePoint p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var c = p.Configuration;
        return FormattableString.Invariant(
            $"{c.Hardware.Id},{c.Devices},{c.TensorParallel},{c.Weights.Id},{p.Concurrency},{p.OutputTokensPerSecondPerUser:R},{p.TimeToFirstToken.Milliseconds:R},{p.TimePerOutputToken.Milliseconds:R},{p.OutputTokensPerSecondPerDevice:R},{p.TotalTokensPerSecondPerDevice:R},{p.CostPerMillionInputTokens.Usd:R},{p.CostPerMillionOutputTokens.Usd:R},{p.CostPerMillionTotalTokens.Usd:R},{p.TotalTokensPerSecondPerMegawatt?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? ""},{(p.Estimate.KvCacheLimited ? "true" : "false")},{(p.OnParetoFront ? "true" : "false")},{(p.OnCostParetoFront ? "true" : "false")}");
    }
}
