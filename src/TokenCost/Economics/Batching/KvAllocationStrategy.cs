namespace TokenCost.Economics.Batching;

/// <summary>How a serving stack reserves KV-cache memory for a sequence.</summary>
public enum KvAllocationStrategy
{
    /// <summary>One contiguous region sized for the maximum sequence length, reserved when the sequence starts (static-batching servers such as early FasterTransformer / HF generate).</summary>
    Contiguous,

    /// <summary>Fixed-size blocks allocated as the sequence grows (vLLM PagedAttention); waste is at most one partly filled block per sequence.</summary>
    Paged,
}
