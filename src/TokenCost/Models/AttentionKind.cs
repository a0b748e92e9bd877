namespace TokenCost.Models;

/// <summary>How key/value heads relate to query heads.</summary>
public enum AttentionKind
{
    /// <summary>Multi-head attention: one key/value head per query head.</summary>
    Mha,

    /// <summary>Grouped-query attention: 1 &lt; key/value heads &lt; query heads.</summary>
    Gqa,

    /// <summary>Multi-query attention: a single key/value head.</summary>
    Mqa,

    /// <summary>
    /// Multi-head latent attention (DeepSeek-V2/V3, Kimi K2): keys and values are up-projected from one compressed latent of
    /// <see cref="ModelArchitecture.KvLowRank"/> + <see cref="ModelArchitecture.RopeHeadDimension"/> values per token and layer,
    /// which is all the KV cache holds.
    /// </summary>
    Mla,
}
