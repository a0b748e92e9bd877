using TokenCost.Quantities;

namespace TokenCost.Speculative;

/// <summary>The modelled effect of speculative decoding at one draft length.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SpeculativeEstimate
{
    /// <summary>Gets the per-token acceptance rate α.</summary>
    public double AcceptanceRate { get; internal init; }

    /// <summary>Gets the tokens drafted per step γ.</summary>
    public int DraftTokens { get; internal init; }

    /// <summary>Gets the expected tokens produced per verification step, in [1, γ + 1].</summary>
    public double ExpectedTokensPerStep { get; internal init; }

    /// <summary>Gets the time of one draft decode step.</summary>
    public TimeInterval DraftStepTime { get; internal init; }

    /// <summary>Gets the time of the target's verification forward pass over γ + 1 tokens.</summary>
    public TimeInterval VerificationTime { get; internal init; }

    /// <summary>Gets the time of one whole step: γ draft steps + verification.</summary>
    public TimeInterval StepTime { get; internal init; }

    /// <summary>Gets the time per output token with speculation: step time ÷ expected tokens per step.</summary>
    public TimeInterval TimePerOutputToken { get; internal init; }

    /// <summary>Gets the time per output token of plain decoding on the target.</summary>
    public TimeInterval BaselineTimePerOutputToken { get; internal init; }

    /// <summary>Gets the speedup over plain decoding: baseline TPOT ÷ speculative TPOT (below 1 when speculation does not pay).</summary>
    public double Speedup => BaselineTimePerOutputToken / TimePerOutputToken;
}
