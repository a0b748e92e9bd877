using System.Text.Json.Serialization;

namespace TokenCost.Server.Contracts;

/// <summary>The body of <c>POST /v1/optimize</c>: the options of <c>tokencost optimize</c>, with the same defaults.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record OptimizeRequest
{
    /// <summary>Gets the model id.</summary>
    public string Model { get; set; } = "llama-2-70b";

    /// <summary>Gets the serving stack id.</summary>
    public string Stack { get; set; } = "unknown";

    /// <summary>Gets the prompt tokens per sequence, ≥ 0.</summary>
    public int InputTokens { get; set; } = 512;

    /// <summary>Gets the generated tokens per sequence, ≥ 0.</summary>
    public int OutputTokens { get; set; } = 256;

    /// <summary>Gets the electricity price in USD per kWh, or null for the catalog's default.</summary>
    public double? ElectricityPrice { get; set; }

    /// <summary>Gets the power usage effectiveness, ≥ 1, or null for the catalog's default.</summary>
    public double? Pue { get; set; }

    /// <summary>Gets the largest acceptable time per output token, in ms (required, &gt; 0).</summary>
    public double? MaxTimePerOutputTokenMs { get; set; }

    /// <summary>Gets the largest acceptable time to first token (prefill of the batch), in ms, or null for no limit.</summary>
    public double? MaxTimeToFirstTokenMs { get; set; }

    /// <summary>Gets the smallest acceptable quality score in [0, 1], or null (no quality catalog is wired in, so none meets it).</summary>
    public double? MinQuality { get; set; }

    /// <summary>Gets the hardware ids to consider, or null for every catalog platform.</summary>
    public IReadOnlyList<string>? SweepHardware { get; set; }

    /// <summary>Gets the device counts to consider, each one tensor-parallel replica.</summary>
    public IReadOnlyList<int> SweepDevices { get; set; } = [1, 2, 4, 8];

    /// <summary>Gets the weight format ids to consider.</summary>
    public IReadOnlyList<string> SweepWeights { get; set; } = ["bf16", "fp8", "int8", "int4"];
}
