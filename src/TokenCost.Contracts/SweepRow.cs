namespace TokenCost.Contracts;

/// <summary>One estimate of a sweep (<c>tokencost sweep --format json</c> streams an array of them).</summary>
public sealed record SweepRow
{
    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the hardware id.</summary>
    public required string Hardware { get; init; }

    /// <summary>Gets the accelerators of the whole deployment.</summary>
    public required int Devices { get; init; }

    /// <summary>Gets the tensor-parallel degree.</summary>
    public required int TensorParallel { get; init; }

    /// <summary>Gets the pipeline-parallel degree.</summary>
    public required int PipelineParallel { get; init; }

    /// <summary>Gets the weight format id.</summary>
    public required string Weights { get; init; }

    /// <summary>Gets the format id of the MoE expert weights.</summary>
    public required string ExpertWeights { get; init; }

    /// <summary>Gets the activation format id.</summary>
    public required string Activations { get; init; }

    /// <summary>Gets the KV-cache format id.</summary>
    public required string KvCache { get; init; }

    /// <summary>Gets the serving stack id.</summary>
    public required string Stack { get; init; }

    /// <summary>Gets the sequences per replica.</summary>
    public required int Batch { get; init; }

    /// <summary>Gets the prompt tokens per sequence.</summary>
    public required int InputTokens { get; init; }

    /// <summary>Gets the generated tokens per sequence.</summary>
    public required int OutputTokens { get; init; }

    /// <summary>Gets a value indicating whether the batch fits in memory.</summary>
    public required bool Fits { get; init; }

    /// <summary>Gets the largest batch per replica that fits, in sequences.</summary>
    public required int MaxBatch { get; init; }

    /// <summary>Gets the time to first token, in milliseconds.</summary>
    public required double TimeToFirstTokenMs { get; init; }

    /// <summary>Gets the time per output token, in milliseconds.</summary>
    public required double TimePerOutputTokenMs { get; init; }

    /// <summary>Gets the output throughput of all devices averaged over whole requests (prefill and decode), in tokens per second.</summary>
    public required double SustainedOutputTokensPerSecond { get; init; }

    /// <summary>Gets the decode-phase throughput of all devices, in tokens per second.</summary>
    public required double DecodeTokensPerSecond { get; init; }

    /// <summary>Gets what bounds the decode step: memory, compute or overhead.</summary>
    public required string Bound { get; init; }

    /// <summary>Gets the cost of one million output tokens, in USD, or null when the hardware has no price.</summary>
    public required double? CostPerMillionOutputTokensUsd { get; init; }
}
