using TokenCost.Catalogs;
using TokenCost.Hardware;
using TokenCost.Internal;
using TokenCost.Models;
using TokenCost.Quantization;
using TokenCost.Serving;
using TokenCost.Serving.Layouts;

namespace TokenCost.Estimation;

/// <summary>
/// What is deployed: a model on a number of accelerators with a parallel layout, numeric formats for weights,
/// activations and KV cache, and a serving stack.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. <see cref="Devices"/> must be a multiple of
/// <see cref="TensorParallel"/> × <see cref="PipelineParallel"/>; the quotient is the number of data-parallel replicas.
/// </remarks>
public sealed record DeploymentConfiguration
{
    private readonly int _devices = 1;
    private readonly int _tensorParallel = 1;
    private readonly int _pipelineParallel = 1;

    /// <summary>Gets the model.</summary>
    public required ModelArchitecture Model { get; init; }

    /// <summary>Gets the accelerator type of every device.</summary>
    public required HardwarePlatform Hardware { get; init; }

    /// <summary>Gets the number of accelerators, ≥ 1.</summary>
    /// <value>The default value is 1.</value>
    public int Devices { get => _devices; init => _devices = Guard.Positive(value, nameof(Devices)); }

    /// <summary>Gets the number of devices each layer's weights are split across, ≥ 1.</summary>
    /// <value>The default value is 1.</value>
    public int TensorParallel { get => _tensorParallel; init => _tensorParallel = Guard.Positive(value, nameof(TensorParallel)); }

    /// <summary>Gets the number of pipeline stages, ≥ 1.</summary>
    /// <value>The default value is 1.</value>
    public int PipelineParallel { get => _pipelineParallel; init => _pipelineParallel = Guard.Positive(value, nameof(PipelineParallel)); }

    /// <summary>Gets the storage format of the transformer-block linear weights.</summary>
    public required NumericFormat Weights { get; init; }

    /// <summary>
    /// Gets the storage format of the mixture-of-experts expert weights (routed and shared) when a checkpoint stores them differently
    /// from the other linear weights, or null when they use <see cref="Weights"/> (gpt-oss: MXFP4 experts with bf16 attention).
    /// </summary>
    /// <value>The default value is null (experts in <see cref="Weights"/>).</value>
    public NumericFormat? ExpertWeights { get; init; }

    /// <summary>Gets the format the expert weights are stored in: <see cref="ExpertWeights"/>, or <see cref="Weights"/> when that is null.</summary>
    public NumericFormat EffectiveExpertWeights => ExpertWeights ?? Weights;

    /// <summary>Gets the format of the activations fed to the matrix multiplies; it selects the compute precision.</summary>
    public required NumericFormat Activations { get; init; }

    /// <summary>Gets the storage format of the KV cache.</summary>
    public required NumericFormat KvCache { get; init; }

    /// <summary>Gets the serving stack.</summary>
    public required ServingStack Stack { get; init; }

    /// <summary>
    /// Gets how a replica spreads MoE experts (expert parallelism) and attention (data parallelism) over its tensor-parallel devices
    /// (docs/roofline.md, "MoE serving layouts").
    /// </summary>
    /// <value>The default value is <see cref="ServingLayout.TensorParallelOnly"/>.</value>
    public ServingLayout Layout { get; init; } = ServingLayout.TensorParallelOnly;

    /// <summary>Gets the layout of one replica in the case-tag notation: <c>TPt</c>, <c>PPp</c> when pipelined, <c>EPe</c> and <c>DP</c> (e.g. <c>TP8EP8DP</c>).</summary>
    public string LayoutNotation => FormattableString.Invariant($"TP{TensorParallel}") + (PipelineParallel > 1 ? FormattableString.Invariant($"PP{PipelineParallel}") : "") + Layout;

    /// <summary>Gets the number of independent replicas: devices ÷ (tensor × pipeline parallel).</summary>
    public int Replicas => (int)(Devices / Math.Max(1, (long)TensorParallel * PipelineParallel));

    /// <summary>Gets the devices that make up one replica: tensor × pipeline parallel.</summary>
    public int DevicesPerReplica => (int)Math.Min(int.MaxValue, (long)TensorParallel * PipelineParallel);

    /// <summary>
    /// Creates a configuration from catalog ids. Formats left null default to the model's 16-bit baseline:
    /// activations bf16 (or the weight format when it is a compute format such as fp8/fp4), KV cache bf16.
    /// </summary>
    /// <param name="catalog">The catalog to resolve ids in.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="hardwareId">The hardware id.</param>
    /// <param name="weightsId">The weight format id.</param>
    /// <param name="activationsId">The activation format id, or null for the default.</param>
    /// <param name="kvCacheId">The KV-cache format id, or null for the default.</param>
    /// <param name="stackId">The serving stack id.</param>
    /// <param name="devices">The number of devices.</param>
    /// <param name="tensorParallel">The tensor-parallel degree, or null for all devices of one replica.</param>
    /// <param name="pipelineParallel">The pipeline-parallel degree.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="UnknownIdException">An id is not in the catalog.</exception>
    /// <exception cref="ArgumentException">The layout or the formats are inconsistent.</exception>
    public static DeploymentConfiguration Create(
        Catalog catalog,
        string modelId,
        string hardwareId,
        string weightsId = "bf16",
        string? activationsId = null,
        string? kvCacheId = null,
        string stackId = "unknown",
        int devices = 1,
        int? tensorParallel = null,
        int pipelineParallel = 1)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var weights = catalog.GetFormat(weightsId);
        var activations = activationsId is null ? DefaultActivations(catalog, weights) : catalog.GetFormat(activationsId);
        var config = new DeploymentConfiguration
        {
            Model = catalog.GetModel(modelId),
            Hardware = catalog.GetHardware(hardwareId),
            Devices = devices,
            TensorParallel = tensorParallel ?? (devices / Guard.Positive(pipelineParallel)),
            PipelineParallel = pipelineParallel,
            Weights = weights,
            Activations = activations,
            KvCache = catalog.GetFormat(kvCacheId ?? "bf16"),
            Stack = catalog.GetStack(stackId),
        };
        config.Validate();
        return config;
    }

    /// <summary>Checks the layout and the formats.</summary>
    /// <exception cref="ArgumentException">The model breaks a rule of <see cref="ModelArchitecture.Validate"/>, devices are not a multiple of TP × PP, pipeline stages exceed layers, or a weight-only format is used for activations or KV cache.</exception>
    public void Validate()
    {
        Model.Validate();

        // TP × PP in 64 bits: two large degrees must not wrap to a small (or zero) product.
        var perReplica = (long)TensorParallel * PipelineParallel;
        if (perReplica > Devices || Devices % perReplica != 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"devices ({Devices}) must be a multiple of tensor parallel ({TensorParallel}) × pipeline parallel ({PipelineParallel})."), nameof(Devices));
        }

        if (PipelineParallel > Model.Layers)
        {
            throw new ArgumentException(FormattableString.Invariant($"pipeline parallel ({PipelineParallel}) exceeds the model's {Model.Layers} layers."), nameof(PipelineParallel));
        }

        ValidateLayout();
        if (!Layout.AttentionDataParallel)
        {
            ValidateHeads();
        }

        if (Activations.WeightOnly)
        {
            throw new ArgumentException($"activations format '{Activations.Id}' stores weights only; use bf16, fp16, fp8, int8, fp4 or fp32.", nameof(Activations));
        }

        if (KvCache.WeightOnly)
        {
            throw new ArgumentException($"KV-cache format '{KvCache.Id}' stores weights only; use bf16, fp16, fp8, int8 or fp32.", nameof(KvCache));
        }

        if (DevicesPerReplica > 1 && Hardware.InterconnectBandwidth is null)
        {
            throw new ArgumentException($"hardware '{Hardware.Id}' lists no interconnect bandwidth, so tensor or pipeline parallelism cannot be modelled on it.", nameof(Hardware));
        }
    }

    /// <summary>
    /// Expert parallelism splits a replica's tensor-parallel devices: EP must divide TP. When EP does not divide the routed experts, each
    /// device holds ⌈E ÷ EP⌉ (the spare slots hold redundant copies of hot experts, as EPLB does: DeepSeek-R1's 256 experts on EP72).
    /// </summary>
    private void ValidateLayout()
    {
        var ep = Layout.ExpertParallel;
        if (ep == 1)
        {
            return;
        }

        if (Model.Experts < 2)
        {
            throw new ArgumentException(FormattableString.Invariant($"expert parallel ({ep}) needs a mixture-of-experts model; {Model.Id} has no experts."), nameof(Layout));
        }

        if (TensorParallel % ep != 0 || ep > Model.Experts)
        {
            throw new ArgumentException(FormattableString.Invariant($"expert parallel ({ep}) must divide tensor parallel ({TensorParallel}) and not exceed the {Model.Experts} experts of {Model.Id}."), nameof(Layout));
        }
    }

    /// <summary>
    /// Tensor parallelism splits attention by heads: the degree must divide the attention heads, and the KV heads must either split
    /// evenly (kv % tp = 0) or be replicated (tp % kv = 0, vLLM's rule when tp exceeds the KV heads). A catalog entry whose heads are
    /// per-layer means (OpenELM's varying layers give fractional means) has no single head count, so the check is skipped for it.
    /// </summary>
    private void ValidateHeads()
    {
        var heads = Model.AttentionHeads;
        var kv = Model.KeyValueHeads;
        if (HeadsAllow(Model, TensorParallel))
        {
            return;
        }

        if (heads % TensorParallel != 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"tensor parallel ({TensorParallel}) must divide the {heads} attention heads of {Model.Id}."), nameof(TensorParallel));
        }

        if (kv % TensorParallel != 0 && TensorParallel % kv != 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"tensor parallel ({TensorParallel}) must divide the {kv} KV heads of {Model.Id} or be a multiple of them (KV heads are replicated)."), nameof(TensorParallel));
        }
    }

    /// <summary>Gets whether a tensor-parallel degree splits the model's attention heads and KV heads (see <see cref="Validate"/>).</summary>
    internal static bool HeadsAllow(ModelArchitecture model, int tensorParallel)
    {
        var heads = model.AttentionHeads;
        var kv = model.KeyValueHeads;
        return tensorParallel == 1 || heads != Math.Floor(heads) || kv != Math.Floor(kv) || heads < 1 || kv < 1
            || (heads % tensorParallel == 0 && (kv % tensorParallel == 0 || tensorParallel % kv == 0));
    }

    private static NumericFormat DefaultActivations(Catalog catalog, NumericFormat weights) =>
        weights.WeightOnly || weights.Id is "fp32" or "int8" ? catalog.GetFormat(weights.Id == "fp32" ? "fp32" : "bf16") : weights;
}
