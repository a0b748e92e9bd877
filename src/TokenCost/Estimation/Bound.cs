namespace TokenCost.Estimation;

/// <summary>Which resource limits a step: the one whose limited operators take the most time.</summary>
public enum Bound
{
    /// <summary>Memory bandwidth (reading weights and KV cache).</summary>
    Memory,

    /// <summary>Peak compute of the matrix units.</summary>
    Compute,

    /// <summary>Tensor-parallel all-reduces and pipeline hand-offs over the interconnect.</summary>
    Communication,
}
