using TokenCost.Internal;

namespace TokenCost.Estimation;

/// <summary>The shape of the work: sequences in flight, prompt tokens and generated tokens per sequence.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record Workload
{
    private readonly int? _batch = 1;
    private readonly int _inputTokens = 512;
    private readonly int _outputTokens = 256;

    /// <summary>Gets the number of sequences processed concurrently per replica, or null to let the stack fit as many as memory (and its scheduler cap) allow.</summary>
    /// <value>The default value is 1.</value>
    public int? Batch { get => _batch; init => _batch = value is int b ? Guard.Positive(b, nameof(Batch)) : null; }

    /// <summary>Gets the prompt tokens per sequence, ≥ 0.</summary>
    /// <value>The default value is 512.</value>
    public int InputTokens { get => _inputTokens; init => _inputTokens = Guard.NonNegative(value, nameof(InputTokens)); }

    /// <summary>Gets the generated tokens per sequence, ≥ 0.</summary>
    /// <value>The default value is 256.</value>
    public int OutputTokens { get => _outputTokens; init => _outputTokens = Guard.NonNegative(value, nameof(OutputTokens)); }
}
