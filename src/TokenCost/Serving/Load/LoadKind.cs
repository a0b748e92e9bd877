namespace TokenCost.Serving.Load;

/// <summary>How requests reach the server (the case tag <c>load</c>; docs/roofline.md, "Serving under load").</summary>
public enum LoadKind
{
    /// <summary>One batch starts together and runs to completion: prefill of all sequences, then decode in lock-step (the static model).</summary>
    Static,

    /// <summary>A closed loop of concurrent clients, each sending its next request as soon as the previous one completes, served with continuous batching.</summary>
    Closed,

    /// <summary>All requests submitted at once, continuous batching; the concurrency is set by KV-cache memory and the stack's sequence limit.</summary>
    Offline,

    /// <summary>Open-loop Poisson arrivals at a rate, continuous batching; requests queue for a slot when all are taken.</summary>
    Poisson,
}
