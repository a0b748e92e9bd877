namespace TokenCost.Server.Contracts;

/// <summary>One operating point of a sweep, with the properties (names and units) of <c>tokencost frontier --json</c>.</summary>
internal sealed record FrontierPointResponse
{
    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the number of accelerators.</summary>
    public required int Devices { get; init; }

    /// <summary>Gets the tensor-parallel degree.</summary>
    public required int TensorParallel { get; init; }

    /// <summary>Gets the weight format id.</summary>
    public required string Weights { get; init; }

    /// <summary>Gets the activation format id.</summary>
    public required string Activations { get; init; }

    /// <summary>Gets the KV-cache format id.</summary>
    public required string KvCache { get; init; }

    /// <summary>Gets the sequences per replica.</summary>
    public required int Batch { get; init; }

    /// <summary>Gets the time per output token, in milliseconds.</summary>
    public required double TimePerOutputTokenMs { get; init; }

    /// <summary>Gets the time to first token, in milliseconds.</summary>
    public required double TtftMs { get; init; }

    /// <summary>Gets the cost of one million output tokens, in USD.</summary>
    public required double CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the cost of one million prompt tokens, in USD.</summary>
    public required double CostPerMillionInputTokensUsd { get; init; }

    /// <summary>Gets the decode throughput of all devices, in tokens per second.</summary>
    public required double OutputTokensPerSecond { get; init; }

    /// <summary>Gets the decode throughput per device, in tokens per second.</summary>
    public required double OutputTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the decode speed one user sees, in tokens per second.</summary>
    public required double PerUserTokensPerSecond { get; init; }

    /// <summary>Gets the cost of the deployment, in USD per hour.</summary>
    public required double UsdPerHour { get; init; }

    /// <summary>Gets a value indicating whether the batch fits in memory.</summary>
    public required bool Fits { get; init; }
}
