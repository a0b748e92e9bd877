using System.Collections.ObjectModel;
using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Hardware;

/// <summary>
/// One accelerator type from the hardware catalog: memory, bandwidth, dense peak compute per precision,
/// power, interconnect and prices, with the sources they came from.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe; use <c>with</c> to build what-if variants
/// (for example <c>h100 with { MemoryBandwidth = Bandwidth.FromTerabytesPerSecond(4.8) }</c>). Every member checks its own value when it is
/// set (<c>h100 with { MemoryBandwidth = Bandwidth.Zero }</c> throws an <see cref="ArgumentOutOfRangeException"/> naming the member and the value).
/// All peak rates are dense (no 2:4 structured sparsity) unless <see cref="DenseOrSparseNote"/> says otherwise.
/// </remarks>
public sealed partial record HardwarePlatform
{
    private static readonly ComputePrecision[] Bf16Fallback = [ComputePrecision.Bf16, ComputePrecision.Fp32];
    private readonly string _id = "";
    private readonly string _name = "";
    private readonly string _vendor = "";
    private readonly int _year;
    private readonly string _memoryType = "";
    private readonly double _listedMemoryGigabytes;
    private readonly Bandwidth _memoryBandwidth = Bandwidth.FromTerabytesPerSecond(1);
    private readonly IReadOnlyDictionary<ComputePrecision, FlopRate> _peakCompute = ReadOnlyDictionary<ComputePrecision, FlopRate>.Empty;
    private readonly string _denseOrSparseNote = "";
    private readonly Power? _thermalDesignPower;
    private readonly string _interconnect = "";
    private readonly Bandwidth? _interconnectBandwidth;
    private readonly int _scaleUpDomainDevices = 1;
    private readonly Bandwidth? _scaleOutBandwidthPerDevice;
    private readonly string _networkSources = "";
    private readonly string _priceDate = "";
    private readonly string _sources = "";
    private readonly string _notes = "";
    private readonly IReadOnlyList<string> _estimateNotes = [];

    /// <summary>Gets the catalog id, exactly as written in <c>hardware.csv</c> (for example <c>nvidia_h100_sxm</c>).</summary>
    public required string Id { get => _id; init => _id = Guard.NotEmpty(value, nameof(Id)); }

    /// <summary>Gets the human-readable name.</summary>
    public required string Name { get => _name; init => _name = Guard.NotNull(value, nameof(Name)); }

    /// <summary>Gets the vendor.</summary>
    public string Vendor { get => _vendor; init => _vendor = Guard.NotNull(value, nameof(Vendor)); }

    /// <summary>Gets the year of first availability or announcement.</summary>
    public int Year { get => _year; init => _year = Guard.NonNegative(value, nameof(Year)); }

    /// <summary>Gets the memory technology (HBM3, GDDR6X, LPDDR5 …).</summary>
    public string MemoryType { get => _memoryType; init => _memoryType = Guard.NotNull(value, nameof(MemoryType)); }

    /// <summary>Gets the capacity as listed in the catalog, in the vendor's "GB".</summary>
    /// <remarks>Vendors quote DRAM capacities in binary units under a decimal name (an "80 GB" H100 has 80 GiB);
    /// <see cref="MemoryCapacity"/> applies that reading.</remarks>
    public double ListedMemoryGigabytes { get => _listedMemoryGigabytes; init => _listedMemoryGigabytes = Guard.NonNegativeFinite(value, nameof(ListedMemoryGigabytes)); }

    /// <summary>Gets the memory capacity in bytes: the listed figure read as gibibytes (2³⁰ B), because DRAM and HBM are built in binary sizes.</summary>
    public DataSize MemoryCapacity => DataSize.FromGibibytes(ListedMemoryGigabytes);

    /// <summary>Gets the peak memory bandwidth (decimal: 1 TB/s = 10¹² B/s).</summary>
    public required Bandwidth MemoryBandwidth { get => _memoryBandwidth; init => _memoryBandwidth = Guard.PositiveQuantity(value, value.TerabytesPerSecond, "TB/s", nameof(MemoryBandwidth)); }

    /// <summary>Gets the largest on-die SRAM or last-level cache, when known.</summary>
    public DataSize? OnChipSram { get; init; }

    /// <summary>Gets the dense peak compute per precision, in FLOP/s (integer formats in operations per second). Missing precisions are unsupported or unknown.</summary>
    public IReadOnlyDictionary<ComputePrecision, FlopRate> PeakCompute { get => _peakCompute; init => _peakCompute = new ReadOnlyDictionary<ComputePrecision, FlopRate>(new Dictionary<ComputePrecision, FlopRate>(Guard.NotNull(value, nameof(PeakCompute)))); }

    /// <summary>Gets the catalog's note on dense versus sparse figures.</summary>
    public string DenseOrSparseNote { get => _denseOrSparseNote; init => _denseOrSparseNote = Guard.NotNull(value, nameof(DenseOrSparseNote)); }

    /// <summary>Gets the thermal design power (board power limit), when published.</summary>
    public Power? ThermalDesignPower { get => _thermalDesignPower; init => _thermalDesignPower = Guard.PositiveQuantity(value, w => w.Watts, "W", nameof(ThermalDesignPower)); }

    /// <summary>Gets the scale-up interconnect's name.</summary>
    public string Interconnect { get => _interconnect; init => _interconnect = Guard.NotNull(value, nameof(Interconnect)); }

    /// <summary>Gets the scale-up interconnect bandwidth per device, bidirectional aggregate (NVLink 4: 900 GB/s = 450 GB/s each way).</summary>
    public Bandwidth? InterconnectBandwidth { get => _interconnectBandwidth; init => _interconnectBandwidth = Guard.PositiveQuantity(value, b => b.GigabytesPerSecond, "GB/s", nameof(InterconnectBandwidth)); }

    /// <summary>
    /// Gets the number of devices that share one scale-up domain (all reachable at <see cref="InterconnectBandwidth"/>): 8 for an HGX or
    /// MI3xx node, 72 for a GB200 NVL72 rack, 1 for a card without a scale-up link. A layout spanning more devices crosses the scale-out network.
    /// </summary>
    /// <value>The default value is 1.</value>
    public int ScaleUpDomainDevices { get => _scaleUpDomainDevices; init => _scaleUpDomainDevices = Guard.Positive(value, nameof(ScaleUpDomainDevices)); }

    /// <summary>
    /// Gets the scale-out (InfiniBand / Ethernet) bandwidth per device, per direction (a 400 Gb/s NIC per GPU = 50 GB/s each way),
    /// or null when the catalog lists none.
    /// </summary>
    public Bandwidth? ScaleOutBandwidthPerDevice { get => _scaleOutBandwidthPerDevice; init => _scaleOutBandwidthPerDevice = Guard.PositiveQuantity(value, b => b.GigabytesPerSecond, "GB/s", nameof(ScaleOutBandwidthPerDevice)); }

    /// <summary>Gets the sources of <see cref="ScaleUpDomainDevices"/> and <see cref="ScaleOutBandwidthPerDevice"/>.</summary>
    public string NetworkSources { get => _networkSources; init => _networkSources = Guard.NotNull(value, nameof(NetworkSources)); }

    /// <summary>Gets the purchase price of one accelerator, when known.</summary>
    public Money? PurchasePrice { get; init; }

    /// <summary>Gets a typical specialist-cloud on-demand price per accelerator-hour, when known.</summary>
    public HourlyRate? CloudPricePerDeviceHour { get; init; }

    /// <summary>Gets the dates of the prices.</summary>
    public string PriceDate { get => _priceDate; init => _priceDate = Guard.NotNull(value, nameof(PriceDate)); }

    /// <summary>Gets the sources of the row's numbers.</summary>
    public required string Sources { get => _sources; init => _sources = Guard.NotNull(value, nameof(Sources)); }

    /// <summary>Gets the catalog notes (hyperscaler prices, conflicts, caveats).</summary>
    public string Notes { get => _notes; init => _notes = Guard.NotNull(value, nameof(Notes)); }

    /// <summary>Gets a value indicating whether some number of this row is an estimate or unverified (see <see cref="EstimateNotes"/>).</summary>
    public bool IsEstimate { get; init; }

    /// <summary>Gets the sentences of the notes that flag estimated or unverified numbers.</summary>
    public IReadOnlyList<string> EstimateNotes { get => _estimateNotes; init => _estimateNotes = [.. Guard.NotNull(value, nameof(EstimateNotes))]; }

    /// <summary>Gets the dense peak rate for a precision, or null when the device has none listed.</summary>
    /// <param name="precision">The precision.</param>
    /// <returns>The peak rate, or null.</returns>
    public FlopRate? PeakFor(ComputePrecision precision) =>
        PeakCompute.TryGetValue(precision, out var rate) && rate > FlopRate.Zero ? rate : null;

    /// <summary>
    /// Resolves the precision a matrix multiply actually runs at: the requested one when the device lists it,
    /// else the next wider one it has (FP4 → FP8 → BF16 → FP32, INT4 → INT8 → BF16 → FP32).
    /// </summary>
    /// <param name="requested">The precision the kernels ask for.</param>
    /// <returns>The precision used and its dense peak, or null when the device lists no compute rate at all.</returns>
    public (ComputePrecision Precision, FlopRate Peak)? ResolvePeak(ComputePrecision requested)
    {
        ReadOnlySpan<ComputePrecision> chain = requested switch
        {
            ComputePrecision.Fp4 => [ComputePrecision.Fp4, ComputePrecision.Fp8, ComputePrecision.Bf16, ComputePrecision.Fp32],
            ComputePrecision.Fp8 => [ComputePrecision.Fp8, ComputePrecision.Bf16, ComputePrecision.Fp32],
            ComputePrecision.Int4 => [ComputePrecision.Int4, ComputePrecision.Int8, ComputePrecision.Bf16, ComputePrecision.Fp32],
            ComputePrecision.Int8 => [ComputePrecision.Int8, ComputePrecision.Bf16, ComputePrecision.Fp32],
            ComputePrecision.Tf32 => [ComputePrecision.Tf32, ComputePrecision.Fp32],
            ComputePrecision.Fp32 => [ComputePrecision.Fp32],
            _ => Bf16Fallback,
        };
        foreach (var p in chain)
        {
            if (PeakFor(p) is { } rate)
            {
                return (p, rate);
            }
        }

        return null;
    }
}
