namespace TokenCost.Contracts;

/// <summary>One operating point of a static-batch sweep (<c>tokencost frontier</c>, <c>optimize</c>, <c>POST /v1/frontier</c>, <c>POST /v1/optimize</c>).</summary>
public sealed record FrontierPointResponse
{
    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the accelerators of the whole deployment (all replicas).</summary>
    public required int Devices { get; init; }

    /// <summary>Gets the tensor-parallel degree.</summary>
    public required int TensorParallel { get; init; }

    /// <summary>Gets the pipeline-parallel degree.</summary>
    public required int PipelineParallel { get; init; }

    /// <summary>Gets the weight format id.</summary>
    public required string Weights { get; init; }

    /// <summary>Gets the activation format id.</summary>
    public required string Activations { get; init; }

    /// <summary>Gets the KV-cache format id.</summary>
    public required string KvCache { get; init; }

    /// <summary>Gets the sequences per replica, in sequences.</summary>
    public required int Batch { get; init; }

    /// <summary>Gets the time per output token, in milliseconds.</summary>
    public required double TimePerOutputTokenMs { get; init; }

    /// <summary>Gets the time to first token (prefill of the batch), in milliseconds.</summary>
    public required double TimeToFirstTokenMs { get; init; }

    /// <summary>Gets the cost of one million output tokens, in USD.</summary>
    public required double CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the cost of one million prompt tokens, in USD.</summary>
    public required double CostPerMillionInputTokensUsd { get; init; }

    /// <summary>Gets the decode-phase throughput of all devices, in tokens per second.</summary>
    public required double DecodeTokensPerSecond { get; init; }

    /// <summary>Gets the decode-phase throughput per device, in tokens per second.</summary>
    public required double DecodeTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the decode speed one user sees (1 ÷ time per output token), in tokens per second.</summary>
    public required double OutputTokensPerSecondPerUser { get; init; }

    /// <summary>Gets the cost of the whole deployment, in USD per hour.</summary>
    public required double TotalUsdPerHour { get; init; }

    /// <summary>Gets a value indicating whether the batch fits in memory.</summary>
    public required bool Fits { get; init; }
}
