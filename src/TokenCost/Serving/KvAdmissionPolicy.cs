namespace TokenCost.Serving;

/// <summary>
/// How a continuous-batching scheduler admits a request against its KV-cache memory, which sets how many sequences can run at once
/// (docs/roofline.md, "Serving under load", KV capacity).
/// </summary>
public enum KvAdmissionPolicy
{
    /// <summary>
    /// Admit a request on the KV cache it holds now and preempt when the cache runs out (vLLM, SGLang): in steady state the running
    /// sequences hold their mean context, prompt + output ÷ 2 tokens each.
    /// </summary>
    CurrentLength,

    /// <summary>
    /// Reserve the KV cache of the whole sequence, prompt + maximum output tokens, when a request is admitted, so that it is never
    /// paused (TensorRT-LLM's default capacity-scheduler policy <c>GUARANTEED_NO_EVICT</c>): about half as many long-output sequences fit.
    /// </summary>
    FullSequence,
}
