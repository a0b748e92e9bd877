using System.Text;
using TokenCost.Catalogs;

namespace TokenCost.Tests.Catalogs;

public class CatalogTests
{
    private static readonly Catalog Catalog = Catalog.Default;

    [Fact]
    public void Default_HasEveryHardwareRow() => Catalog.Hardware.Should().HaveCount(42);

    [Fact]
    public void Default_HasEveryModelRow() => Catalog.Models.Should().HaveCount(27); // 18 rows of models.csv + 9 of models_modern.csv

    [Fact]
    public void Default_HasEveryFormatAndStack()
    {
        Catalog.Formats.Select(f => f.Id).Should().BeEquivalentTo("fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4", "mxfp4", "q4_0", "q4_k_m");
        Catalog.Stacks.Select(s => s.Id).Should().Contain(["tensorrt-llm", "vllm", "sglang", "llama.cpp", "gpt-fast", "pytorch-cudagraph", "pytorch-eager", "hf-transformers", "tinychat", "nim", "mlperf-nvidia", "mlperf-amd", "mlperf-intel", "neuron", "groq", "cerebras", "unknown"]);
    }

    [Fact]
    public void Default_KeepsIdsExactly()
    {
        Catalog.GetHardware("nvidia_h100_sxm").Name.Should().Be("NVIDIA H100 SXM5 80GB");
        Catalog.GetModel("llama-2-70b").Layers.Should().Be(80);
    }

    [Fact]
    public void EveryShippedHardwareNumber_HasSourceAndDateOrEstimateFlag()
    {
        foreach (var h in Catalog.Hardware)
        {
            h.Sources.Should().NotBeNullOrWhiteSpace($"{h.Id} needs sources");
            h.Year.Should().BeInRange(2015, 2026, $"{h.Id} needs a spec date (year)");
            if (h.PurchasePrice is not null || h.CloudPricePerDeviceHour is not null)
            {
                (h.PriceDate.Length > 0 || h.IsEstimate).Should().BeTrue($"{h.Id} has a price without a price date or estimate flag");
            }
        }
    }

    [Fact]
    public void EveryShippedModelFormatAndStack_HasASource()
    {
        Catalog.Models.Should().OnlyContain(m => m.Source.Length > 0);
        Catalog.Formats.Should().OnlyContain(f => f.Source.Length > 0);
        Catalog.Stacks.Should().OnlyContain(s => s.Source.Length > 0);
    }

    [Fact]
    public void EveryDataCenterDefault_HasASource()
    {
        var names = new[] { "ElectricityPrice", "PowerUsageEffectiveness", "ServerPowerOverhead", "DepreciationYears", "GridCarbonIntensity", "EmbodiedKgCo2ePerDevice", "ServingOverheadFraction", "ServingFixedCostPerHour" };
        foreach (var name in names)
        {
            Catalog.DataCenter.Sources.Should().ContainKey(name);
            Catalog.DataCenter.Sources[name].Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void EstimateFlags_AreKeptFromTheNotes()
    {
        var h100 = Catalog.GetHardware("nvidia_h100_sxm");
        h100.IsEstimate.Should().BeTrue("its purchase price is flagged ESTIMATE in the notes");
        h100.EstimateNotes.Should().Contain(n => n.Contains("ESTIMATE", StringComparison.Ordinal));
        Catalog.GetHardware("nvidia_a100_80gb_sxm").IsEstimate.Should().BeFalse();
    }

    [Fact]
    public void DataCenter_UsesSuggestedDefaults()
    {
        Catalog.DataCenter.ElectricityPrice.UsdPerKilowattHour.Should().Be(0.08);
        Catalog.DataCenter.ServerPowerOverhead.Should().Be(1.8);
        Catalog.DataCenter.DepreciationYears.Should().Be(5);
        Catalog.DataCenter.GridCarbonIntensity.GramsCo2ePerKilowattHour.Should().Be(370);
    }

    [Fact]
    public void GetHardware_UnknownId_ThrowsListingKnownIds()
    {
        var act = () => Catalog.GetHardware("nvidia_h100");
        act.Should().Throw<UnknownIdException>().Where(e => e.Message.Contains("nvidia_h100_sxm", StringComparison.Ordinal) && e.ParamName == "id");
    }

    [Fact]
    public void TryGetModel_UnknownId_ReturnsFalse() => Catalog.TryGetModel("gpt-5", out _).Should().BeFalse();

    [Fact]
    public void WithOverrides_AddsAndReplacesEntries()
    {
        const string json = """
        {
          "hardware": [
            { "id": "my_accelerator", "name": "My Accelerator", "year": 2026, "memoryGb": 64, "bandwidthTbps": 2.0, "bf16Tflops": 400, "tdpW": 500, "sources": "vendor datasheet 2026-10" },
            { "id": "nvidia_h100_sxm", "name": "H100 at a negotiated price", "year": 2022, "memoryGb": 80, "bandwidthTbps": 3.35, "bf16Tflops": 989.4, "cloudUsdPerHour": 1.5, "priceDate": "2026-11", "sources": "our contract" }
          ]
        }
        """;
        var custom = Catalog.WithOverrides(new MemoryStream(Encoding.UTF8.GetBytes(json)), "mine.json");
        custom.Hardware.Should().HaveCount(43);
        custom.GetHardware("my_accelerator").MemoryBandwidth.TerabytesPerSecond.Should().Be(2.0);
        custom.GetHardware("nvidia_h100_sxm").CloudPricePerDeviceHour!.Value.UsdPerHour.Should().Be(1.5);
        Catalog.GetHardware("nvidia_h100_sxm").CloudPricePerDeviceHour!.Value.UsdPerHour.Should().Be(2.99, "the default catalog is immutable");
    }

    [Fact]
    public void WithOverrides_UnknownKey_ThrowsWithFileAndLine()
    {
        const string json = "{\n  \"hardware\": [\n    { \"id\": \"x\", \"bandwidthTBps\": 1 }\n  ]\n}";
        var act = () => Catalog.WithOverrides(new MemoryStream(Encoding.UTF8.GetBytes(json)), "bad.json");
        act.Should().Throw<CatalogException>().Where(e => e.File == "bad.json" && e.Line == 3 && e.Message.Contains("bandwidthTBps", StringComparison.Ordinal));
    }

    [Fact]
    public void WithOverrides_DuplicateKey_Throws()
    {
        const string json = """{ "hardware": [], "hardware": [] }""";
        var act = () => Catalog.WithOverrides(new MemoryStream(Encoding.UTF8.GetBytes(json)), "dup.json");
        act.Should().Throw<CatalogException>();
    }

    [Fact]
    public void WithOverrides_MissingSource_Throws()
    {
        const string json = """{ "models": [ { "id": "m", "name": "M", "paramsB": 1, "layers": 2, "hidden": 64, "heads": 2, "kvHeads": 2, "headDim": 32, "intermediate": 128, "vocab": 100, "maxContext": 128, "attention": "mha", "ffn": "swiglu" } ] }""";
        var act = () => Catalog.WithOverrides(new MemoryStream(Encoding.UTF8.GetBytes(json)), "m.json");
        act.Should().Throw<CatalogException>().Where(e => e.Message.Contains("source", StringComparison.Ordinal));
    }

    [Fact]
    public void WithOverrides_NegativeBandwidth_ThrowsNamingTheKey()
    {
        const string json = """{ "hardware": [ { "id": "x", "name": "X", "year": 2026, "memoryGb": 1, "bandwidthTbps": -2, "sources": "s" } ] }""";
        var act = () => Catalog.WithOverrides(new MemoryStream(Encoding.UTF8.GetBytes(json)), "neg.json");
        act.Should().Throw<CatalogException>().Where(e => e.Message.Contains("bandwidthTbps", StringComparison.Ordinal));
    }
}
