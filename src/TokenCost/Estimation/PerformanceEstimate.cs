using TokenCost.Quantities;

namespace TokenCost.Estimation;

/// <summary>
/// The estimator's answer for a deployment and a workload: memory fit, time to first token, time per output token,
/// throughput, power and the dominant bound, with the step estimates behind them.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. Every derived figure comes from <see cref="TokenFormulas"/> (shared with the fast path and the cost calculator). Definitions: TTFT = prefill step of the batch; TPOT = one decode step at the mid-generation
/// context (input + output ÷ 2), which is exact for the KV term because it is linear in context; request latency = TTFT + (output − 1) × TPOT.
/// </remarks>
public sealed partial record PerformanceEstimate
{
    /// <summary>Gets the deployment.</summary>
    public DeploymentConfiguration Configuration { get; internal init; } = null!;

    /// <summary>Gets the workload as requested.</summary>
    public Workload Workload { get; internal init; } = null!;

    /// <summary>Gets the batch per replica actually modelled (the requested one, or the largest that fits when the workload leaves it open).</summary>
    public int Batch { get; internal init; }

    /// <summary>Gets the memory plan.</summary>
    public MemoryPlan Memory { get; internal init; }

    /// <summary>Gets the prefill step (all prompt tokens of the batch).</summary>
    public StepEstimate Prefill { get; internal init; }

    /// <summary>Gets the decode step at the mid-generation context.</summary>
    public StepEstimate Decode { get; internal init; }

    /// <summary>Gets the time to first token.</summary>
    public TimeInterval TimeToFirstToken => Prefill.Time;

    /// <summary>Gets the time per output token (between consecutive tokens of one sequence).</summary>
    public TimeInterval TimePerOutputToken => Decode.Time;

    /// <summary>Gets the time from submission until every sequence of the batch has all its output tokens.</summary>
    public TimeInterval RequestLatency => TimeInterval.FromSeconds(TokenFormulas.RequestLatencySeconds(TimeToFirstToken.Seconds, TimePerOutputToken.Seconds, Workload.OutputTokens));

    /// <summary>Gets the decode throughput of the whole deployment: batch × replicas ÷ TPOT.</summary>
    public TokenRate DecodeTokensPerSecond => TokenRate.FromTokensPerSecond(TokenFormulas.DecodeTokensPerSecond(Batch, Configuration.Replicas, TimePerOutputToken.Seconds));

    /// <summary>Gets the sustained output throughput of the whole deployment, prefill included: batch × output × replicas ÷ request latency.</summary>
    public TokenRate SustainedOutputTokensPerSecond => TokenRate.FromTokensPerSecond(TokenFormulas.SustainedOutputTokensPerSecond(Batch, Workload.OutputTokens, Configuration.Replicas, RequestLatency.Seconds));

    /// <summary>Gets <see cref="SustainedOutputTokensPerSecond"/> divided by the number of devices.</summary>
    public TokenRate SustainedOutputTokensPerSecondPerDevice => SustainedOutputTokensPerSecond / Configuration.Devices;

    /// <summary>Gets the prefill throughput of the whole deployment: batch × input × replicas ÷ TTFT.</summary>
    public TokenRate PrefillTokensPerSecond => TokenRate.FromTokensPerSecond(TokenFormulas.PrefillTokensPerSecond(Batch, Workload.InputTokens, Configuration.Replicas, TimeToFirstToken.Seconds));

    /// <summary>Gets the tokens per second one sequence receives during decode: 1 ÷ TPOT.</summary>
    public TokenRate OutputTokensPerSecondPerUser => TokenRate.FromTokensPerSecond(TokenFormulas.OutputTokensPerSecondPerUser(TimePerOutputToken.Seconds));

    /// <summary>Gets the average board power of one device during prefill, or null when the hardware lists no TDP.</summary>
    public Power? PrefillPowerPerDevice { get; internal init; }

    /// <summary>Gets the average board power of one device during decode, or null when the hardware lists no TDP.</summary>
    public Power? DecodePowerPerDevice { get; internal init; }

    /// <summary>Gets the time-weighted average board power of one device over a request, or null when the hardware lists no TDP.</summary>
    public Power? AveragePowerPerDevice =>
        PrefillPowerPerDevice is { } p && DecodePowerPerDevice is { } d && RequestLatency > TimeInterval.Zero
            ? ((p * TimeToFirstToken) + (d * (RequestLatency - TimeToFirstToken))) / RequestLatency
            : DecodePowerPerDevice;

    /// <summary>Gets the accelerator energy per output token during decode (board level, all devices of a replica), or null without a TDP.</summary>
    public Energy? EnergyPerOutputToken => DecodePowerPerDevice is { } d ? Energy.FromJoules(TokenFormulas.EnergyPerOutputTokenJoules(d.Watts, TimePerOutputToken.Seconds, Configuration.DevicesPerReplica, Batch)) : null;

    /// <summary>Gets the dominant bound of the decode step.</summary>
    public Bound Bound => Decode.Bound;

    /// <summary>Gets warnings about assumptions the estimate had to make (missing TDP, batch that does not fit …).</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];
}
