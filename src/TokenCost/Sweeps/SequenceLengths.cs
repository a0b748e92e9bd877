using TokenCost.Internal;

namespace TokenCost.Sweeps;

/// <summary>A sweep point's sequence shape: prompt tokens and generated tokens per sequence.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct SequenceLengths
{
    /// <summary>Initializes a new instance of the <see cref="SequenceLengths"/> struct.</summary>
    /// <param name="inputTokens">Prompt tokens per sequence, ≥ 0.</param>
    /// <param name="outputTokens">Generated tokens per sequence, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or their sum exceeds <see cref="int.MaxValue"/>.</exception>
    public SequenceLengths(int inputTokens, int outputTokens)
    {
        InputTokens = Guard.NonNegative(inputTokens, nameof(inputTokens));
        OutputTokens = Guard.NonNegative(outputTokens, nameof(outputTokens));
        if ((long)inputTokens + outputTokens > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(outputTokens), outputTokens, "inputTokens + outputTokens must not exceed 2147483647.");
        }
    }

    /// <summary>Gets the prompt tokens per sequence.</summary>
    public int InputTokens { get; }

    /// <summary>Gets the generated tokens per sequence.</summary>
    public int OutputTokens { get; }
}
