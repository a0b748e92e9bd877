namespace TokenCost.Contracts;

/// <summary>A numeric format (<c>tokencost formats --format json</c>, <c>GET /v1/formats</c>).</summary>
public sealed record FormatEntry
{
    /// <summary>Gets the format id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the bytes per element, scales included.</summary>
    public required double BytesPerElement { get; init; }

    /// <summary>Gets the elements per quantization group, or null.</summary>
    public required int? GroupSize { get; init; }

    /// <summary>Gets the precision the tensor cores compute in.</summary>
    public required string ComputePrecision { get; init; }

    /// <summary>Gets a value indicating whether only weights are stored in the format (activations stay wider).</summary>
    public required bool WeightOnly { get; init; }

    /// <summary>Gets the bytes per element of the embedding tables.</summary>
    public required double EmbeddingBytesPerElement { get; init; }

    /// <summary>Gets the source.</summary>
    public required string Source { get; init; }
}
