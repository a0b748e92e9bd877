namespace TokenCost.Contracts;

/// <summary>The limits an optimization under continuous batching searched for.</summary>
public sealed record LoadObjectiveResponse
{
    /// <summary>Gets the smallest acceptable output speed per user (1 ÷ median time per output token), in tokens per second, or null.</summary>
    public required double? MinOutputTokensPerSecondPerUser { get; init; }

    /// <summary>Gets the largest acceptable mean time to first token, in milliseconds, or null.</summary>
    public required double? MaxTimeToFirstTokenMs { get; init; }

    /// <summary>Gets the largest acceptable median time per output token, in milliseconds, or null.</summary>
    public required double? MaxTimePerOutputTokenMs { get; init; }

    /// <summary>Gets which statistic each limit applies to, in words.</summary>
    public required string Statistics { get; init; }

    /// <summary>Gets the prompt tokens per request.</summary>
    public required int InputTokens { get; init; }

    /// <summary>Gets the output tokens per request.</summary>
    public required int OutputTokens { get; init; }
}
