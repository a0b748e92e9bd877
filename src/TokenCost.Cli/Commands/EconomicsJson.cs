using System.Text.Json;
using TokenCost.Economics.Frontier;

namespace TokenCost.Cli.Commands;

/// <summary>JSON shapes shared by the economics commands.</summary>
public static class EconomicsJson
{
    /// <summary>Writes the properties of a frontier point (inside an object the caller opened).</summary>
    /// <param name="w">The writer.</param>
    /// <param name="p">The point.</param>
    public static void WritePointProperties(Utf8JsonWriter w, FrontierPoint p)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(p);
        var c = p.Configuration;
        w.WriteString("hardware", c.Hardware.Id);
        w.WriteNumber("devices", c.Devices);
        w.WriteNumber("tensorParallel", c.TensorParallel);
        w.WriteString("weights", c.Weights.Id);
        w.WriteString("activations", c.Activations.Id);
        w.WriteString("kvCache", c.KvCache.Id);
        w.WriteNumber("batch", p.Batch);
        w.WriteNumber("timePerOutputTokenMs", p.TimePerOutputToken.Milliseconds);
        w.WriteNumber("ttftMs", p.TimeToFirstToken.Milliseconds);
        w.WriteNumber("costPerMillionOutputTokensUsd", p.CostPerMillionOutputTokens.Usd);
        w.WriteNumber("costPerMillionInputTokensUsd", p.Report.CostPerMillionInputTokens.Usd);
        w.WriteNumber("outputTokensPerSecond", p.DecodeTokensPerSecond.TokensPerSecond);
        w.WriteNumber("outputTokensPerSecondPerDevice", p.DecodeTokensPerSecondPerDevice.TokensPerSecond);
        w.WriteNumber("perUserTokensPerSecond", p.OutputTokensPerSecondPerUser.TokensPerSecond);
        w.WriteNumber("usdPerHour", p.Report.TotalCostPerHour.UsdPerHour);
        w.WriteBoolean("fits", p.Fits);
    }
}
