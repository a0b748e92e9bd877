namespace TokenCost.Contracts;

/// <summary>A priced estimate (<c>tokencost estimate --format json</c>, <c>POST /v1/estimate</c>, each row of <c>POST /v1/compare</c>). Under a continuous load (closed, offline, poisson) the batch, sustained throughput, per-user speed, latency and $/1M properties describe the loaded operating point. A disaggregated prefill/decode deployment (<c>--disagg</c>, closed or offline load) is described whole: devices, hourly cost, power and rates per device count both pools; the per-replica and per-device memory properties are a decode worker's, and disaggregated gives the pools.</summary>
public sealed record EstimateResponse
{
    /// <summary>Gets the version of this contract (docs/json.md).</summary>
    public int ContractVersion { get; init; } = TokenCost.Contracts.ContractVersion.Current;

    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the accelerators of the whole deployment (all replicas; both pools when disaggregated).</summary>
    public required int Devices { get; init; }

    /// <summary>Gets the tensor-parallel degree (a decode worker's when disaggregated; see layout).</summary>
    public required int TensorParallel { get; init; }

    /// <summary>Gets the pipeline-parallel degree (a decode worker's when disaggregated).</summary>
    public required int PipelineParallel { get; init; }

    /// <summary>Gets the layout in the case-tag notation: the replica's (for example <c>TP8EP8DP</c>) or the disaggregated pools' (for example <c>1x8gTP8EP8DP+3x8gTP8EP8</c>, which <c>--disagg</c> takes back).</summary>
    public required string Layout { get; init; }

    /// <summary>Gets the weight format id.</summary>
    public required string Weights { get; init; }

    /// <summary>Gets the format id the MoE expert weights are stored in (the weight format unless the checkpoint mixes formats).</summary>
    public required string ExpertWeights { get; init; }

    /// <summary>Gets the activation format id.</summary>
    public required string Activations { get; init; }

    /// <summary>Gets the KV-cache format id.</summary>
    public required string KvCache { get; init; }

    /// <summary>Gets the serving stack id.</summary>
    public required string Stack { get; init; }

    /// <summary>Gets the sequences per replica that were estimated (under a continuous load, the mean running sequences per replica; per decode worker when disaggregated).</summary>
    public required int Batch { get; init; }

    /// <summary>Gets the prompt tokens per sequence.</summary>
    public required int InputTokens { get; init; }

    /// <summary>Gets the generated tokens per sequence.</summary>
    public required int OutputTokens { get; init; }

    /// <summary>Gets the cost of one million prompt tokens (prefill hours; when disaggregated, the prefill pool's busy hours), in USD.</summary>
    public required double CostPerMillionInputTokensUsd { get; init; }

    /// <summary>Gets the cost of one million output tokens (decode hours), in USD.</summary>
    public required double CostPerMillionOutputTokensUsd { get; init; }

    /// <summary>Gets the cost of one million tokens, prompt and output counted alike (the InferenceX "cost per 1M total tokens"), in USD: the hourly cost at the operating point's power ÷ the prompt and output tokens processed in an hour, in millions.</summary>
    public required double CostPerMillionTotalTokensUsd { get; init; }

    /// <summary>Gets the cost of the whole deployment (both pools when disaggregated), in USD per hour.</summary>
    public required double TotalUsdPerHour { get; init; }

    /// <summary>Gets the hourly cost by category and component.</summary>
    public required CostBreakdownResponse Breakdown { get; init; }

    /// <summary>Gets the decode-phase throughput of all devices (batch × replicas ÷ time per output token at the estimated batch; the decode pool's when disaggregated), in tokens per second.</summary>
    public required double DecodeTokensPerSecond { get; init; }

    /// <summary>Gets the decode-phase throughput per device of the whole deployment (both pools when disaggregated), in tokens per second.</summary>
    public required double DecodeTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the output throughput of all devices averaged over whole requests (prefill and decode; under a continuous load, the loaded operating point's), in tokens per second.</summary>
    public required double SustainedOutputTokensPerSecond { get; init; }

    /// <summary>Gets the sustained output throughput per device, in tokens per second.</summary>
    public required double SustainedOutputTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the decode speed one user sees (1 ÷ time per output token; under a continuous load 1 ÷ median time per output token), in tokens per second.</summary>
    public required double OutputTokensPerSecondPerUser { get; init; }

    /// <summary>Gets the prompt and output tokens each device processes at the operating point, in tokens per second.</summary>
    public required double TotalTokensPerSecondPerDevice { get; init; }

    /// <summary>Gets the time to first token (under a continuous load, the mean, queueing included; when disaggregated, the KV transfer too), in milliseconds.</summary>
    public required double TimeToFirstTokenMs { get; init; }

    /// <summary>Gets the time per output token (under a continuous load, the mean), in milliseconds.</summary>
    public required double TimePerOutputTokenMs { get; init; }

    /// <summary>Gets the time for one whole request (under a continuous load, the mean), in milliseconds.</summary>
    public required double RequestLatencyMs { get; init; }

    /// <summary>Gets the load and its operating point.</summary>
    public required LoadResponse Load { get; init; }

    /// <summary>Gets the prefill and decode pools of a disaggregated deployment, or null when every replica both prefills and decodes.</summary>
    public required DisaggregatedResponse? Disaggregated { get; init; }

    /// <summary>Gets the time to read each device's weights once at its memory bandwidth (a decode-pool device's when disaggregated), in milliseconds.</summary>
    public required double WeightReadFloorMs { get; init; }

    /// <summary>Gets what bounds the decode step (the decode pool's when disaggregated): memory, compute or overhead.</summary>
    public required string Bound { get; init; }

    /// <summary>Gets a value indicating whether the batch fits in memory (a decode worker's when disaggregated).</summary>
    public required bool Fits { get; init; }

    /// <summary>Gets the largest batch per replica that fits in memory (per decode worker when disaggregated), in sequences.</summary>
    public required int MaxBatch { get; init; }

    /// <summary>Gets the memory plan per device (a decode-pool device's when disaggregated).</summary>
    public required MemoryResponse Memory { get; init; }

    /// <summary>Gets the accelerator energy per output token (under a continuous load, every device of the deployment at the operating point's power, both pools when disaggregated), in joules, or null without a TDP.</summary>
    public required double? EnergyPerOutputTokenJ { get; init; }

    /// <summary>Gets the average board power per device (when disaggregated, the device-weighted mean of both pools), in watts, or null without a TDP.</summary>
    public required double? AveragePowerPerDeviceW { get; init; }

    /// <summary>Gets the facility power of the whole deployment (board power × server overhead × PUE; both pools when disaggregated), in watts.</summary>
    public required double FacilityPowerW { get; init; }

    /// <summary>Gets the operational emissions per million output tokens (both pools when disaggregated), in grams of CO2-equivalent, or null without a TDP.</summary>
    public required double? GramsCo2ePerMillionOutputTokens { get; init; }

    /// <summary>Gets the estimator's warnings, as sentences.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
