using System.Text;
using TokenCost.Catalogs;
using TokenCost.Models;

namespace TokenCost.Tests.Models;

/// <summary>
/// The Hugging Face config.json reader over every file of shared/data/model-configs (copied to Models/Configs with SOURCES.md,
/// which gives each file's provenance and the parameter counts computed from it).
/// </summary>
public sealed class HuggingFaceConfigReaderTests
{
    private static string Config(string id) => Path.Combine(AppContext.BaseDirectory, "Models", "Configs", id + ".json");

    // File id, total and active parameters (billions) as SOURCES.md computes them (= params_b, active_params_b of the CSV rows).
    public static TheoryData<string, double, double> Computed => new()
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
        { "qwen3-235b-a22b", 235.094, 22.191 },
        { "qwen3-30b-a3b", 30.532, 3.353 },
    };

    // Official figures that SOURCES.md finds comparable (same scope) with the quantity compared; the others (Kimi K2's "1T",
    // Llama 4 Scout's 109B with the vision tower, active figures that leave out or include the embedding) are explained there.
    public static TheoryData<string, double, bool, bool> Official => new()
    {
        { "deepseek-r1", 671, false, false },
        { "deepseek-r1", 36.7, true, true },      // README_WEIGHTS 36.7B active, without the input-embedding lookup
        { "gpt-oss-120b", 116.8, false, false },  // model card
        { "gpt-oss-120b", 5.1, true, true },      // OpenAI's active figure leaves the embedding out
        { "gpt-oss-20b", 20.9, false, false },
        { "gpt-oss-20b", 3.6, true, true },
        { "llama-4-maverick-17b-128e", 400, false, false },
        { "kimi-k2", 32, true, true },
        { "qwen3-32b", 32.8, false, false },
        { "gemma-3-27b", 27.009002240, false, false }, // keras-hub's exact count with 262,144 rows
        { "qwen3-235b-a22b", 235, false, false },
        { "qwen3-235b-a22b", 22, true, false },
        { "qwen3-30b-a3b", 30.5, false, false },
    };

    [Theory]
    [MemberData(nameof(Computed))]
    public void EveryConfig_ReproducesTheComputedCounts_WithinOnePercent(string id, double totalB, double activeB)
    {
        var m = HuggingFaceConfigReader.ReadFile(Config(id));
        m.Id.Should().Be(id);
        (m.TotalParameters / 1e9).Should().BeApproximately(totalB, totalB * 0.01);
        (m.ActiveParametersPerToken / 1e9).Should().BeApproximately(activeB, activeB * 0.01);
    }

    [Theory]
    [MemberData(nameof(Official))]
    public void Config_MatchesTheOfficialFigure_WithinOnePercent(string id, double officialB, bool active, bool withoutEmbedding)
    {
        var m = HuggingFaceConfigReader.ReadFile(Config(id));
        var computed = active ? m.ActiveParametersPerToken : m.TotalParameters;
        computed -= withoutEmbedding ? m.EmbeddingParameters : 0;
        (computed / 1e9).Should().BeApproximately(officialB, officialB * 0.01);
    }

    [Theory]
    [InlineData("deepseek-r1")]
    [InlineData("kimi-k2")]
    [InlineData("gpt-oss-120b")]
    [InlineData("gpt-oss-20b")]
    [InlineData("llama-4-scout-17b-16e")]
    [InlineData("llama-4-maverick-17b-128e")]
    [InlineData("qwen3-32b")]
    [InlineData("gemma-3-27b")]
    [InlineData("qwen3-235b-a22b")]
    [InlineData("qwen3-30b-a3b")]
    public void Config_AgreesWithTheCatalogRow_OnEveryShapeField(string id)
    {
        var fromConfig = HuggingFaceConfigReader.ReadFile(Config(id));
        var row = Catalog.Default.GetModel(id);
        fromConfig.Should().BeEquivalentTo(row, o => o
            .Excluding(m => m.Name).Excluding(m => m.Source).Excluding(m => m.IsEstimate)
            .Excluding(m => m.ListedParametersBillions).Excluding(m => m.ListedActiveParametersBillions)
            .Excluding(m => m.DenseLayers).Excluding(m => m.IntermediateSize)
            .Excluding(m => m.Attention));
        fromConfig.DenseFeedForwardLayers.Should().Be(row.DenseFeedForwardLayers);
        fromConfig.KvElementsPerTokenPerLayer.Should().Be(row.KvElementsPerTokenPerLayer);
    }

    [Fact]
    public void DeepSeek_ReadsMlaAndMtp()
    {
        var m = HuggingFaceConfigReader.ReadFile(Config("deepseek-r1"));
        m.Attention.Should().Be(AttentionKind.Mla);
        m.KvElementsPerTokenPerLayer.Should().Be(576);
        m.MultiTokenPredictionLayers.Should().Be(1);
        m.DenseFeedForwardLayers.Should().Be(3);
        m.Name.Should().Be("deepseek-r1"); // the file has no _name_or_path
    }

    [Fact]
    public void Gemma_DefaultsApplyToTheWrapper()
    {
        var m = HuggingFaceConfigReader.ReadFile(Config("gemma-3-27b"));
        m.VocabularySize.Should().Be(262_208);
        m.TiedEmbeddings.Should().BeTrue();
        m.SlidingWindow.Should().Be(1024);
        m.SlidingWindowLayers.Should().Be(52);
    }

    [Theory]
    [InlineData("""{"model_type": "falcon", "hidden_size": 8}""", "*model_type*falcon*not supported*")]
    [InlineData("""{"model_type": "llama", "num_hidden_layers": 2}""", "*hidden_size*missing*needed for every weight matrix*")]
    [InlineData("""{"model_type": "llama", "hidden_size": "4096"}""", "*hidden_size*must be an integer*")]
    [InlineData("""{"model_type": "llama", "hidden_size": 4096.5}""", "*hidden_size*must be an integer*")]
    [InlineData("""{"model_type": "llama", "hidden_size": 8, "hidden_size": 8}""", "*hidden_size*twice*")]
    [InlineData("""{"hidden_size": 8}""", "*model_type*missing*")]
    [InlineData("""[1]""", "*must be a JSON object*")]
    [InlineData("""{"model_type": "llama4"}""", "*text_config*")]
    [InlineData("""{"model_type": "deepseek_v3", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2, "vocab_size": 10, "max_position_embeddings": 8, "qk_nope_head_dim": 8, "qk_rope_head_dim": 4, "v_head_dim": 8, "n_routed_experts": 4, "num_experts_per_tok": 1, "moe_intermediate_size": 8}""", "*kv_lora_rank*missing*latent*")]
    public void BadConfig_ThrowsNamingFileAndKey(string json, string pattern)
    {
        var act = () => HuggingFaceConfigReader.Parse(Encoding.UTF8.GetBytes(json), "my-config.json", "x");
        act.Should().Throw<CatalogException>().WithMessage("*my-config.json*").And.Message.Should().Match(pattern);
    }

    [Fact]
    public void OversizedConfig_IsRejected()
    {
        var big = new byte[HuggingFaceConfigReader.MaxBytes + 1];
        var act = () => HuggingFaceConfigReader.Parse(big, "big.json", "x");
        act.Should().Throw<CatalogException>().WithMessage("*byte limit*");
    }

    [Fact]
    public void DeeplyNestedConfig_IsRejected()
    {
        var json = """{"model_type": "llama", "x": """ + new string('[', 40) + new string(']', 40) + "}";
        var act = () => HuggingFaceConfigReader.Parse(Encoding.UTF8.GetBytes(json), "deep.json", "x");
        act.Should().Throw<CatalogException>().WithMessage("*deep.json*");
    }
    [Fact]
    public void Glm45_FromTheArchitectureSourcesMdGives_MatchesItsComputedCounts()
    {
        // SOURCES.md §11: no verbatim GLM-4.5 config was found; these are the documented values in HF's key names.
        const string json = """
            {"model_type": "glm4_moe", "hidden_size": 5120, "num_hidden_layers": 92, "num_attention_heads": 96, "num_key_value_heads": 8,
             "head_dim": 128, "intermediate_size": 12288, "moe_intermediate_size": 1536, "n_routed_experts": 160, "num_experts_per_tok": 8,
             "n_shared_experts": 1, "first_k_dense_replace": 3, "vocab_size": 151552, "max_position_embeddings": 131072,
             "tie_word_embeddings": false, "num_nextn_predict_layers": 1}
            """;
        var m = HuggingFaceConfigReader.Parse(Encoding.UTF8.GetBytes(json), "glm-4.5.json", "glm-4.5");
        (m.TotalParameters / 1e9).Should().BeApproximately(352.798, 3.53);
        (m.ActiveParametersPerToken / 1e9).Should().BeApproximately(33.632, 0.34);
        m.MultiTokenPredictionLayers.Should().Be(1);
        m.DenseFeedForwardLayers.Should().Be(3);
    }

    [Theory]
    [InlineData("llama", "llama-3-8b", """{"model_type": "llama", "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8, "intermediate_size": 14336, "vocab_size": 128256, "max_position_embeddings": 8192, "tie_word_embeddings": false}""")]
    [InlineData("mixtral", "mixtral-8x7b", """{"model_type": "mixtral", "hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8, "intermediate_size": 14336, "num_local_experts": 8, "num_experts_per_tok": 2, "vocab_size": 32000, "max_position_embeddings": 32768, "sliding_window": null}""")]
    public void ClassicFamilies_MatchTheCatalogRow(string family, string id, string json)
    {
        var m = HuggingFaceConfigReader.Parse(Encoding.UTF8.GetBytes(json), family + ".json", id);
        var row = Catalog.Default.GetModel(id);
        m.TotalParameters.Should().Be(row.TotalParameters);
        m.ActiveParametersPerToken.Should().Be(row.ActiveParametersPerToken);
        m.KvElementsPerTokenPerLayer.Should().Be(row.KvElementsPerTokenPerLayer);
    }
}
