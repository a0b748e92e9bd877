namespace TokenCost.Economics.Batching;

/// <summary>How many sequences fit in a KV-cache budget under an allocation strategy, and how much of the reservation is wasted.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record KvAllocationPlan
{
    /// <summary>Gets the strategy.</summary>
    public KvAllocationStrategy Strategy { get; internal init; }

    /// <summary>Gets the tokens of KV cache reserved per sequence.</summary>
    public int ReservedTokensPerSequence { get; internal init; }

    /// <summary>Gets the tokens of KV cache a sequence actually holds (prompt + output).</summary>
    public int UsedTokensPerSequence { get; internal init; }

    /// <summary>Gets the fraction of the reservation never used: 1 − used ÷ reserved, in [0, 1).</summary>
    public double WasteFraction => 1 - ((double)UsedTokensPerSequence / ReservedTokensPerSequence);

    /// <summary>Gets the number of sequences whose reservations fit in the budget.</summary>
    public int ConcurrentSequences { get; internal init; }
}
