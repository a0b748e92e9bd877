namespace TokenCost.Contracts;

/// <summary>The limits a static-batch optimization searched for.</summary>
public sealed record ObjectiveResponse
{
    /// <summary>Gets the largest acceptable time per output token, in milliseconds.</summary>
    public required double MaxTimePerOutputTokenMs { get; init; }

    /// <summary>Gets the largest acceptable time to first token, in milliseconds, or null.</summary>
    public required double? MaxTimeToFirstTokenMs { get; init; }

    /// <summary>Gets the smallest acceptable quality score in [0, 1], or null.</summary>
    public required double? MinQuality { get; init; }

    /// <summary>Gets the prompt tokens per sequence.</summary>
    public required int InputTokens { get; init; }

    /// <summary>Gets the generated tokens per sequence.</summary>
    public required int OutputTokens { get; init; }
}
