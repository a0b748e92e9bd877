using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving.Layouts;

namespace TokenCost.Serving.Load;

/// <summary>
/// A deployment's steady state under a load: the mean engine iteration, latencies as <c>benchmark_serving</c> reports them, and
/// throughput per device (docs/roofline.md, "Serving under load").
/// </summary>
/// <remarks>This type is immutable and thread-safe. Rates per device count every device of the deployment; counts of sequences are per replica.</remarks>
public sealed class LoadedEstimate
{
    /// <summary>Gets the load assumed.</summary>
    public ServingLoad Load { get; internal init; } = null!;

    /// <summary>Gets the static estimate of the same deployment and workload at the mean running batch (memory plan, warnings, per-phase power).</summary>
    public PerformanceEstimate Static { get; internal init; } = null!;

    /// <summary>Gets the deployment (for a disaggregated deployment, its decode pool).</summary>
    public DeploymentConfiguration Configuration => Static.Configuration;

    /// <summary>Gets the disaggregated prefill/decode deployment estimated (then <see cref="Configuration"/> is its decode pool), or null when every replica both prefills and decodes.</summary>
    /// <value>The default value is null.</value>
    public DisaggregatedDeployment? Disaggregated { get; internal init; }

    /// <summary>Gets the fraction of time the prefill pool of a disaggregated deployment is busy, in [0, 1] (0 when not disaggregated): the share of its hourly cost prompt tokens pay for.</summary>
    /// <value>The default value is 0.</value>
    public double PrefillPoolUtilization { get => field; internal init => field = Internal.Guard.Fraction(value, nameof(PrefillPoolUtilization)); }

    /// <summary>
    /// Gets the time to move one request's KV cache from the prefill pool to the decode pool of a disaggregated deployment over the
    /// interconnect (part of <see cref="MeanTimeToFirstToken"/>), or zero when not disaggregated.
    /// </summary>
    /// <value>The default value is zero.</value>
    public TimeInterval KvTransferTime { get; internal init; }

    /// <summary>Gets the devices of the whole deployment: <see cref="Configuration"/>'s, plus the prefill pool's when disaggregated.</summary>
    public int Devices => Disaggregated?.Devices ?? Configuration.Devices;

    /// <summary>Gets the layout in the case-tag notation: the replica's (for example <c>TP8EP8DP</c>), or the pools' when disaggregated (for example <c>1x8gTP8EP8DP+9x8gTP8EP8</c>).</summary>
    public string LayoutNotation => Disaggregated?.Notation ?? Configuration.LayoutNotation;

    /// <summary>Gets the mean prompt tokens per request the model used (the nominal length × <see cref="ServingLoad.MeanLengthFraction"/>).</summary>
    public double MeanInputTokens { get; internal init; }

    /// <summary>Gets the mean output tokens per request the model used (the nominal length × <see cref="ServingLoad.MeanLengthFraction"/>).</summary>
    public double MeanOutputTokens { get; internal init; }

    /// <summary>Gets the mean number of sequences holding a slot (KV cache) per replica, rounded to the nearest integer.</summary>
    public int RunningSequences { get; internal init; }

    /// <summary>Gets the mean number of sequences decoding in an iteration per replica (running sequences not in their prefill).</summary>
    public double DecodingSequences { get; internal init; }

    /// <summary>Gets the largest number of sequences per replica that can run at once: the KV-cache memory limit at the mean context, capped by the stack's sequence limit.</summary>
    public int MaxRunningSequences { get; internal init; }

    /// <summary>Gets a value indicating whether KV-cache memory (not the clients) limits the running sequences: further clients wait for a slot, which adds to TTFT.</summary>
    public bool KvCacheLimited { get; internal init; }

    /// <summary>Gets a value indicating whether Poisson arrivals exceed the capacity: the queue grows without bound and the figures are those at capacity.</summary>
    public bool Saturated { get; internal init; }

    /// <summary>Gets the mean engine iteration time (decode-only and prefill-carrying iterations, weighted by how often each occurs).</summary>
    public TimeInterval IterationTime { get; internal init; }

    /// <summary>Gets the time of an iteration that only decodes the running sequences.</summary>
    public TimeInterval DecodeIterationTime { get; internal init; }

    /// <summary>Gets the time of an iteration that also processes a prefill chunk.</summary>
    public TimeInterval MixedIterationTime { get; internal init; }

    /// <summary>Gets the fraction of iterations that carry prefill tokens, in [0, 1].</summary>
    public double PrefillIterationFraction { get; internal init; }

    /// <summary>Gets the mean over requests of the per-request TPOT, (end-to-end latency − TTFT) ÷ (output tokens − 1).</summary>
    public TimeInterval MeanTimePerOutputToken { get; internal init; }

    /// <summary>Gets the median over requests of the per-request TPOT (the fluid model gives the mean; see docs/roofline.md).</summary>
    public TimeInterval MedianTimePerOutputToken { get; internal init; }

    /// <summary>Gets the mean time to first token: waiting for a slot and for prefill budget, plus the prefill itself.</summary>
    public TimeInterval MeanTimeToFirstToken { get; internal init; }

    /// <summary>Gets the mean end-to-end latency of a request: TTFT + (output tokens − 1) × mean TPOT.</summary>
    public TimeInterval MeanRequestLatency => MeanTimeToFirstToken + (MeanTimePerOutputToken * Math.Max(0, MeanOutputTokens - 1));

    /// <summary>Gets the output tokens per second one user receives on the decode time base: 1 ÷ median TPOT (InferenceX "interactivity"), tokens/s.</summary>
    public double OutputTokensPerSecondPerUser => 1 / MedianTimePerOutputToken.Seconds;

    /// <summary>Gets the output tokens per second one user receives on the end-to-end time base: output tokens ÷ mean end-to-end latency, tokens/s.</summary>
    public double SustainedOutputTokensPerSecondPerUser => MeanOutputTokens / MeanRequestLatency.Seconds;

    /// <summary>Gets the completed requests per second of one replica (of the decode pool when disaggregated).</summary>
    public double RequestsPerSecondPerReplica { get; internal init; }

    /// <summary>Gets the output tokens per second per device of the deployment at this load, tokens/s/device.</summary>
    public double OutputTokensPerSecondPerDevice => PerDevice(MeanOutputTokens);

    /// <summary>Gets the prompt tokens per second per device of the deployment at this load, tokens/s/device.</summary>
    public double InputTokensPerSecondPerDevice => PerDevice(MeanInputTokens);

    /// <summary>Gets the prompt plus output tokens per second per device, tokens/s/device.</summary>
    public double TotalTokensPerSecondPerDevice => OutputTokensPerSecondPerDevice + InputTokensPerSecondPerDevice;

    /// <summary>Gets the time-weighted mean board power of one device at this operating point, or null when the hardware lists no TDP.</summary>
    public Power? AveragePowerPerDevice { get; internal init; }

    /// <summary>Gets the dominant bound of the mean iteration.</summary>
    public Bound Bound { get; internal init; }

    /// <summary>Gets warnings about the operating point (memory, saturation, context).</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];

    /// <summary>
    /// Gets the static estimate with both phases drawing <see cref="AveragePowerPerDevice"/>: the estimate whose hourly energy cost is that
    /// of this operating point (what <see cref="Costs.TokenCostCalculator.Calculate(LoadedEstimate)"/> prices).
    /// </summary>
    /// <returns>The static estimate at this operating point's power.</returns>
    public PerformanceEstimate StaticAtAveragePower() =>
        Static with { PrefillPowerPerDevice = AveragePowerPerDevice, DecodePowerPerDevice = AveragePowerPerDevice };

    // Tokens per second per device of the whole deployment; a disaggregated deployment counts the devices of both pools.
    private double PerDevice(double tokensPerRequest) => Disaggregated is null
        ? RequestsPerSecondPerReplica * tokensPerRequest / Configuration.DevicesPerReplica
        : RequestsPerSecondPerReplica * Configuration.Replicas * tokensPerRequest / Devices;
}
