using System.Text;
using TokenCost.Catalogs;
using TokenCost.Hardware;
using TokenCost.Quantities;

namespace TokenCost.Tests.Hardware;

public class HardwareValidationTests
{
    private static readonly HardwarePlatform H100 = Catalog.Default.GetHardware("nvidia_h100_sxm");

    [Fact]
    public void With_ZeroMemoryBandwidth_ThrowsNamingTheMemberAndValue()
    {
        var act = () => H100 with { MemoryBandwidth = Bandwidth.Zero };
        var ex = act.Should().Throw<ArgumentOutOfRangeException>().Which;
        ex.ParamName.Should().Be(nameof(HardwarePlatform.MemoryBandwidth));
        ex.Message.Should().Contain("0 TB/s");
    }

    [Fact]
    public void With_InvalidMembers_Throw()
    {
        FluentActions.Invoking(() => H100 with { InterconnectBandwidth = Bandwidth.Zero }).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("InterconnectBandwidth");
        FluentActions.Invoking(() => H100 with { ScaleUpDomainDevices = 0 }).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("ScaleUpDomainDevices");
        FluentActions.Invoking(() => H100 with { ListedMemoryGigabytes = double.NaN }).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("ListedMemoryGigabytes");
        FluentActions.Invoking(() => H100 with { ThermalDesignPower = Power.Zero }).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("ThermalDesignPower");
        FluentActions.Invoking(() => H100 with { Id = " " }).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Id");
        FluentActions.Invoking(() => H100 with { PeakCompute = null! }).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("PeakCompute");
    }

    [Fact]
    public void PeakCompute_IsCopied_SoTheCallerCannotChangeItLater()
    {
        var peaks = new Dictionary<ComputePrecision, FlopRate> { [ComputePrecision.Bf16] = FlopRate.FromTeraflopsPerSecond(100) };
        var device = H100 with { PeakCompute = peaks };
        peaks[ComputePrecision.Bf16] = FlopRate.FromTeraflopsPerSecond(1);
        device.PeakFor(ComputePrecision.Bf16)!.Value.TeraflopsPerSecond.Should().Be(100);
    }

    [Fact]
    public void CatalogOverride_WithAZeroInterconnect_IsACatalogExceptionNamingTheKey()
    {
        const string json = """{ "hardware": [ { "id": "x", "name": "X", "year": 2026, "memoryGb": 64, "bandwidthTbps": 2, "interconnectGbps": 0, "sources": "s" } ] }""";
        var act = () => Catalog.Default.WithOverrides(new MemoryStream(Encoding.UTF8.GetBytes(json)), "o.json");
        act.Should().Throw<CatalogException>().Which.Message.Should().Contain("interconnectGbps");
    }
}
