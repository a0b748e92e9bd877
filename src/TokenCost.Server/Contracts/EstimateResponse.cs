namespace TokenCost.Server.Contracts;

/// <summary>
/// A priced estimate: the same properties, with the same names and units, as <c>tokencost estimate --json</c>, plus
/// <see cref="CostPerMillionTotalTokensUsd"/>.
/// </summary>
internal sealed record EstimateResponse
{
    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the number of accelerators.</summary>
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

    /// <summary>Gets the sequences per replica that were estimated.</summary>
    public required int Batch { get; init; }

    /// <summary>Gets the prompt tokens per sequence.</summary>
    public required int InputTokens { get; init; }

    /// <summary>Gets the generated tokens per sequence.</summary>
    public required int OutputTokens { get; init; }

    /// <summary>Gets the cost of one million output tokens (decode hours), in USD.</summary>
    public required double CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the cost of one million prompt tokens (prefill hours), in USD.</summary>
    public required double CostPerMillionInputTokensUsd { get; init; }

    /// <summary>
    /// Gets the blended cost of one million tokens of either kind, in USD: (input × input price + output × output price) ÷ (input + output),
    /// the cost of a request's prefill and decode hours spread over all its tokens; null when the workload has no tokens.
    /// </summary>
    public required double? CostPerMillionTotalTokensUsd { get; init; }

    /// <summary>Gets the cost of the whole deployment, in USD per hour.</summary>
    public required double TotalUsdPerHour { get; init; }

    /// <summary>Gets the hourly cost by category and component.</summary>
    public required CostBreakdownResponse Breakdown { get; init; }

    /// <summary>Gets the decode throughput of all devices, in tokens per second.</summary>
    public required double OutputTokensPerSecond { get; init; }

    /// <summary>Gets the output throughput including prefill time, in tokens per second.</summary>
    public required double SustainedOutputTokensPerSecond { get; init; }

    /// <summary>Gets the decode throughput per device, in tokens per second.</summary>
    public required double OutputTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the decode speed one user sees, in tokens per second.</summary>
    public required double PerUserTokensPerSecond { get; init; }

    /// <summary>Gets the time per output token, in milliseconds.</summary>
    public required double TimePerOutputTokenMs { get; init; }

    /// <summary>Gets the time to first token, in milliseconds.</summary>
    public required double TtftMs { get; init; }

    /// <summary>Gets the time for one whole request, in milliseconds.</summary>
    public required double RequestLatencyMs { get; init; }

    /// <summary>Gets the time to read each device's weights once at its memory bandwidth, in milliseconds.</summary>
    public required double WeightReadFloorMs { get; init; }

    /// <summary>Gets what bounds the decode step: memory, compute or overhead (lower case).</summary>
    public required string Bound { get; init; }

    /// <summary>Gets a value indicating whether the batch fits in memory.</summary>
    public required bool Fits { get; init; }

    /// <summary>Gets the largest batch that fits.</summary>
    public required int MaxBatch { get; init; }

    /// <summary>Gets the memory plan per device.</summary>
    public required MemoryResponse Memory { get; init; }

    /// <summary>Gets the accelerator energy per output token, in joules, or null without a TDP.</summary>
    public required double? JoulesPerOutputToken { get; init; }

    /// <summary>Gets the average power per device, in watts, or null without a TDP.</summary>
    public required double? AveragePowerPerDeviceW { get; init; }

    /// <summary>Gets the facility power of the deployment, in watts.</summary>
    public required double FacilityPowerW { get; init; }

    /// <summary>Gets the grams of CO2-equivalent per million output tokens, or null without a TDP.</summary>
    public required double? GramsCo2ePerMillionOutputTokens { get; init; }

    /// <summary>Gets the estimator's warnings.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
