namespace TokenCost.Server.Contracts;

/// <summary>A numeric format, with the properties of <c>tokencost formats --json</c>.</summary>
internal sealed record FormatEntry
{
    /// <summary>Gets the id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the description.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the bytes per element, scales included.</summary>
    public required double BytesPerElement { get; init; }

    /// <summary>Gets the quantization group size, or null.</summary>
    public required int? GroupSize { get; init; }

    /// <summary>Gets the compute precision (lower case).</summary>
    public required string ComputePrecision { get; init; }

    /// <summary>Gets a value indicating whether the format stores weights only.</summary>
    public required bool WeightOnly { get; init; }

    /// <summary>Gets the bytes per embedding element.</summary>
    public required double EmbeddingBytesPerElement { get; init; }

    /// <summary>Gets the source.</summary>
    public required string Source { get; init; }
}
