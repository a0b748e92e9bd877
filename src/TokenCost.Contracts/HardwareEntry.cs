namespace TokenCost.Contracts;

/// <summary>A hardware platform (<c>tokencost platforms --format json</c>, <c>GET /v1/hardware</c>).</summary>
public sealed record HardwareEntry
{
    /// <summary>Gets the hardware id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the product name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the vendor.</summary>
    public required string Vendor { get; init; }

    /// <summary>Gets the year of release.</summary>
    public required int Year { get; init; }

    /// <summary>Gets the memory technology (for example HBM3).</summary>
    public required string MemoryType { get; init; }

    /// <summary>Gets the listed device memory, in GB.</summary>
    public required double MemoryGb { get; init; }

    /// <summary>Gets the memory bandwidth, in TB/s (10¹² bytes per second; the catalog file's key).</summary>
    public required double BandwidthTbps { get; init; }

    /// <summary>Gets the dense FP32 peak, in TFLOP/s, or null.</summary>
    public required double? Fp32Tflops { get; init; }

    /// <summary>Gets the dense TF32 peak, in TFLOP/s, or null.</summary>
    public required double? Tf32Tflops { get; init; }

    /// <summary>Gets the dense BF16 peak, in TFLOP/s, or null.</summary>
    public required double? Bf16Tflops { get; init; }

    /// <summary>Gets the dense FP8 peak, in TFLOP/s, or null.</summary>
    public required double? Fp8Tflops { get; init; }

    /// <summary>Gets the dense INT8 peak, in TOP/s, or null.</summary>
    public required double? Int8Tflops { get; init; }

    /// <summary>Gets the dense FP4 peak, in TFLOP/s, or null.</summary>
    public required double? Fp4Tflops { get; init; }

    /// <summary>Gets the dense INT4 peak, in TOP/s, or null.</summary>
    public required double? Int4Tflops { get; init; }

    /// <summary>Gets the thermal design power, in watts, or null.</summary>
    public required double? TdpW { get; init; }

    /// <summary>Gets the device-to-device interconnect bandwidth, in GB/s (10⁹ bytes per second; the catalog file's key), or null.</summary>
    public required double? InterconnectGbps { get; init; }

    /// <summary>Gets the purchase price per device, in USD, or null.</summary>
    public required double? PurchaseUsd { get; init; }

    /// <summary>Gets the catalog cloud rental price, in USD per device-hour, or null.</summary>
    public required double? CloudUsdPerHour { get; init; }

    /// <summary>Gets when the prices were observed (yyyy-MM or text).</summary>
    public required string PriceDate { get; init; }

    /// <summary>Gets the dated rental price tiers, most recent first.</summary>
    public required IReadOnlyList<PriceTierEntry> PriceTiers { get; init; }

    /// <summary>Gets a value indicating whether some figures are estimates rather than vendor specifications.</summary>
    public required bool Estimate { get; init; }

    /// <summary>Gets the sources of the figures.</summary>
    public required string Source { get; init; }
}
