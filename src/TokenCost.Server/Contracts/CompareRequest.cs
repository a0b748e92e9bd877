using System.Text.Json.Serialization;

namespace TokenCost.Server.Contracts;

/// <summary>
/// The body of <c>POST /v1/compare</c>: one model and workload priced on several platforms, each on the fewest of 1, 2, 4 or 8
/// tensor-parallel devices on which the batch fits (the library's <c>PlatformComparison</c>), at the catalog's cloud prices.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record CompareRequest
{
    /// <summary>Gets the model id.</summary>
    public string Model { get; set; } = "llama-2-70b";

    /// <summary>Gets the hardware ids in display order, or null for every catalog platform with a cloud price.</summary>
    public IReadOnlyList<string>? SweepHardware { get; set; }

    /// <summary>Gets the weight format id.</summary>
    public string Weights { get; set; } = "int4";

    /// <summary>Gets the serving stack id.</summary>
    public string Stack { get; set; } = "unknown";

    /// <summary>Gets the sequences per replica, ≥ 1.</summary>
    public int Batch { get; set; } = 1;

    /// <summary>Gets the prompt tokens per sequence, ≥ 0.</summary>
    public int InputTokens { get; set; } = 512;

    /// <summary>Gets the generated tokens per sequence, ≥ 0.</summary>
    public int OutputTokens { get; set; } = 256;

    /// <summary>Gets the electricity price in USD per kWh, or null for the catalog's default.</summary>
    public double? ElectricityPrice { get; set; }

    /// <summary>Gets the power usage effectiveness, ≥ 1, or null for the catalog's default.</summary>
    public double? Pue { get; set; }
}
