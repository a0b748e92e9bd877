using System.Globalization;
using TokenCost.Estimation;

namespace TokenCost.Rendering;

/// <summary>Invariant-culture cell text shared by the views.</summary>
internal static class Cells
{
    public static string Number(double value, string format) => OutputText.Number(value, format);

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Usd(double value, string format) => "$" + Number(value, format);

    public static string Milliseconds(double value) => Number(value, "F2") + " ms";

    public static string Or(double? value, Func<double, string> format, string missing = "n/a") => value is double v ? format(v) : missing;

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Lower(Bound bound) => bound.ToString().ToLowerInvariant();

    /// <summary>Adds the rows that describe an estimate to a two-column quantity/value table.</summary>
    public static void AddEstimateRows(TableView table, PerformanceEstimate e)
    {
        var c = e.Configuration;
        table.Row("Model", c.Model.Id);
        table.Row("Hardware", FormattableString.Invariant($"{c.Devices} × {c.Hardware.Id} (TP {c.TensorParallel}, PP {c.PipelineParallel})"));
        table.Row("Serving stack", c.Stack.Id);
        table.Row("Formats (weights / activations / KV)", $"{c.Weights.Id}{(c.ExpertWeights is { } experts ? $" (experts {experts.Id})" : "")} / {c.Activations.Id} / {c.KvCache.Id}");
        table.Row("Workload", FormattableString.Invariant($"batch {e.Batch}, {e.Workload.InputTokens} prompt + {e.Workload.OutputTokens} output tokens"));
        table.Row("Memory per device (GB)", FormattableString.Invariant($"{Number(e.Memory.Used.Gigabytes, "F1")} of {Number(e.Memory.Capacity.Gigabytes, "F1")} (weights {Number(e.Memory.WeightsPerDevice.Gigabytes, "F1")})"));
        table.Row("Fits in memory", FormattableString.Invariant($"{YesNo(e.Memory.Fits)} (max batch {e.Memory.MaxBatch})"));
        table.Row("Time to first token", Milliseconds(e.TimeToFirstToken.Milliseconds));
        table.Row("Time per output token", Milliseconds(e.TimePerOutputToken.Milliseconds));
        table.Row("Request latency", Milliseconds(e.RequestLatency.Milliseconds));
        table.Row("Bound (decode)", Lower(e.Bound));
        table.Row("Output tokens/s (decode, all devices)", Number(e.DecodeTokensPerSecond.TokensPerSecond, "F1"));
        table.Row("Output tokens/s per user", Number(e.OutputTokensPerSecondPerUser.TokensPerSecond, "F1"));
        table.Row("Average power per device (W)", Or(e.AveragePowerPerDevice?.Watts, v => Number(v, "F0")));
        table.Row("Accelerator energy per output token (J)", Or(e.EnergyPerOutputToken?.Joules, v => Number(v, "F3")));
        foreach (var warning in e.Warnings)
        {
            table.Row("Warning", warning);
        }
    }
}
