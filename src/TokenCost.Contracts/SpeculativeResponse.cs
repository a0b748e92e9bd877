namespace TokenCost.Contracts;

/// <summary>Speculative decoding (<c>tokencost speculative --format json</c>).</summary>
public sealed record SpeculativeResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the target model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the draft model id (or the target's EAGLE or MTP head).</summary>
    public required string Draft { get; init; }

    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the sequences per replica.</summary>
    public required int Batch { get; init; }

    /// <summary>Gets the per-token acceptance rate α, in [0, 1].</summary>
    public required double AcceptanceRate { get; init; }

    /// <summary>Gets the draft length γ used.</summary>
    public required int DraftTokens { get; init; }

    /// <summary>Gets the draft length that minimises the time per output token.</summary>
    public required int OptimalDraftTokens { get; init; }

    /// <summary>Gets the expected tokens per verification step.</summary>
    public required double ExpectedTokensPerStep { get; init; }

    /// <summary>Gets the plain time per output token ÷ the speculative one.</summary>
    public required double Speedup { get; init; }

    /// <summary>Gets the speculative time per output token, in milliseconds.</summary>
    public required double TimePerOutputTokenMs { get; init; }

    /// <summary>Gets the plain time per output token, in milliseconds.</summary>
    public required double BaselineTimePerOutputTokenMs { get; init; }

    /// <summary>Gets the time of one draft step, in milliseconds.</summary>
    public required double DraftStepTimeMs { get; init; }

    /// <summary>Gets the time of one verification over γ + 1 tokens, in milliseconds.</summary>
    public required double VerificationTimeMs { get; init; }

    /// <summary>Gets the time of one speculative step (γ draft steps and the verification), in milliseconds.</summary>
    public required double StepTimeMs { get; init; }

    /// <summary>Gets the speculative cost of one million output tokens, in USD.</summary>
    public required double CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the plain cost of one million output tokens, in USD.</summary>
    public required double BaselineCostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets a value indicating whether the target's batch fits in memory.</summary>
    public required bool Fits { get; init; }

    /// <summary>Gets the estimator's warnings.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
