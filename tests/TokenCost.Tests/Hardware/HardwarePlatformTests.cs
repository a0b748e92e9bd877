using TokenCost.Catalogs;
using TokenCost.Hardware;

namespace TokenCost.Tests.Hardware;

public class HardwarePlatformTests
{
    private static readonly Catalog Catalog = Catalog.Default;

    [Fact]
    public void H100_UsesDensePeaks()
    {
        var h100 = Catalog.GetHardware("nvidia_h100_sxm");
        h100.PeakFor(ComputePrecision.Bf16)!.Value.TeraflopsPerSecond.Should().Be(989.4);
        h100.PeakFor(ComputePrecision.Fp8)!.Value.TeraflopsPerSecond.Should().Be(1978.9);
        h100.MemoryBandwidth.TerabytesPerSecond.Should().Be(3.35);
    }

    [Fact]
    public void MemoryCapacity_ReadsListedGigabytesAsGibibytes()
    {
        // "80 GB" HBM3 is 80 GiB = 85,899,345,920 B.
        Catalog.GetHardware("nvidia_h100_sxm").MemoryCapacity.Bytes.Should().Be(80 * 1_073_741_824.0);
    }

    [Fact]
    public void ResolvePeak_Fp8OnA100_FallsBackToBf16()
    {
        var resolved = Catalog.GetHardware("nvidia_a100_80gb_sxm").ResolvePeak(ComputePrecision.Fp8);
        resolved!.Value.Precision.Should().Be(ComputePrecision.Bf16);
        resolved.Value.Peak.TeraflopsPerSecond.Should().Be(312);
    }

    [Fact]
    public void ResolvePeak_Int4OnH100_FallsBackToInt8() =>
        Catalog.GetHardware("nvidia_h100_sxm").ResolvePeak(ComputePrecision.Int4)!.Value.Precision.Should().Be(ComputePrecision.Int8);

    [Fact]
    public void ResolvePeak_Bf16OnApple_FallsBackToFp32GpuRate() =>
        Catalog.GetHardware("apple_m2_ultra").ResolvePeak(ComputePrecision.Bf16)!.Value.Precision.Should().Be(ComputePrecision.Fp32);

    [Fact]
    public void InterconnectBandwidth_IsBidirectionalAggregate() =>
        Catalog.GetHardware("nvidia_h100_sxm").InterconnectBandwidth!.Value.GigabytesPerSecond.Should().Be(900);

    [Fact]
    public void WithExpression_BuildsWhatIfVariant()
    {
        var h100 = Catalog.GetHardware("nvidia_h100_sxm");
        var faster = h100 with { MemoryBandwidth = TokenCost.Quantities.Bandwidth.FromTerabytesPerSecond(4.8) };
        faster.MemoryBandwidth.TerabytesPerSecond.Should().Be(4.8);
        h100.MemoryBandwidth.TerabytesPerSecond.Should().Be(3.35);
    }
}
