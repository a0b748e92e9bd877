namespace TokenCost.Server.Contracts;

/// <summary>Memory per device, in gigabytes (10⁹ bytes).</summary>
internal sealed record MemoryResponse
{
    /// <summary>Gets the usable capacity.</summary>
    public required double CapacityGb { get; init; }

    /// <summary>Gets the weights held by each device.</summary>
    public required double WeightsPerDeviceGb { get; init; }

    /// <summary>Gets the reserve (activations, runtime).</summary>
    public required double ReserveGb { get; init; }

    /// <summary>Gets the memory left for the KV cache.</summary>
    public required double KvCacheBudgetGb { get; init; }

    /// <summary>Gets the KV cache one sequence needs at full context.</summary>
    public required double KvCachePerSequenceGb { get; init; }

    /// <summary>Gets the memory used at this batch.</summary>
    public required double UsedGb { get; init; }
}
