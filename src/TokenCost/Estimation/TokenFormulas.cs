namespace TokenCost.Estimation;

/// <summary>
/// The one home of the throughput, $/token and energy-per-token formulas: the full estimate (<see cref="PerformanceEstimate"/>), the
/// allocation-free fast path (<see cref="RooflineEstimator.Summarize(PreparedDeployment, int?, int, int, Quantities.HourlyRate?)"/>),
/// the cost calculator and every analyser compute these figures here, in plain doubles (no allocation), so they cannot drift apart.
/// </summary>
/// <remarks>
/// Units: seconds, tokens, tokens per second (whole deployment unless the name says otherwise), USD per hour, USD, watts, joules.
/// A batch is per replica; a deployment has <c>replicas</c> replicas of <c>devicesPerReplica</c> devices.
/// </remarks>
internal static class TokenFormulas
{
    /// <summary>Tokens in one million.</summary>
    public const double TokensPerMillion = 1e6;

    /// <summary>Seconds in one hour.</summary>
    public const double SecondsPerHour = 3600;

    /// <summary>Request latency = TTFT + (output − 1) × TPOT: the first output token comes out of the prefill.</summary>
    /// <param name="timeToFirstTokenSeconds">The prefill time of the batch, s.</param>
    /// <param name="timePerOutputTokenSeconds">One decode step, s.</param>
    /// <param name="outputTokens">Output tokens per sequence.</param>
    /// <returns>The latency, s.</returns>
    public static double RequestLatencySeconds(double timeToFirstTokenSeconds, double timePerOutputTokenSeconds, int outputTokens) =>
        timeToFirstTokenSeconds + (timePerOutputTokenSeconds * Math.Max(0, outputTokens - 1));

    /// <summary>Requests completed per second by the deployment when batches run back to back: batch × replicas ÷ request latency (0 for a zero latency).</summary>
    /// <param name="batch">Sequences per replica.</param>
    /// <param name="replicas">Replicas.</param>
    /// <param name="requestLatencySeconds">The request latency, s.</param>
    /// <returns>Requests per second.</returns>
    public static double RequestsPerSecond(int batch, int replicas, double requestLatencySeconds) =>
        requestLatencySeconds > 0 ? (double)batch * replicas / requestLatencySeconds : 0;

    /// <summary>Sustained output throughput, prefill included: batch × output × replicas ÷ request latency (0 for a zero latency).</summary>
    /// <param name="batch">Sequences per replica.</param>
    /// <param name="outputTokens">Output tokens per sequence.</param>
    /// <param name="replicas">Replicas.</param>
    /// <param name="requestLatencySeconds">The request latency, s.</param>
    /// <returns>Output tokens per second of the deployment.</returns>
    public static double SustainedOutputTokensPerSecond(int batch, int outputTokens, int replicas, double requestLatencySeconds) =>
        requestLatencySeconds > 0 ? (double)batch * outputTokens * replicas / requestLatencySeconds : 0;

    /// <summary>Decode-phase throughput: batch × replicas ÷ TPOT (one decode step yields one token per sequence).</summary>
    /// <param name="batch">Sequences per replica.</param>
    /// <param name="replicas">Replicas.</param>
    /// <param name="timePerOutputTokenSeconds">One decode step, s.</param>
    /// <returns>Output tokens per second of the deployment during decode.</returns>
    public static double DecodeTokensPerSecond(int batch, int replicas, double timePerOutputTokenSeconds) =>
        (double)batch * replicas / timePerOutputTokenSeconds;

    /// <summary>Prefill-phase throughput: batch × prompt × replicas ÷ TTFT.</summary>
    /// <param name="batch">Sequences per replica.</param>
    /// <param name="inputTokens">Prompt tokens per sequence.</param>
    /// <param name="replicas">Replicas.</param>
    /// <param name="timeToFirstTokenSeconds">The prefill time of the batch, s.</param>
    /// <returns>Prompt tokens per second of the deployment during prefill.</returns>
    public static double PrefillTokensPerSecond(int batch, int inputTokens, int replicas, double timeToFirstTokenSeconds) =>
        (double)batch * inputTokens * replicas / timeToFirstTokenSeconds;

    /// <summary>One user's decode speed: 1 ÷ TPOT.</summary>
    /// <param name="timePerOutputTokenSeconds">One decode step, s.</param>
    /// <returns>Output tokens per second one sequence receives.</returns>
    public static double OutputTokensPerSecondPerUser(double timePerOutputTokenSeconds) => 1 / timePerOutputTokenSeconds;

    /// <summary>
    /// The cost of one million tokens produced at a rate: USD/h × 10⁶ ÷ (tokens/s × 3600) — the hours of deployment time a million
    /// tokens take, times the hourly cost (0 when no tokens are produced). Static output tokens use the decode rate, input tokens the
    /// prefill rate; under load, each phase's share of the hourly cost over its tokens per second.
    /// </summary>
    /// <param name="usdPerHour">The hourly cost charged to these tokens, USD/h.</param>
    /// <param name="tokensPerSecond">The tokens produced per second, ≥ 0.</param>
    /// <returns>USD per one million tokens.</returns>
    public static double UsdPerMillionTokens(double usdPerHour, double tokensPerSecond) =>
        tokensPerSecond > 0 ? usdPerHour * TokensPerMillion / (tokensPerSecond * SecondsPerHour) : 0;

    /// <summary>Tokens per second that an hourly cost buys at a given $/1M (the inverse of <see cref="UsdPerMillionTokens"/>).</summary>
    /// <param name="usdPerHour">The hourly cost, USD/h.</param>
    /// <param name="usdPerMillionTokens">The price of one million tokens, USD, &gt; 0.</param>
    /// <returns>Tokens per second.</returns>
    public static double TokensPerSecondAt(double usdPerHour, double usdPerMillionTokens) =>
        usdPerHour * TokensPerMillion / (usdPerMillionTokens * SecondsPerHour);

    /// <summary>Board energy per output token during decode: power per device × TPOT × devices per replica ÷ batch.</summary>
    /// <param name="powerPerDeviceWatts">Average board power of one device during decode, W.</param>
    /// <param name="timePerOutputTokenSeconds">One decode step, s.</param>
    /// <param name="devicesPerReplica">Devices of one replica.</param>
    /// <param name="batch">Sequences per replica.</param>
    /// <returns>Joules per output token.</returns>
    public static double EnergyPerOutputTokenJoules(double powerPerDeviceWatts, double timePerOutputTokenSeconds, int devicesPerReplica, int batch) =>
        powerPerDeviceWatts * timePerOutputTokenSeconds * devicesPerReplica / batch;
}
