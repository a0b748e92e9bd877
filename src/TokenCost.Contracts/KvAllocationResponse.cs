namespace TokenCost.Contracts;

/// <summary>How many sequences fit under one KV-cache allocation strategy.</summary>
public sealed record KvAllocationResponse
{
    /// <summary>Gets the strategy: contiguous or paged.</summary>
    public required string Strategy { get; init; }

    /// <summary>Gets the tokens reserved per sequence.</summary>
    public required int ReservedTokensPerSequence { get; init; }

    /// <summary>Gets the tokens a sequence uses.</summary>
    public required int UsedTokensPerSequence { get; init; }

    /// <summary>Gets the fraction of reserved KV memory left unused, in [0, 1].</summary>
    public required double WasteFraction { get; init; }

    /// <summary>Gets the sequences that fit at once per replica.</summary>
    public required int ConcurrentSequences { get; init; }
}
