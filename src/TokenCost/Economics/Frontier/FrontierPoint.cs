using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Quantities;

namespace TokenCost.Economics.Frontier;

/// <summary>One evaluated operating point of a sweep: a configuration at a batch, with its latency, throughput and cost.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record FrontierPoint
{
    /// <summary>Gets the priced estimate behind the point.</summary>
    public TokenCostReport Report { get; internal init; } = null!;

    /// <summary>Gets the deployment.</summary>
    public DeploymentConfiguration Configuration => Report.Estimate.Configuration;

    /// <summary>Gets the batch per replica.</summary>
    public int Batch => Report.Estimate.Batch;

    /// <summary>Gets a value indicating whether the batch fits in memory.</summary>
    public bool Fits => Report.Estimate.Memory.Fits;

    /// <summary>Gets the time per output token (one decode step at mid-generation context).</summary>
    public TimeInterval TimePerOutputToken => Report.Estimate.TimePerOutputToken;

    /// <summary>Gets the time to first token (prefill of the batch).</summary>
    public TimeInterval TimeToFirstToken => Report.Estimate.TimeToFirstToken;

    /// <summary>Gets the cost of one million output tokens, in USD.</summary>
    public Money CostPerMillionOutputTokens => Report.CostPerMillionOutputTokens;

    /// <summary>Gets the decode throughput of the whole deployment: batch × replicas ÷ TPOT.</summary>
    public TokenRate DecodeTokensPerSecond => Report.Estimate.DecodeTokensPerSecond;

    /// <summary>Gets the decode throughput per device: <see cref="DecodeTokensPerSecond"/> ÷ devices.</summary>
    public TokenRate DecodeTokensPerSecondPerDevice => DecodeTokensPerSecond / Configuration.Devices;

    /// <summary>Gets the decode speed one user sees: 1 ÷ TPOT.</summary>
    public TokenRate OutputTokensPerSecondPerUser => Report.Estimate.OutputTokensPerSecondPerUser;
}
