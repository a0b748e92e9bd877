namespace TokenCost.Audit;

/// <summary>What a claim asserts, which decides how it is checked (the <c>kind</c> field of a claims file).</summary>
public enum ClaimKind
{
    /// <summary>A time per output token (<c>latency</c>), checked against the weight-read floor and the estimator.</summary>
    Latency,

    /// <summary>A per-user decode rate (<c>throughput</c>), the inverse of a latency.</summary>
    Throughput,

    /// <summary>A price per million output tokens (<c>token_cost</c>): the throughput it implies at the catalog $/device-hour.</summary>
    TokenCost,

    /// <summary>That a model fits on a device (<c>fits</c>): weights + KV cache versus memory capacity.</summary>
    Fits,

    /// <summary>A ratio between two configurations (<c>ratio</c>): bytes, throughput, cost, energy or speedup.</summary>
    Ratio,

    /// <summary>A specification figure (<c>spec</c>) checked against the catalog.</summary>
    Spec,

    /// <summary>Arithmetic on figures the claim itself states (<c>arithmetic</c>).</summary>
    Arithmetic,

    /// <summary>Facility power of a fleet (<c>power</c>): devices × board power × server overhead × PUE.</summary>
    Power,
}
