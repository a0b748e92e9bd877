namespace TokenCost.Validation;

/// <summary>The <c>speculative</c> object of a case: the drafter, tokens drafted per step and the acceptance rate, each possibly not stated.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SpeculativeSetting
{
    /// <summary>The <see cref="DraftModel"/> value naming an EAGLE draft head instead of a separate model.</summary>
    public const string Eagle = "eagle";

    /// <summary>Gets the draft model id, <see cref="Eagle"/>, or null when not stated.</summary>
    public string? DraftModel { get; init; }

    /// <summary>Gets the tokens drafted per verification step (γ ≥ 1), or null when not stated.</summary>
    public int? DraftTokens { get; init; }

    /// <summary>Gets the per-token acceptance rate α in [0, 1], or null when not stated.</summary>
    public double? AcceptanceRate { get; init; }
}
