namespace TokenCost.Contracts;

/// <summary>A model architecture (<c>tokencost models --format json</c>, <c>models --from-config</c>, <c>GET /v1/models</c>).</summary>
public sealed record ModelEntry
{
    /// <summary>Gets the version of this contract (docs/json.md) when the object is printed alone, else absent.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? ContractVersion { get; init; }

    /// <summary>Gets the model id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the model's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the parameter count the model card lists (the catalog file's key), in billions.</summary>
    public required double ParamsB { get; init; }

    /// <summary>Gets the parameter count computed from the architecture, in billions.</summary>
    public required double TotalParametersBillions { get; init; }

    /// <summary>Gets the parameters active per token (the routed experts only for MoE), in billions.</summary>
    public required double ActiveParametersBillions { get; init; }

    /// <summary>Gets the active parameters per token without the embedding lookup, in billions.</summary>
    public required double ActiveParametersWithoutEmbeddingBillions { get; init; }

    /// <summary>Gets the active parameter count per token the model card lists (the catalog file's key), in billions, or null when it lists none.</summary>
    public required double? ActiveParamsB { get; init; }

    /// <summary>Gets the transformer layers.</summary>
    public required int Layers { get; init; }

    /// <summary>Gets the hidden size.</summary>
    public required int Hidden { get; init; }

    /// <summary>Gets the attention heads.</summary>
    public required double Heads { get; init; }

    /// <summary>Gets the key-value heads.</summary>
    public required double KvHeads { get; init; }

    /// <summary>Gets the head dimension.</summary>
    public required int HeadDim { get; init; }

    /// <summary>Gets the attention kind (mha, gqa, mqa, mla, …).</summary>
    public required string Attention { get; init; }

    /// <summary>Gets the feed-forward kind.</summary>
    public required string Ffn { get; init; }

    /// <summary>Gets the latent KV rank of multi-head latent attention (0 otherwise).</summary>
    public required int KvLoraRank { get; init; }

    /// <summary>Gets the latent query rank (0 when none).</summary>
    public required int QLoraRank { get; init; }

    /// <summary>Gets the rotary key dimension of latent attention (0 otherwise).</summary>
    public required int QkRopeHeadDim { get; init; }

    /// <summary>Gets the value head dimension.</summary>
    public required int VHeadDim { get; init; }

    /// <summary>Gets the dense feed-forward width.</summary>
    public required double Intermediate { get; init; }

    /// <summary>Gets the routed experts (0 for dense models).</summary>
    public required int Experts { get; init; }

    /// <summary>Gets the routed experts each token uses.</summary>
    public required int ExpertsPerToken { get; init; }

    /// <summary>Gets the shared experts.</summary>
    public required int SharedExperts { get; init; }

    /// <summary>Gets the width of one expert.</summary>
    public required int MoeIntermediate { get; init; }

    /// <summary>Gets the layers with a dense feed-forward block.</summary>
    public required int DenseLayers { get; init; }

    /// <summary>Gets the layers with a mixture-of-experts block.</summary>
    public required int MoeLayers { get; init; }

    /// <summary>Gets the sliding-window length, in tokens (0 when none).</summary>
    public required int SlidingWindow { get; init; }

    /// <summary>Gets the layers with sliding-window attention.</summary>
    public required int SlidingWindowLayers { get; init; }

    /// <summary>Gets the multi-token-prediction modules.</summary>
    public required int MtpLayers { get; init; }

    /// <summary>Gets the vocabulary size, in tokens.</summary>
    public required int Vocab { get; init; }

    /// <summary>Gets a value indicating whether the input and output embeddings are shared.</summary>
    public required bool TiedEmbeddings { get; init; }

    /// <summary>Gets the longest context, in tokens.</summary>
    public required int MaxContext { get; init; }

    /// <summary>Gets the values cached per token per layer, in elements.</summary>
    public required double KvCacheValuesPerTokenPerLayer { get; init; }

    /// <summary>Gets the values cached per token over all layers, in elements.</summary>
    public required double KvCacheValuesPerToken { get; init; }

    /// <summary>Gets the values cached per token over all layers averaged over a full context (windowed layers stop growing at the window), in elements.</summary>
    public required double KvCacheValuesPerTokenAtMaxContext { get; init; }

    /// <summary>Gets the source of the architecture.</summary>
    public required string Source { get; init; }
}
