namespace TokenCost.Validation;

/// <summary>Maps <see cref="CaseMetric"/> values to and from the ids and units used in case files.</summary>
/// <remarks>This type is stateless and thread-safe.</remarks>
public static class CaseMetrics
{
    private static readonly (CaseMetric Metric, string Id, string Unit)[] Table =
    [
        (CaseMetric.OutputTokensPerSecond, "output_tokens_per_s", "tokens/s"),
        (CaseMetric.OutputTokensPerSecondPerDevice, "output_tokens_per_s_per_device", "tokens/s/device"),
        (CaseMetric.OutputTokensPerSecondPerUser, "per_user_output_tokens_per_s", "tokens/s"),
        (CaseMetric.TimePerOutputToken, "time_per_output_token_ms", "ms"),
        (CaseMetric.TimeToFirstToken, "ttft_ms", "ms"),
        (CaseMetric.EndToEndLatency, "e2e_latency_ms", "ms"),
        (CaseMetric.PrefillTokensPerSecond, "prefill_tokens_per_s", "tokens/s"),
        (CaseMetric.StepTime, "step_ms", "ms"),
        (CaseMetric.JoulesPerOutputToken, "joules_per_output_token", "J/token"),
        (CaseMetric.TotalTokensPerSecondPerDevice, "total_tokens_per_s_per_device", "tokens/s/device"),
    ];

    /// <summary>Gets every metric id, in definition order.</summary>
    public static IReadOnlyList<string> Ids { get; } = Table.Select(t => t.Id).ToArray();

    /// <summary>Gets the id of a metric as written in case files (for example <c>ttft_ms</c>).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The id.</returns>
    public static string Id(this CaseMetric metric) => Find(metric).Id;

    /// <summary>Gets the unit of a metric's values (for example <c>ms</c>).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The unit.</returns>
    public static string Unit(this CaseMetric metric) => Find(metric).Unit;

    /// <summary>Tries to parse a metric id.</summary>
    /// <param name="id">The id, for example <c>step_ms</c>.</param>
    /// <param name="metric">The metric, when known.</param>
    /// <returns><see langword="true"/> when the id is one of the ten metric ids.</returns>
    public static bool TryParse(string? id, out CaseMetric metric)
    {
        foreach (var t in Table)
        {
            if (string.Equals(t.Id, id, StringComparison.Ordinal))
            {
                metric = t.Metric;
                return true;
            }
        }

        metric = default;
        return false;
    }

    private static (CaseMetric Metric, string Id, string Unit) Find(CaseMetric metric) =>
        Array.Find(Table, t => t.Metric == metric) is { Id: not null } found ? found : throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric");
}
