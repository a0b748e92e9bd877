using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving.Load;

namespace TokenCost.Economics.Curves;

/// <summary>
/// One operating point of an interactivity–throughput curve: a deployment serving a closed loop of <see cref="Concurrency"/> clients
/// under continuous batching, with the speed each user sees, the throughput and power per device, and the cost of a token.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. Latencies are the <see cref="ContinuousBatchingEstimator"/>'s: TTFT is the mean,
/// TPOT the median over requests (the steady-state model gives equal mean and median). Rates per device count every device of the deployment.
/// </remarks>
public sealed record CurvePoint
{
    /// <summary>Gets the priced loaded estimate behind the point.</summary>
    public LoadedCostReport Report { get; internal init; } = null!;

    /// <summary>Gets the facility power per device at this operating point: mean board power × server overhead × PUE (the data-centre model), or null when the hardware lists no TDP.</summary>
    public Power? FacilityPowerPerDevice { get; internal init; }

    /// <summary>
    /// Gets a value indicating whether no other point of the same hardware in the sweep has at least the per-user speed and at least the
    /// output throughput per device, and more of one (maximise <see cref="OutputTokensPerSecondPerUser"/> and <see cref="OutputTokensPerSecondPerDevice"/>).
    /// </summary>
    /// <remarks>On one hardware at one price, $/token is (nearly) the hourly cost of a device ÷ its throughput, so this front is also
    /// the cheapest token at each per-user speed; energy varies slightly with the operating point, so <see cref="OnCostParetoFront"/> is the exact cost version.</remarks>
    public bool OnParetoFront { get; internal init; }

    /// <summary>
    /// Gets a value indicating whether no other point of the whole sweep (any hardware) has at least the per-user speed and at most the
    /// cost per million output tokens, and is better in one (maximise <see cref="OutputTokensPerSecondPerUser"/>, minimise <see cref="CostPerMillionOutputTokens"/>).
    /// </summary>
    public bool OnCostParetoFront { get; internal init; }

    /// <summary>Gets the loaded estimate.</summary>
    public LoadedEstimate Estimate => Report.Estimate;

    /// <summary>Gets the deployment (for a disaggregated deployment, its decode pool; see <see cref="LoadedEstimate.Disaggregated"/>).</summary>
    public DeploymentConfiguration Configuration => Report.Estimate.Configuration;

    /// <summary>Gets the layout in the case-tag notation: the replica's (<c>TP8EP8DP</c>) or the disaggregated pools' (<c>1x8gTP8EP8DP+3x8gTP8EP8</c>).</summary>
    public string Layout => Report.Estimate.LayoutNotation;

    /// <summary>Gets the devices of the whole deployment (both pools when disaggregated).</summary>
    public int Devices => Report.Estimate.Devices;

    /// <summary>Gets the closed-loop clients of the whole deployment (users served at once).</summary>
    public int Concurrency { get; internal init; }

    /// <summary>Gets the output tokens per second one user receives: 1 ÷ median TPOT (InferenceX "interactivity"), tokens/s/user.</summary>
    public double OutputTokensPerSecondPerUser => Report.Estimate.OutputTokensPerSecondPerUser;

    /// <summary>Gets the mean time to first token (waiting for a slot and prefill budget, plus the prefill).</summary>
    public TimeInterval TimeToFirstToken => Report.Estimate.MeanTimeToFirstToken;

    /// <summary>Gets the median time per output token.</summary>
    public TimeInterval TimePerOutputToken => Report.Estimate.MedianTimePerOutputToken;

    /// <summary>Gets the output tokens per second per device, tokens/s/device.</summary>
    public double OutputTokensPerSecondPerDevice => Report.Estimate.OutputTokensPerSecondPerDevice;

    /// <summary>Gets the prompt plus output tokens per second per device, tokens/s/device.</summary>
    public double TotalTokensPerSecondPerDevice => Report.Estimate.TotalTokensPerSecondPerDevice;

    /// <summary>Gets the cost of one million prompt tokens.</summary>
    public Money CostPerMillionInputTokens => Report.CostPerMillionInputTokens;

    /// <summary>Gets the cost of one million output tokens.</summary>
    public Money CostPerMillionOutputTokens => Report.CostPerMillionOutputTokens;

    /// <summary>Gets the cost of one million tokens, prompt and output counted alike.</summary>
    public Money CostPerMillionTotalTokens => Report.CostPerMillionTotalTokens;

    /// <summary>Gets the output tokens per second per megawatt of facility power (<see cref="FacilityPowerPerDevice"/>), or null when the power is unknown.</summary>
    public double? OutputTokensPerSecondPerMegawatt => PerMegawatt(OutputTokensPerSecondPerDevice);

    /// <summary>Gets the prompt plus output tokens per second per megawatt of facility power, or null when the power is unknown.</summary>
    public double? TotalTokensPerSecondPerMegawatt => PerMegawatt(TotalTokensPerSecondPerDevice);

    private double? PerMegawatt(double perDevice) =>
        FacilityPowerPerDevice is { } p && p.Watts > 0 ? perDevice / p.Megawatts : null;
}
