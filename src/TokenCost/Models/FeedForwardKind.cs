namespace TokenCost.Models;

/// <summary>The form of the feed-forward network (dense or per expert).</summary>
public enum FeedForwardKind
{
    /// <summary>Gated FFN with three hidden × intermediate matrices (gate, up, down).</summary>
    SwiGlu,

    /// <summary>Plain FFN with two matrices (up, down).</summary>
    Gelu,
}
