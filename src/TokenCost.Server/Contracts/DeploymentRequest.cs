using System.Text.Json;

namespace TokenCost.Server.Contracts;

/// <summary>
/// A deployment, its workload and its prices, as <c>tokencost estimate</c> takes them: every property is optional and defaults to the
/// CLI's default (Llama-2-70B, int4 weights, one H100 SXM, batch 1, 512 prompt and 256 output tokens, the catalog's cloud price).
/// Property names are those of <c>tokencost estimate --json</c>'s output.
/// </summary>
internal abstract record DeploymentRequest
{
    /// <summary>The id an inline <see cref="ModelConfig"/> is given when the request names no <see cref="Model"/>.</summary>
    public const string InlineModelId = "model-config";

    private string? _model;

    /// <summary>
    /// Gets the model id (see <c>GET /v1/models</c>); with <see cref="ModelConfig"/>, the id that model is given (default
    /// <c>model-config</c>; an id already in the catalog is replaced, as <c>--model-config</c> replaces the model of its file name).
    /// </summary>
    public string Model
    {
        get => _model ?? (ModelConfig is { ValueKind: JsonValueKind.Object } ? InlineModelId : "llama-2-70b");
        set => _model = value;
    }

    /// <summary>
    /// Gets a model given inline as the object of a Hugging Face <c>config.json</c> (as <c>tokencost estimate --model-config FILE</c> reads it:
    /// strictly, at most 1 MB, the families <c>tokencost</c> supports), or null. No file path is accepted.
    /// </summary>
    public JsonElement? ModelConfig { get; set; }

    /// <summary>Gets the hardware id (see <c>GET /v1/hardware</c>).</summary>
    public string Hardware { get; set; } = "nvidia_h100_sxm";

    /// <summary>Gets the number of accelerators, 1 to 65,536.</summary>
    public int Devices { get; set; } = 1;

    /// <summary>Gets the tensor-parallel degree, or null for devices ÷ pipelineParallel.</summary>
    public int? TensorParallel { get; set; }

    /// <summary>Gets the pipeline-parallel degree, ≥ 1.</summary>
    public int PipelineParallel { get; set; } = 1;

    /// <summary>Gets the weight format id (see <c>GET /v1/formats</c>).</summary>
    public string Weights { get; set; } = "int4";

    /// <summary>Gets the format id of MoE expert weights when the checkpoint mixes formats (for example mxfp4 experts with bf16 weights), or null for the weight format (<c>--expert-weights</c>).</summary>
    public string? ExpertWeights { get; set; }

    /// <summary>Gets the expert-parallel degree of MoE layers, ≥ 1 and dividing the tensor-parallel degree: routed experts split over this many devices of a replica (<c>--ep</c>), or null for 1 (experts follow the tensor-parallel split). Setting it or <see cref="AttentionDataParallel"/> fixes the layout (a curve then tries no other).</summary>
    public int? ExpertParallel { get; set; }

    /// <summary>Gets a value indicating whether attention is data-parallel: each device of a replica holds whole attention weights and its own sequences' KV cache, MoE layers follow <see cref="ExpertParallel"/> (<c>--attention-dp</c>).</summary>
    public bool AttentionDataParallel { get; set; }

    /// <summary>Gets the activation format id, or null for bf16 (weight-only formats) or the weight format.</summary>
    public string? Activations { get; set; }

    /// <summary>Gets the KV-cache format id, or null for bf16.</summary>
    public string? KvCache { get; set; }

    /// <summary>Gets the serving stack id (see <c>GET /v1/stacks</c>).</summary>
    public string Stack { get; set; } = "unknown";

    /// <summary>Gets the sequences per replica, or null (JSON null or "auto") for as many as memory allows.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(BatchJsonConverter))]
    public int? Batch { get; set; } = 1;

    /// <summary>Gets the prompt tokens per sequence, ≥ 0.</summary>
    public int InputTokens { get; set; } = 512;

    /// <summary>Gets the generated tokens per sequence, ≥ 0.</summary>
    public int OutputTokens { get; set; } = 256;

    /// <summary>Gets the rental price in USD per device-hour, or null for the catalog's cloud price.</summary>
    public double? PricePerHour { get; set; }

    /// <summary>Gets a dated price tier to rent at (hyperscaler, neocloud, rental_3yr, retail; most recent, or name@yyyy-MM; see <c>GET /v1/price-tiers</c>), or null.</summary>
    public string? PriceTier { get; set; }

    /// <summary>Gets the purchase price in USD per device (amortise instead of renting), or null.</summary>
    public double? Capex { get; set; }

    /// <summary>Gets the fraction of hours purchased hardware does paid work, in (0, 1] (with capex).</summary>
    public double? Utilization { get; set; }

    /// <summary>Gets the electricity price in USD per kWh, or null for the catalog's data-centre default.</summary>
    public double? ElectricityPrice { get; set; }

    /// <summary>Gets the power usage effectiveness, ≥ 1, or null for the catalog's default.</summary>
    public double? Pue { get; set; }

    /// <summary>
    /// Gets inline catalog overrides: an object with any of the sections hardware, models, formats, stacks, in the schema of
    /// <c>tokencost --catalog</c> files (validated the same way). No file path is accepted.
    /// </summary>
    public JsonElement? CatalogOverrides { get; set; }
}
