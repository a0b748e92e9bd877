using FluentAssertions;
using TokenCost.Catalogs;
using TokenCost.Models;
using Xunit;

namespace TokenCost.Tests.Models;

/// <summary>The rows of shared/data/models_modern.csv in the embedded catalog: ids kept, parameter counts and KV widths as SOURCES.md derives them.</summary>
public sealed class ModernModelTests
{
    private static readonly Catalog Catalog = Catalog.Default;

    // id, params_b and active_params_b exactly as models_modern.csv lists them (computed in model-configs/SOURCES.md).
    public static TheoryData<string, double, double> Rows => new()
    {
        { "deepseek-r1", 671.026, 37.552 },
        { "deepseek-v3", 671.026, 37.552 },
        { "gpt-oss-120b", 116.829, 5.712 },
        { "gpt-oss-20b", 20.915, 4.187 },
        { "llama-4-scout-17b-16e", 107.770, 17.173 },
        { "llama-4-maverick-17b-128e", 400.712, 17.185 },
        { "kimi-k2", 1026.408, 32.862 },
        { "qwen3-32b", 32.762, 32.762 },
        { "gemma-3-27b", 27.009, 27.009 },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_IsInCatalog_WithParameterCountsWithinOnePercentOfSources(string id, double totalB, double activeB)
    {
        var m = Catalog.GetModel(id);
        m.Id.Should().Be(id);
        m.ListedParametersBillions.Should().Be(totalB);
        m.ListedActiveParametersBillions.Should().Be(activeB);
        (m.TotalParameters / 1e9).Should().BeApproximately(totalB, totalB * 0.01, "the formula of SOURCES.md, without norms and biases");
        (m.ActiveParametersPerToken / 1e9).Should().BeApproximately(activeB, activeB * 0.01);
    }

    [Fact]
    public void DeepSeek_Mla_CachesOneLatentPerTokenPerLayer()
    {
        var m = Catalog.GetModel("deepseek-r1");
        m.Attention.Should().Be(AttentionKind.Mla);
        m.KvElementsPerTokenPerLayer.Should().Be(512 + 64); // 1152 B in bf16 (SOURCES.md), not 2 × 128 × 192 = 49,152
        m.DenseFeedForwardLayers.Should().Be(3);
        m.MoeLayers.Should().Be(58);
        m.MultiTokenPredictionLayers.Should().Be(1);
        // kv_b = 512 × 128 × (128 + 128) = 16,777,216 (SOURCES.md: the MLA building blocks).
        m.KeyValueUpProjectionParametersPerLayer.Should().Be(16_777_216);
    }

    [Fact]
    public void GptOss_HalfTheLayersHoldAtMostTheWindow()
    {
        var m = Catalog.GetModel("gpt-oss-120b");
        m.SlidingWindow.Should().Be(128);
        m.SlidingWindowLayers.Should().Be(18);
        // 2 × 8 × 64 = 1024 elements per token per layer; 18 full layers × 8192 + 18 windowed × 128.
        m.CachedTokenLayers(8192).Should().Be((18 * 8192) + (18 * 128));
        m.CachedTokenLayers(100).Should().Be(36 * 100);
        m.ExpertParameters.Should().BeApproximately(36 * 128 * 3.0 * 2880 * 2880, 1);
    }

    [Fact]
    public void Maverick_InterleavedDenseLayers_CountOnce()
    {
        var m = Catalog.GetModel("llama-4-maverick-17b-128e");
        m.DenseFeedForwardLayers.Should().Be(24);
        m.MoeLayers.Should().Be(24);
        var dense = Catalog.GetModel("qwen3-32b");
        dense.MoeLayers.Should().Be(0);
        dense.DenseFeedForwardLayers.Should().Be(64);
    }

    [Fact]
    public void With_InvalidMember_ThrowsNamingTheMember()
    {
        var m = Catalog.GetModel("deepseek-r1");
        var act = () => m with { Layers = 0 };
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Layers");
        var window = () => m with { SlidingWindow = -1 };
        window.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("SlidingWindow");
        var heads = () => m with { AttentionHeads = double.NaN };
        heads.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("AttentionHeads");
    }

    [Fact]
    public void Validate_BrokenCombination_ThrowsNamingTheMember()
    {
        var m = Catalog.GetModel("deepseek-r1");
        m.Invoking(x => (x with { DenseLayers = 62 }).Validate()).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("DenseLayers");
        m.Invoking(x => (x with { ExpertsPerToken = 300 }).Validate()).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("ExpertsPerToken");
        m.Invoking(x => (x with { KvLowRank = 0 }).Validate()).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("KvLowRank");
        m.Invoking(x => (x with { SlidingWindowLayers = 3 }).Validate()).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("SlidingWindow");
        foreach (var model in Catalog.Models)
        {
            model.Invoking(x => x.Validate()).Should().NotThrow($"{model.Id} is a shipped row");
        }
    }

    [Fact]
    public void Override_WithBrokenModernField_NamesFileAndKey()
    {
        const string json = """
            { "models": [ { "id": "x", "name": "X", "paramsB": 1, "layers": 2, "hidden": 8, "heads": 2, "kvHeads": 2, "headDim": 4,
              "intermediate": 16, "vocab": 10, "experts": 4, "expertsPerToken": 1, "sharedExperts": 0, "moeIntermediate": 4,
              "tiedEmbeddings": false, "maxContext": 10, "attention": "gqa", "ffn": "swiglu", "firstDenseLayers": 5, "source": "test" } ] }
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        var act = () => Catalog.WithOverrides(stream, "override.json");
        act.Should().Throw<CatalogException>().WithMessage("*override.json*firstDenseLayers*");
    }
}
