using TokenCost.Internal;

namespace TokenCost.Audit;

/// <summary>The assumptions an audit uses where a claim is silent; every one used is listed in the claim's audit.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record AuditAssumptions
{
    private readonly int _inputTokens = 512;
    private readonly int _outputTokens = 256;
    private readonly double _acceptance = 0.75;
    private readonly int _maxDraftTokens = 8;
    private readonly int _maxDevices = 4096;

    /// <summary>Gets the serving-stack id whose calibrated profile the estimator uses.</summary>
    /// <value>The default value is <c>unknown</c> (the generic profile).</value>
    public string Stack { get; init; } = "unknown";

    /// <summary>Gets the prompt tokens per sequence (the KV cache and the decode context depend on it).</summary>
    /// <value>The default value is 512.</value>
    public int InputTokens { get => _inputTokens; init => _inputTokens = Guard.NonNegative(value, nameof(InputTokens)); }

    /// <summary>Gets the generated tokens per sequence; decode is modelled at the mid-generation context input + output ÷ 2.</summary>
    /// <value>The default value is 256.</value>
    public int OutputTokens { get => _outputTokens; init => _outputTokens = Guard.Positive(value, nameof(OutputTokens)); }

    /// <summary>Gets the weight formats tried, widest first, when a claim does not state one.</summary>
    /// <value>The default value is bf16, int8, int4.</value>
    public IReadOnlyList<string> CandidateWeights { get; init; } = ["bf16", "int8", "int4"];

    /// <summary>Gets the model used by claims that name none (speculative decoding, fleet power).</summary>
    /// <value>The default value is <c>llama-2-70b</c>, the article's running example.</value>
    public string ReferenceModel { get; init; } = "llama-2-70b";

    /// <summary>Gets the hardware used by claims that name none.</summary>
    /// <value>The default value is <c>nvidia_h100_sxm</c>.</value>
    public string ReferenceHardware { get; init; } = "nvidia_h100_sxm";

    /// <summary>Gets the weight format used with the reference model and hardware.</summary>
    /// <value>The default value is <c>int4</c> (it fits one 80 GB device).</value>
    public string ReferenceWeights { get; init; } = "int4";

    /// <summary>Gets the per-token acceptance rate assumed for speculative decoding, in [0, 1].</summary>
    /// <value>The default value is 0.75 (EAGLE-class drafters on chat data).</value>
    public double SpeculativeAcceptanceRate { get => _acceptance; init => _acceptance = Guard.Fraction(value, nameof(SpeculativeAcceptanceRate)); }

    /// <summary>Gets the longest draft tried for speculative decoding.</summary>
    /// <value>The default value is 8.</value>
    public int MaxDraftTokens { get => _maxDraftTokens; init => _maxDraftTokens = Guard.Positive(value, nameof(MaxDraftTokens)); }

    /// <summary>Gets the most devices tried when a claim leaves the device count open.</summary>
    /// <value>The default value is 4096.</value>
    public int MaxDevices { get => _maxDevices; init => _maxDevices = Guard.Positive(value, nameof(MaxDevices)); }

    /// <summary>Gets the tokens of KV cache per sequence: input + output.</summary>
    public int ContextTokens => Math.Max(1, InputTokens + OutputTokens);

    /// <summary>Gets the cached tokens before an average decode step: input + output ÷ 2.</summary>
    public double DecodeContext => InputTokens + (OutputTokens / 2.0);
}
