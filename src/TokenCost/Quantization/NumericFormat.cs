using TokenCost.Hardware;

namespace TokenCost.Quantization;

/// <summary>
/// A storage/compute number format used for weights, activations or the KV cache (bf16, fp8, int4, q4_0 …),
/// with its bytes per element including group-scale overhead.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record NumericFormat
{
    /// <summary>Gets the format id used by cases and the CLI (for example <c>int4</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets a one-line description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Gets the bytes per element excluding per-group scales (0.5 for 4-bit values); formats with a fixed block layout include their scales here.</summary>
    public required double BaseBytesPerElement { get; init; }

    /// <summary>Gets the bytes of scale (and zero point) stored per group of <see cref="GroupSize"/> elements; 0 when the scale overhead is already in <see cref="BaseBytesPerElement"/> or negligible.</summary>
    public double ScaleBytesPerGroup { get; init; }

    /// <summary>Gets the quantization group size (elements per scale), when the format has groups.</summary>
    public int? GroupSize { get; init; }

    /// <summary>Gets the precision a matrix multiply runs at when this is the activation format (W4A16 computes in 16-bit; FP8 W8A8 in FP8).</summary>
    public required ComputePrecision ComputePrecision { get; init; }

    /// <summary>Gets a value indicating whether the format stores weights only (it is never an activation format; compute follows the activations).</summary>
    public bool WeightOnly { get; init; }

    /// <summary>Gets the bytes per element of the embedding table and output projection when this is the weight format (those are usually kept at higher precision).</summary>
    public required double EmbeddingBytesPerElement { get; init; }

    /// <summary>Gets where the definition comes from.</summary>
    public required string Source { get; init; }

    /// <summary>Gets the bytes per stored element, including group-scale overhead: base + scale / group.</summary>
    public double BytesPerElement => GroupSize is int g && ScaleBytesPerGroup > 0 ? BaseBytesPerElement + (ScaleBytesPerGroup / g) : BaseBytesPerElement;

    /// <summary>Returns this format with another quantization group size (int4 at group 32 stores 0.625 B per weight).</summary>
    /// <param name="groupSize">Elements per scale; ≥ 1.</param>
    /// <returns>The variant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="groupSize"/> is below 1.</exception>
    public NumericFormat WithGroupSize(int groupSize) => this with { GroupSize = Internal.Guard.Positive(groupSize) };
}
