namespace TokenCost.Server.Contracts;

/// <summary>One operating point of an interactivity–throughput curve, with the properties of <c>tokencost curve --json</c>.</summary>
internal sealed record CurvePointResponse
{
    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the number of accelerators of the whole deployment (both pools when disaggregated).</summary>
    public required int Devices { get; init; }

    /// <summary>Gets the tensor-parallel degree.</summary>
    public required int TensorParallel { get; init; }

    /// <summary>Gets the pipeline-parallel degree.</summary>
    public required int PipelineParallel { get; init; }

    /// <summary>Gets the layout in the case-tag notation: the replica's (for example <c>TP8EP8DP</c>) or the disaggregated pools' (for example <c>1x8gTP8EP8DP+3x8gTP8EP8</c>).</summary>
    public required string Layout { get; init; }

    /// <summary>Gets the weight format id.</summary>
    public required string Weights { get; init; }

    /// <summary>Gets the activation format id.</summary>
    public required string Activations { get; init; }

    /// <summary>Gets the KV-cache format id.</summary>
    public required string KvCache { get; init; }

    /// <summary>Gets the serving stack id.</summary>
    public required string Stack { get; init; }

    /// <summary>Gets the closed-loop clients of the whole deployment.</summary>
    public required int Concurrency { get; init; }

    /// <summary>Gets the output tokens per second one user receives (1 ÷ median TPOT).</summary>
    public required double PerUserOutputTokensPerSecond { get; init; }

    /// <summary>Gets the mean time to first token, in milliseconds.</summary>
    public required double TtftMs { get; init; }

    /// <summary>Gets the median time per output token, in milliseconds.</summary>
    public required double TpotMs { get; init; }

    /// <summary>Gets the output tokens per second per device.</summary>
    public required double OutputTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the prompt tokens per second per device.</summary>
    public required double InputTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the prompt plus output tokens per second per device.</summary>
    public required double TotalTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the cost of one million prompt tokens, in USD.</summary>
    public required double CostPerMillionInputTokensUsd { get; init; }

    /// <summary>Gets the cost of one million output tokens, in USD.</summary>
    public required double CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the cost of one million tokens, prompt and output counted alike, in USD.</summary>
    public required double CostPerMillionTotalTokensUsd { get; init; }

    /// <summary>Gets the cost of the deployment, in USD per hour.</summary>
    public required double UsdPerHour { get; init; }

    /// <summary>Gets the facility power per device at this point, in kW, or null without a TDP.</summary>
    public required double? FacilityKwPerDevice { get; init; }

    /// <summary>Gets the output tokens per second per MW of facility power, or null.</summary>
    public required double? OutputTokensPerSecondPerMegawatt { get; init; }

    /// <summary>Gets the prompt plus output tokens per second per MW of facility power, or null.</summary>
    public required double? TotalTokensPerSecondPerMegawatt { get; init; }

    /// <summary>Gets the mean running sequences per replica.</summary>
    public required int RunningSequencesPerReplica { get; init; }

    /// <summary>Gets a value indicating whether the KV cache limits the running sequences.</summary>
    public required bool KvCacheLimited { get; init; }

    /// <summary>Gets a value indicating whether the point is on its hardware's Pareto front (per-user speed × output tokens/s per device).</summary>
    public required bool OnParetoFront { get; init; }

    /// <summary>Gets a value indicating whether the point is on the speed–cost front over all points.</summary>
    public required bool OnCostParetoFront { get; init; }
}
