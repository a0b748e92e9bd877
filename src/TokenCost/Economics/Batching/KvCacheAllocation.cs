using TokenCost.Estimation;
using TokenCost.Internal;

namespace TokenCost.Economics.Batching;

/// <summary>
/// KV-cache allocation waste and the concurrency it allows: contiguous max-length reservation vs paged blocks.
/// </summary>
/// <remarks>
/// <para>This type is stateless and thread-safe. With a KV budget of M bytes per device, q bytes per token of context, a sequence of
/// n = prompt + output tokens, maximum length L and block size B:</para>
/// <para>contiguous: reserved = L, sequences = ⌊M ÷ (L·q)⌋; paged: reserved = ⌈n ÷ B⌉·B, sequences = ⌊M ÷ (⌈n ÷ B⌉·B·q)⌋.</para>
/// </remarks>
public static class KvCacheAllocation
{
    /// <summary>Plans the allocation from a memory plan (its KV budget and bytes per token).</summary>
    /// <param name="memory">The memory plan of the deployment (any batch).</param>
    /// <param name="strategy">The allocation strategy.</param>
    /// <param name="usedTokens">Tokens a sequence actually holds (prompt + output), ≥ 1.</param>
    /// <param name="maxSequenceTokens">Maximum sequence length the server admits (the contiguous reservation), ≥ <paramref name="usedTokens"/>.</param>
    /// <param name="blockTokens">Tokens per paged block, ≥ 1.</param>
    /// <returns>The plan.</returns>
    public static KvAllocationPlan Plan(MemoryPlan memory, KvAllocationStrategy strategy, int usedTokens, int maxSequenceTokens, int blockTokens = 16)
    {
        Guard.Positive(usedTokens);
        Guard.Positive(blockTokens);
        if (maxSequenceTokens < usedTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(maxSequenceTokens), maxSequenceTokens, FormattableString.Invariant($"maxSequenceTokens must be ≥ usedTokens ({usedTokens}); got {maxSequenceTokens}."));
        }

        var bytesPerToken = memory.KvCachePerSequence.Bytes / Math.Max(1, memory.ContextTokens);
        var reserved = strategy == KvAllocationStrategy.Contiguous
            ? maxSequenceTokens
            : (int)Math.Ceiling((double)usedTokens / blockTokens) * blockTokens;
        var sequences = bytesPerToken > 0 ? (int)Math.Min(int.MaxValue, Math.Floor(memory.KvCacheBudget.Bytes / (reserved * bytesPerToken))) : int.MaxValue;
        return new KvAllocationPlan
        {
            Strategy = strategy,
            ReservedTokensPerSequence = reserved,
            UsedTokensPerSequence = usedTokens,
            ConcurrentSequences = memory.Capacity > memory.WeightsPerDevice + memory.Reserve ? sequences : 0,
        };
    }
}
