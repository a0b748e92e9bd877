namespace TokenCost.Server.Contracts;

/// <summary>A model, with the properties of <c>tokencost models --json</c>.</summary>
internal sealed record ModelEntry
{
    /// <summary>Gets the id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the listed parameters, in billions.</summary>
    public required double ParamsB { get; init; }

    /// <summary>Gets the parameters computed from the architecture, in billions.</summary>
    public required double ComputedParamsB { get; init; }

    /// <summary>Gets the parameters active per token, in billions.</summary>
    public required double ActiveParamsB { get; init; }

    /// <summary>Gets the transformer layers.</summary>
    public required int Layers { get; init; }

    /// <summary>Gets the hidden size.</summary>
    public required int Hidden { get; init; }

    /// <summary>Gets the attention heads.</summary>
    public required double Heads { get; init; }

    /// <summary>Gets the key-value heads.</summary>
    public required double KvHeads { get; init; }

    /// <summary>Gets the routed experts (0 for dense models).</summary>
    public required int Experts { get; init; }

    /// <summary>Gets the experts active per token.</summary>
    public required int ExpertsPerToken { get; init; }

    /// <summary>Gets the maximum context, in tokens.</summary>
    public required int MaxContext { get; init; }

    /// <summary>Gets the attention kind (lower case).</summary>
    public required string Attention { get; init; }

    /// <summary>Gets the feed-forward kind (lower case).</summary>
    public required string Ffn { get; init; }

    /// <summary>Gets the source.</summary>
    public required string Source { get; init; }
}
