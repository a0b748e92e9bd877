namespace TokenCost.Contracts;

/// <summary>One operating point of an interactivity–throughput curve under continuous batching (<c>tokencost curve</c>, <c>frontier --concurrency</c>, <c>optimize --min-user-tokens-per-second</c>, <c>POST /v1/curve</c>).</summary>
public sealed record CurvePointResponse
{
    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the accelerators of the whole deployment (all replicas; both pools when disaggregated).</summary>
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

    /// <summary>Gets the serving stack id.</summary>
    public required string Stack { get; init; }

    /// <summary>Gets the layout in the case-tag notation: the replica's (for example <c>TP8EP8DP</c>) or the disaggregated pools' (for example <c>1x8gTP8EP8DP+3x8gTP8EP8</c>).</summary>
    public required string Layout { get; init; }

    /// <summary>Gets the closed-loop clients of the whole deployment.</summary>
    public required int Concurrency { get; init; }

    /// <summary>Gets the output speed one user receives (1 ÷ median time per output token), in tokens per second.</summary>
    public required double OutputTokensPerSecondPerUser { get; init; }

    /// <summary>Gets the mean time to first token, queueing included, in milliseconds.</summary>
    public required double MeanTimeToFirstTokenMs { get; init; }

    /// <summary>Gets the median time per output token, in milliseconds.</summary>
    public required double MedianTimePerOutputTokenMs { get; init; }

    /// <summary>Gets the output tokens each device serves (sustained under load), in tokens per second.</summary>
    public required double OutputTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the prompt tokens each device processes, in tokens per second.</summary>
    public required double InputTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the prompt and output tokens each device processes, in tokens per second.</summary>
    public required double TotalTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the cost of one million prompt tokens, in USD.</summary>
    public required double CostPerMillionInputTokensUsd { get; init; }

    /// <summary>Gets the cost of one million output tokens, in USD.</summary>
    public required double CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the cost of one million tokens, prompt and output counted alike, in USD.</summary>
    public required double CostPerMillionTotalTokensUsd { get; init; }

    /// <summary>Gets the cost of the whole deployment at this point, in USD per hour.</summary>
    public required double TotalUsdPerHour { get; init; }

    /// <summary>Gets the facility power per device at this point (board power × server overhead × PUE), in kilowatts, or null without a TDP.</summary>
    public required double? FacilityPowerPerDeviceKw { get; init; }

    /// <summary>Gets the output tokens per second per megawatt of facility power, or null without a TDP.</summary>
    public required double? OutputTokensPerSecondPerMegawatt { get; init; }

    /// <summary>Gets the prompt and output tokens per second per megawatt of facility power, or null without a TDP.</summary>
    public required double? TotalTokensPerSecondPerMegawatt { get; init; }

    /// <summary>Gets the mean running sequences per replica, in sequences.</summary>
    public required int RunningSequencesPerReplica { get; init; }

    /// <summary>Gets a value indicating whether the KV cache limits the running sequences.</summary>
    public required bool KvCacheLimited { get; init; }

    /// <summary>Gets a value indicating whether the point is on its hardware's Pareto front (output tokens per second per user × output tokens per second per device).</summary>
    public required bool OnParetoFront { get; init; }

    /// <summary>Gets a value indicating whether the point is on the speed–cost front over all points (output tokens per second per user × cost per million output tokens).</summary>
    public required bool OnCostParetoFront { get; init; }
}
