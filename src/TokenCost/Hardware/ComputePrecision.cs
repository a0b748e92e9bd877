namespace TokenCost.Hardware;

/// <summary>The numeric precision a matrix multiply runs at, which selects the peak compute rate used.</summary>
public enum ComputePrecision
{
    /// <summary>IEEE binary32 on the vector or matrix units.</summary>
    Fp32,

    /// <summary>TensorFloat-32 matrix math.</summary>
    Tf32,

    /// <summary>16-bit floating point (bfloat16 or IEEE binary16) matrix math.</summary>
    Bf16,

    /// <summary>8-bit floating point matrix math.</summary>
    Fp8,

    /// <summary>8-bit integer matrix math.</summary>
    Int8,

    /// <summary>4-bit floating point matrix math.</summary>
    Fp4,

    /// <summary>4-bit integer matrix math.</summary>
    Int4,
}
