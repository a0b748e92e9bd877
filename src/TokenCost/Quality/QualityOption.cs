using TokenCost.Costs;
using TokenCost.Quantities;

namespace TokenCost.Quality;

/// <summary>One quantization option of a quality-adjusted cost comparison: its quality figure and, when it fits, its token cost.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record QualityOption
{
    /// <summary>Gets the quality figure (method, format, score and source).</summary>
    public QualityResult Quality { get; internal init; } = null!;

    /// <summary>Gets a value indicating whether the weights fit the deployment's memory.</summary>
    public bool Fits { get; internal init; }

    /// <summary>Gets a value indicating whether the quality loss is within the stated limit.</summary>
    public bool WithinLoss { get; internal init; }

    /// <summary>Gets the cost of one million output tokens (rental + energy + serving), or null when the weights do not fit.</summary>
    public Money? CostPerMillionOutputTokens { get; internal init; }

    /// <summary>Gets the full cost report, or null when the weights do not fit.</summary>
    public TokenCostReport? Report { get; internal init; }
}
