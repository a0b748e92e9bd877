using TokenCost.Economics.Curves;

namespace TokenCost.Cli.Commands;

/// <summary>The CSV shape of an interactivity–throughput curve point (curve and frontier under load); the columns are keys of the JSON contract <c>CurvePointResponse</c>.</summary>
public static class CurveCsv
{
    /// <summary>The CSV header matching <see cref="CsvRow"/>.</summary>
    public const string CsvHeader = "hardware,devices,tensorParallel,weights,concurrency,outputTokensPerSecondPerUser,meanTimeToFirstTokenMs,medianTimePerOutputTokenMs,outputTokensPerSecondPerDevice,totalTokensPerSecondPerDevice,costPerMillionInputTokensUsd,costPerMillionOutputTokensUsd,costPerMillionTotalTokensUsd,totalTokensPerSecondPerMegawatt,kvCacheLimited,onParetoFront,onCostParetoFront,layout";

    /// <summary>Formats a point as a CSV row (invariant culture, round-trip numbers), matching <see cref="CsvHeader"/>.</summary>
    /// <param name="p">The point.</param>
    /// <returns>The row, without a line break.</returns>
    public static string CsvRow(CurvePoint p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var c = p.Configuration;
        return FormattableString.Invariant(
            $"{c.Hardware.Id},{p.Devices},{c.TensorParallel},{c.Weights.Id},{p.Concurrency},{p.OutputTokensPerSecondPerUser:R},{p.TimeToFirstToken.Milliseconds:R},{p.TimePerOutputToken.Milliseconds:R},{p.OutputTokensPerSecondPerDevice:R},{p.TotalTokensPerSecondPerDevice:R},{p.CostPerMillionInputTokens.Usd:R},{p.CostPerMillionOutputTokens.Usd:R},{p.CostPerMillionTotalTokens.Usd:R},{p.TotalTokensPerSecondPerMegawatt?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? ""},{(p.Estimate.KvCacheLimited ? "true" : "false")},{(p.OnParetoFront ? "true" : "false")},{(p.OnCostParetoFront ? "true" : "false")},{p.Layout}");
    }
}
