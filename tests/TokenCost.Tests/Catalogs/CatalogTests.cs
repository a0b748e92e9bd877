using TokenCost.Catalogs;

namespace TokenCost.Tests.Catalogs;

public class CatalogTests
{
    [Fact]
    public void Default_HasAll42HardwareRowsWithSources()
    {
        Catalog.Default.Hardware.Should().HaveCount(42);
        Catalog.Default.Hardware.Should().OnlyContain(h => !string.IsNullOrWhiteSpace(h.Sources));
    }

    [Fact]
    public void Default_KeepsIdsExactly()
    {
        Catalog.Default.GetHardware("nvidia_h100_sxm").Name.Should().Be("NVIDIA H100 SXM5 80GB");
        Catalog.Default.GetModel("llama-2-70b").Layers.Should().Be(80);
    }
}
