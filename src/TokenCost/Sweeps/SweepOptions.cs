using TokenCost.Internal;

namespace TokenCost.Sweeps;

/// <summary>How a sweep runs: worker threads, how many points to evaluate, and the size of the unit of work.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record SweepOptions
{
    private readonly int _maxDegreeOfParallelism = Environment.ProcessorCount;
    private readonly long? _limit;
    private readonly int _chunkSize = 8192;

    /// <summary>Gets the number of worker threads, ≥ 1.</summary>
    /// <value>The default value is the number of logical processors.</value>
    public int MaxDegreeOfParallelism { get => _maxDegreeOfParallelism; init => _maxDegreeOfParallelism = Guard.Positive(value, nameof(MaxDegreeOfParallelism)); }

    /// <summary>Gets the largest number of points to evaluate (the first ones in index order), or null for all.</summary>
    public long? Limit
    {
        get => _limit;
        init => _limit = value is long l && l < 0 ? throw new ArgumentOutOfRangeException(nameof(Limit), l, "Limit must be ≥ 0 or null.") : value;
    }

    /// <summary>Gets the points one work item evaluates between cancellation checks and progress reports, ≥ 1.</summary>
    /// <value>The default value is 8192.</value>
    public int ChunkSize { get => _chunkSize; init => _chunkSize = Guard.Positive(value, nameof(ChunkSize)); }
}
