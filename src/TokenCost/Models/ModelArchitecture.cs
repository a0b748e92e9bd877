namespace TokenCost.Models;

/// <summary>
/// A decoder-only transformer's shape from the model catalog (dense, GQA/MQA, or mixture of experts),
/// with the parameter counts derived from it.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. Widths are element counts; parameter counts are elements, not bytes.
/// For layer-wise-scaled models (OpenELM) the head and FFN widths are per-layer means, so layer sums stay exact.
/// </remarks>
public sealed record ModelArchitecture
{
    /// <summary>Gets the catalog id, exactly as written in <c>models.csv</c> (for example <c>llama-2-70b</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the human-readable name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the total parameter count as listed in the catalog, in billions.</summary>
    public double ListedParametersBillions { get; init; }

    /// <summary>Gets the number of decoder layers.</summary>
    public required int Layers { get; init; }

    /// <summary>Gets the model (residual) width.</summary>
    public required int HiddenSize { get; init; }

    /// <summary>Gets the query heads per layer (a mean for layer-wise-scaled models).</summary>
    public required double AttentionHeads { get; init; }

    /// <summary>Gets the key/value heads per layer (a mean for layer-wise-scaled models).</summary>
    public required double KeyValueHeads { get; init; }

    /// <summary>Gets the width of one attention head.</summary>
    public required int HeadDimension { get; init; }

    /// <summary>Gets the inner width of the dense FFN; 0 when every layer's FFN is a mixture of experts.</summary>
    public double IntermediateSize { get; init; }

    /// <summary>Gets the vocabulary size (rows of the embedding table).</summary>
    public required int VocabularySize { get; init; }

    /// <summary>Gets the routed experts per MoE layer (0 for dense models).</summary>
    public int Experts { get; init; }

    /// <summary>Gets the routed experts selected per token.</summary>
    public int ExpertsPerToken { get; init; }

    /// <summary>Gets the always-active shared experts per layer.</summary>
    public int SharedExperts { get; init; }

    /// <summary>Gets the inner width of one expert's FFN.</summary>
    public int ExpertIntermediateSize { get; init; }

    /// <summary>Gets a value indicating whether the output projection shares the embedding matrix.</summary>
    public bool TiedEmbeddings { get; init; }

    /// <summary>Gets the maximum context length in tokens.</summary>
    public int MaxContext { get; init; }

    /// <summary>Gets the attention kind.</summary>
    public AttentionKind Attention { get; init; }

    /// <summary>Gets the FFN form (also used by each expert).</summary>
    public FeedForwardKind FeedForward { get; init; }

    /// <summary>Gets where the numbers come from.</summary>
    public required string Source { get; init; }

    /// <summary>Gets a value indicating whether a number of this row is flagged as an estimate.</summary>
    public bool IsEstimate { get; init; }

    /// <summary>Gets a value indicating whether the FFN is a mixture of experts.</summary>
    public bool IsMixtureOfExperts => Experts > 0;

    /// <summary>Gets the number of matrices in one FFN (3 for SwiGLU, 2 for GELU).</summary>
    public int FeedForwardMatrices => FeedForward == FeedForwardKind.SwiGlu ? 3 : 2;

    /// <summary>Gets the query/key/value projection parameters of one layer: hidden × (heads + 2·kv_heads) × head_dim.</summary>
    public double QkvParametersPerLayer => (double)HiddenSize * (AttentionHeads + 2 * KeyValueHeads) * HeadDimension;

    /// <summary>Gets the attention output projection parameters of one layer: heads × head_dim × hidden.</summary>
    public double OutputProjectionParametersPerLayer => AttentionHeads * HeadDimension * HiddenSize;

    /// <summary>Gets the dense FFN parameters of one layer (0 for all-MoE models).</summary>
    public double DenseFeedForwardParametersPerLayer => FeedForwardMatrices * (double)HiddenSize * IntermediateSize;

    /// <summary>Gets the parameters of one expert.</summary>
    public double ParametersPerExpert => FeedForwardMatrices * (double)HiddenSize * ExpertIntermediateSize;

    /// <summary>Gets the router parameters of one layer: hidden × experts.</summary>
    public double RouterParametersPerLayer => (double)HiddenSize * Experts;

    /// <summary>Gets the token-embedding parameters: vocab × hidden.</summary>
    public double EmbeddingParameters => (double)VocabularySize * HiddenSize;

    /// <summary>Gets the parameters of the output projection (LM head) that are separate from the embedding (0 when tied).</summary>
    public double UntiedOutputHeadParameters => TiedEmbeddings ? 0 : EmbeddingParameters;

    /// <summary>Gets the parameters of the transformer blocks' linear layers (attention, dense FFN, every expert, routers).</summary>
    public double BlockLinearParameters =>
        Layers * (QkvParametersPerLayer + OutputProjectionParametersPerLayer + DenseFeedForwardParametersPerLayer
                  + (Experts + SharedExperts) * ParametersPerExpert + RouterParametersPerLayer);

    /// <summary>Gets the total parameters: block linear layers + embedding + untied output head (norms omitted).</summary>
    public double TotalParameters => BlockLinearParameters + EmbeddingParameters + UntiedOutputHeadParameters;

    /// <summary>Gets the parameters one token uses: attention, dense FFN, top-k routed plus shared experts, routers, embedding and output head.</summary>
    public double ActiveParametersPerToken =>
        Layers * (QkvParametersPerLayer + OutputProjectionParametersPerLayer + DenseFeedForwardParametersPerLayer
                  + (ExpertsPerToken + SharedExperts) * ParametersPerExpert + RouterParametersPerLayer)
        + EmbeddingParameters + UntiedOutputHeadParameters;

    /// <summary>Gets the elements of key and value cache one token adds per layer: 2 × kv_heads × head_dim.</summary>
    public double KvElementsPerTokenPerLayer => 2 * KeyValueHeads * HeadDimension;

    /// <summary>
    /// Gets the expected number of distinct routed experts touched in one layer when <paramref name="tokens"/> tokens are routed:
    /// E · (1 − (1 − k/E)^tokens), assuming uniform, independent routing.
    /// </summary>
    /// <param name="tokens">Tokens routed in the step (batch × new tokens per sequence); ≥ 0.</param>
    /// <returns>The expected number of experts touched (0 for dense models).</returns>
    public double ExpectedExpertsTouched(double tokens)
    {
        if (!IsMixtureOfExperts || tokens <= 0)
        {
            return 0;
        }

        double e = Experts;
        return e * (1 - Math.Pow(1 - (ExpertsPerToken / e), tokens));
    }
}
