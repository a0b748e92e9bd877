namespace TokenCost.Contracts;

/// <summary>Memory per device, in gigabytes (10⁹ bytes).</summary>
public sealed record MemoryResponse
{
    /// <summary>Gets the device memory, in GB.</summary>
    public required double CapacityGb { get; init; }

    /// <summary>Gets the weights held by each device, in GB.</summary>
    public required double WeightsPerDeviceGb { get; init; }

    /// <summary>Gets the memory reserved for activations and the runtime, in GB.</summary>
    public required double ReserveGb { get; init; }

    /// <summary>Gets the memory left for the KV cache, in GB.</summary>
    public required double KvCacheBudgetGb { get; init; }

    /// <summary>Gets the KV cache of one sequence at full length, in GB.</summary>
    public required double KvCachePerSequenceGb { get; init; }

    /// <summary>Gets the memory used at the estimated batch, in GB.</summary>
    public required double UsedGb { get; init; }
}
