using TokenCost.Internal;

namespace TokenCost.Models;

/// <summary>
/// A decoder-only transformer's shape from the model catalog or a Hugging Face <c>config.json</c> (dense, GQA/MQA, multi-head latent
/// attention, sliding-window layers, mixture of experts with dense layers and shared experts), with the parameter counts derived from it.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Widths are element counts; parameter counts are elements, not bytes.
/// For layer-wise-scaled models (OpenELM) the head and FFN widths are per-layer means, so layer sums stay exact.</para>
/// <para>Every member checks its own range when set (an <see cref="ArgumentOutOfRangeException"/> naming the member, so
/// <c>model with { Layers = 0 }</c> throws); <see cref="Validate"/> checks the rules that tie members together.</para>
/// <para>Parameter counts leave out norms and biases (under 0.1 % for every catalogued model) and any multi-token-prediction
/// module or vision tower.</para>
/// </remarks>
public sealed record ModelArchitecture
{
    private readonly string _id = "";
    private readonly string _name = "";
    private readonly double _listedParameters;
    private readonly double? _listedActive;
    private readonly int _layers = 1;
    private readonly int _hidden = 1;
    private readonly double _heads = 1;
    private readonly double _kvHeads = 1;
    private readonly int _headDim = 1;
    private readonly double _intermediate;
    private readonly int _vocab = 1;
    private readonly int _experts;
    private readonly int _expertsPerToken;
    private readonly int _sharedExperts;
    private readonly int _expertIntermediate;
    private readonly int _maxContext;
    private readonly int _denseLayers;
    private readonly int _queryLowRank;
    private readonly int _kvLowRank;
    private readonly int _ropeHeadDim;
    private readonly int _valueHeadDim;
    private readonly int _slidingWindow;
    private readonly int _slidingWindowLayers;
    private readonly int _mtpLayers;
    private readonly string _source = "";

    /// <summary>Gets the catalog id, exactly as written in <c>models.csv</c> (for example <c>llama-2-70b</c>).</summary>
    public required string Id { get => _id; init => _id = Guard.NotNull(value, nameof(Id)); }

    /// <summary>Gets the human-readable name.</summary>
    public required string Name { get => _name; init => _name = Guard.NotNull(value, nameof(Name)); }

    /// <summary>Gets the total parameter count as listed in the catalog, in billions (0 when not listed).</summary>
    public double ListedParametersBillions { get => _listedParameters; init => _listedParameters = Guard.NonNegativeFinite(value, nameof(ListedParametersBillions)); }

    /// <summary>Gets the active parameters per token as listed in the catalog, in billions, or null when not listed.</summary>
    public double? ListedActiveParametersBillions
    {
        get => _listedActive;
        init => _listedActive = value is double v ? Guard.NonNegativeFinite(v, nameof(ListedActiveParametersBillions)) : null;
    }

    /// <summary>Gets the number of decoder layers, ≥ 1 (multi-token-prediction modules not included).</summary>
    public required int Layers { get => _layers; init => _layers = Guard.Positive(value, nameof(Layers)); }

    /// <summary>Gets the model (residual) width, ≥ 1.</summary>
    public required int HiddenSize { get => _hidden; init => _hidden = Guard.Positive(value, nameof(HiddenSize)); }

    /// <summary>Gets the query heads per layer (a mean for layer-wise-scaled models), &gt; 0.</summary>
    public required double AttentionHeads { get => _heads; init => _heads = Guard.PositiveFinite(value, nameof(AttentionHeads)); }

    /// <summary>Gets the key/value heads per layer (a mean for layer-wise-scaled models), &gt; 0; for MLA, the heads the latent is expanded to.</summary>
    public required double KeyValueHeads { get => _kvHeads; init => _kvHeads = Guard.PositiveFinite(value, nameof(KeyValueHeads)); }

    /// <summary>Gets the width of one attention head's query and key, ≥ 1 (for MLA: the no-position part plus <see cref="RopeHeadDimension"/>).</summary>
    public required int HeadDimension { get => _headDim; init => _headDim = Guard.Positive(value, nameof(HeadDimension)); }

    /// <summary>Gets the inner width of the dense FFN; 0 when every layer's FFN is a mixture of experts.</summary>
    public double IntermediateSize { get => _intermediate; init => _intermediate = Guard.NonNegativeFinite(value, nameof(IntermediateSize)); }

    /// <summary>Gets the vocabulary size (rows of the embedding table), ≥ 1.</summary>
    public required int VocabularySize { get => _vocab; init => _vocab = Guard.Positive(value, nameof(VocabularySize)); }

    /// <summary>Gets the routed experts per MoE layer (0 for dense models).</summary>
    public int Experts { get => _experts; init => _experts = Guard.NonNegative(value, nameof(Experts)); }

    /// <summary>Gets the routed experts selected per token.</summary>
    public int ExpertsPerToken { get => _expertsPerToken; init => _expertsPerToken = Guard.NonNegative(value, nameof(ExpertsPerToken)); }

    /// <summary>Gets the always-active shared experts per MoE layer (each as wide as a routed expert).</summary>
    public int SharedExperts { get => _sharedExperts; init => _sharedExperts = Guard.NonNegative(value, nameof(SharedExperts)); }

    /// <summary>Gets the inner width of one expert's FFN.</summary>
    public int ExpertIntermediateSize { get => _expertIntermediate; init => _expertIntermediate = Guard.NonNegative(value, nameof(ExpertIntermediateSize)); }

    /// <summary>
    /// Gets the layers of a mixture-of-experts model whose FFN is dense (<see cref="IntermediateSize"/> wide) instead of routed experts:
    /// leading layers (DeepSeek-V3: 3, Kimi K2: 1) or interleaved ones (Llama 4 Maverick: every other layer, 24). 0 = every layer is MoE.
    /// Ignored for dense models, whose every layer is dense (the catalog writes the layer count there).
    /// </summary>
    public int DenseLayers { get => _denseLayers; init => _denseLayers = Guard.NonNegative(value, nameof(DenseLayers)); }

    /// <summary>Gets the MLA query compression rank (<c>q_lora_rank</c>); 0 = queries projected directly from the hidden state.</summary>
    public int QueryLowRank { get => _queryLowRank; init => _queryLowRank = Guard.NonNegative(value, nameof(QueryLowRank)); }

    /// <summary>Gets the MLA key/value latent width (<c>kv_lora_rank</c>), the part of the KV cache shared by all heads; 0 unless MLA.</summary>
    public int KvLowRank { get => _kvLowRank; init => _kvLowRank = Guard.NonNegative(value, nameof(KvLowRank)); }

    /// <summary>Gets the MLA decoupled rotary key width (<c>qk_rope_head_dim</c>), cached once per token next to the latent; 0 unless MLA.</summary>
    public int RopeHeadDimension { get => _ropeHeadDim; init => _ropeHeadDim = Guard.NonNegative(value, nameof(RopeHeadDimension)); }

    /// <summary>Gets the MLA value head width (<c>v_head_dim</c>); 0 unless MLA.</summary>
    public int ValueHeadDimension { get => _valueHeadDim; init => _valueHeadDim = Guard.NonNegative(value, nameof(ValueHeadDimension)); }

    /// <summary>Gets the attention window in tokens of the sliding-window (or chunked) layers; 0 = every layer attends to the whole context.</summary>
    public int SlidingWindow { get => _slidingWindow; init => _slidingWindow = Guard.NonNegative(value, nameof(SlidingWindow)); }

    /// <summary>Gets how many layers use <see cref="SlidingWindow"/>; the others attend to the whole context.</summary>
    public int SlidingWindowLayers { get => _slidingWindowLayers; init => _slidingWindowLayers = Guard.NonNegative(value, nameof(SlidingWindowLayers)); }

    /// <summary>Gets the multi-token-prediction modules shipped with the model (DeepSeek-V3/R1: 1), usable as a self-speculative drafter.</summary>
    public int MultiTokenPredictionLayers { get => _mtpLayers; init => _mtpLayers = Guard.NonNegative(value, nameof(MultiTokenPredictionLayers)); }

    /// <summary>Gets a value indicating whether the output projection shares the embedding matrix.</summary>
    public bool TiedEmbeddings { get; init; }

    /// <summary>Gets the maximum context length in tokens.</summary>
    public int MaxContext { get => _maxContext; init => _maxContext = Guard.NonNegative(value, nameof(MaxContext)); }

    /// <summary>Gets the attention kind.</summary>
    public AttentionKind Attention { get; init; }

    /// <summary>Gets the FFN form (also used by each expert).</summary>
    public FeedForwardKind FeedForward { get; init; }

    /// <summary>Gets where the numbers come from.</summary>
    public required string Source { get => _source; init => _source = Guard.NotNull(value, nameof(Source)); }

    /// <summary>Gets a value indicating whether a number of this row is flagged as an estimate.</summary>
    public bool IsEstimate { get; init; }

    /// <summary>Gets a value indicating whether the FFN is a mixture of experts.</summary>
    public bool IsMixtureOfExperts => Experts > 0;

    /// <summary>Gets a value indicating whether attention is multi-head latent attention.</summary>
    public bool IsLatentAttention => Attention == AttentionKind.Mla;

    /// <summary>Gets the layers whose FFN is routed experts (0 for dense models).</summary>
    public int MoeLayers => IsMixtureOfExperts ? Layers - Math.Min(DenseLayers, Layers) : 0;

    /// <summary>Gets the layers whose FFN is dense: every layer of a dense model, <see cref="DenseLayers"/> of a mixture of experts.</summary>
    public int DenseFeedForwardLayers => Layers - MoeLayers;

    /// <summary>Gets the layers that attend to the whole context (all but the sliding-window layers).</summary>
    public int FullAttentionLayers => Layers - Math.Min(SlidingWindowLayers, Layers);

    /// <summary>Gets the number of matrices in one FFN (3 for SwiGLU, 2 for GELU).</summary>
    public int FeedForwardMatrices => FeedForward == FeedForwardKind.SwiGlu ? 3 : 2;

    /// <summary>Gets the MLA key width without rotary position (<c>qk_nope_head_dim</c>) = head dimension − rope dimension; 0 unless MLA.</summary>
    public int NoPositionHeadDimension => IsLatentAttention ? HeadDimension - RopeHeadDimension : 0;

    /// <summary>
    /// Gets the query/key/value projection parameters of one layer. GQA: hidden × (heads + 2·kv_heads) × head_dim.
    /// MLA: q_a = hidden·q_rank and q_b = q_rank·heads·head_dim (or hidden·heads·head_dim without a query rank),
    /// kv_a = hidden·(kv_rank + rope), kv_b = kv_rank·heads·(nope + v).
    /// </summary>
    public double QkvParametersPerLayer => IsLatentAttention
        ? QueryProjectionParameters + ((double)HiddenSize * (KvLowRank + RopeHeadDimension)) + KeyValueUpProjectionParametersPerLayer
        : (double)HiddenSize * (AttentionHeads + (2 * KeyValueHeads)) * HeadDimension;

    /// <summary>Gets the MLA key/value up-projection (<c>kv_b_proj</c>) parameters of one layer: kv_rank × heads × (nope + v); 0 unless MLA.</summary>
    public double KeyValueUpProjectionParametersPerLayer => IsLatentAttention ? (double)KvLowRank * AttentionHeads * (NoPositionHeadDimension + ValueHeadDimension) : 0;

    /// <summary>Gets the attention output projection parameters of one layer: heads × value width × hidden (value width = head_dim, or v_head_dim for MLA).</summary>
    public double OutputProjectionParametersPerLayer => AttentionHeads * (IsLatentAttention ? ValueHeadDimension : HeadDimension) * HiddenSize;

    /// <summary>Gets the dense FFN parameters of one dense layer (0 when the model has no dense FFN).</summary>
    public double DenseFeedForwardParametersPerLayer => FeedForwardMatrices * (double)HiddenSize * IntermediateSize;

    /// <summary>Gets the parameters of one expert.</summary>
    public double ParametersPerExpert => FeedForwardMatrices * (double)HiddenSize * ExpertIntermediateSize;

    /// <summary>Gets the router parameters of one MoE layer: hidden × experts.</summary>
    public double RouterParametersPerLayer => (double)HiddenSize * Experts;

    /// <summary>Gets the parameters of every routed and shared expert in every MoE layer (routers not included): the part a mixed-precision checkpoint stores in the expert format.</summary>
    public double ExpertParameters => (double)MoeLayers * (Experts + SharedExperts) * ParametersPerExpert;

    /// <summary>Gets the token-embedding parameters: vocab × hidden.</summary>
    public double EmbeddingParameters => (double)VocabularySize * HiddenSize;

    /// <summary>Gets the parameters of the output projection (LM head) that are separate from the embedding (0 when tied).</summary>
    public double UntiedOutputHeadParameters => TiedEmbeddings ? 0 : EmbeddingParameters;

    /// <summary>Gets the parameters of the transformer blocks' linear layers (attention, dense FFNs, every expert, routers).</summary>
    public double BlockLinearParameters =>
        (Layers * (QkvParametersPerLayer + OutputProjectionParametersPerLayer))
        + (DenseFeedForwardLayers * DenseFeedForwardParametersPerLayer)
        + (MoeLayers * (((Experts + SharedExperts) * ParametersPerExpert) + RouterParametersPerLayer));

    /// <summary>Gets the total parameters: block linear layers + embedding + untied output head (norms omitted).</summary>
    public double TotalParameters => BlockLinearParameters + EmbeddingParameters + UntiedOutputHeadParameters;

    /// <summary>Gets the parameters one token uses: attention, dense FFNs, top-k routed plus shared experts, routers, embedding and output head (the catalog's convention; subtract <see cref="EmbeddingParameters"/> for the matmul-only figure).</summary>
    public double ActiveParametersPerToken =>
        (Layers * (QkvParametersPerLayer + OutputProjectionParametersPerLayer))
        + (DenseFeedForwardLayers * DenseFeedForwardParametersPerLayer)
        + (MoeLayers * (((ExpertsPerToken + SharedExperts) * ParametersPerExpert) + RouterParametersPerLayer))
        + EmbeddingParameters + UntiedOutputHeadParameters;

    /// <summary>
    /// Gets the elements of KV cache one token adds per layer: 2 × kv_heads × head_dim, or for MLA kv_rank + rope
    /// (one latent per token, shared by every head).
    /// </summary>
    public double KvElementsPerTokenPerLayer => IsLatentAttention ? KvLowRank + RopeHeadDimension : 2 * KeyValueHeads * HeadDimension;

    /// <summary>Gets the KV-cache elements one token adds across all layers while no window is full: <see cref="KvElementsPerTokenPerLayer"/> × layers.</summary>
    public double KvElementsPerToken => KvElementsPerTokenPerLayer * Layers;

    private double QueryProjectionParameters => QueryLowRank > 0
        ? ((double)HiddenSize * QueryLowRank) + ((double)QueryLowRank * AttentionHeads * HeadDimension)
        : (double)HiddenSize * AttentionHeads * HeadDimension;

    /// <summary>
    /// Gets the positions a sequence of <paramref name="contextTokens"/> tokens holds in the KV cache, summed over layers:
    /// full layers × T + sliding-window layers × min(T, window).
    /// </summary>
    /// <param name="contextTokens">Tokens in the sequence, ≥ 0 (may be fractional for an average).</param>
    /// <returns>Cached token-layers.</returns>
    public double CachedTokenLayers(double contextTokens)
    {
        var t = Math.Max(0, contextTokens);
        return (FullAttentionLayers * t) + (Math.Min(SlidingWindowLayers, Layers) * (SlidingWindow > 0 ? Math.Min(t, SlidingWindow) : t));
    }

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

    /// <summary>Checks the rules that tie members together (each member's own range is checked when it is set).</summary>
    /// <exception cref="ArgumentException">A rule is broken; the parameter name is the member at fault.</exception>
    public void Validate()
    {
        if (IsMixtureOfExperts)
        {
            Require(ExpertsPerToken >= 1 && ExpertsPerToken <= Experts, nameof(ExpertsPerToken), $"must be between 1 and Experts ({Experts}) for a mixture of experts; got {ExpertsPerToken}");
            Require(ExpertIntermediateSize >= 1, nameof(ExpertIntermediateSize), $"must be ≥ 1 for a mixture of experts; got {ExpertIntermediateSize}");
            Require(DenseLayers <= Layers, nameof(DenseLayers), $"must not exceed Layers ({Layers}); got {DenseLayers}");
            Require(DenseLayers == 0 || IntermediateSize > 0, nameof(IntermediateSize), $"must be > 0 when {DenseLayers} layers have a dense FFN");
        }
        else
        {
            Require(ExpertsPerToken == 0 && SharedExperts == 0, nameof(ExpertsPerToken), "experts per token and shared experts need Experts ≥ 1");
            Require(IntermediateSize > 0, nameof(IntermediateSize), "must be > 0 for a dense model (every layer has a dense FFN)");
        }

        Require(SlidingWindowLayers <= Layers, nameof(SlidingWindowLayers), $"must not exceed Layers ({Layers}); got {SlidingWindowLayers}");
        Require((SlidingWindow > 0) == (SlidingWindowLayers > 0), nameof(SlidingWindow), $"a window ({SlidingWindow}) and the layers that use it ({SlidingWindowLayers}) are given together");
        if (IsLatentAttention)
        {
            Require(KvLowRank >= 1, nameof(KvLowRank), "must be ≥ 1 for multi-head latent attention");
            Require(ValueHeadDimension >= 1, nameof(ValueHeadDimension), "must be ≥ 1 for multi-head latent attention");
            Require(RopeHeadDimension < HeadDimension, nameof(RopeHeadDimension), $"must be below HeadDimension ({HeadDimension}) (head = no-position part + rope part); got {RopeHeadDimension}");
        }
        else
        {
            Require(KvLowRank == 0 && QueryLowRank == 0 && RopeHeadDimension == 0 && ValueHeadDimension == 0, nameof(KvLowRank), "low-rank and rope widths are only used with multi-head latent attention (Attention = Mla)");
        }
    }

    private static void Require(bool ok, string member, string message)
    {
        if (!ok)
        {
            throw new ArgumentException(member + " " + message + ".", member);
        }
    }
}
