using TokenCost.Catalogs;

namespace TokenCost.Tests.Models;

public class ModelArchitectureTests
{
    private static readonly Catalog Catalog = Catalog.Default;

    [Fact]
    public void BlockLinearParameters_Llama2_70B_MatchesHandCount()
    {
        // Per layer: QKV 8192×(64+2·8)×128 = 83,886,080; O 64×128×8192 = 67,108,864; FFN 3×8192×28672 = 704,643,072.
        // 80 layers × 855,638,016 = 68,451,041,280.
        Catalog.GetModel("llama-2-70b").BlockLinearParameters.Should().Be(68_451_041_280);
    }

    [Fact]
    public void TotalParameters_Llama2_70B_AddsUntiedEmbeddingAndHead()
    {
        // 68,451,041,280 + 2 × 32000 × 8192 = 68,975,329,280 (catalog lists 68.977 B incl. norms).
        Catalog.GetModel("llama-2-70b").TotalParameters.Should().Be(68_975_329_280);
    }

    [Theory]
    [InlineData("llama-2-7b")]
    [InlineData("llama-2-70b")]
    [InlineData("llama-3-8b")]
    [InlineData("llama-3.1-405b")]
    [InlineData("llama-3.2-1b")]
    [InlineData("mixtral-8x7b")]
    [InlineData("mixtral-8x22b")]
    [InlineData("qwen3-30b-a3b")]
    [InlineData("qwen3-235b-a22b")]
    [InlineData("openelm-3b")]
    [InlineData("gpt-3-175b")]
    public void TotalParameters_MatchesListedCountWithinOnePercent(string id)
    {
        var m = Catalog.GetModel(id);
        (m.TotalParameters / 1e9).Should().BeApproximately(m.ListedParametersBillions, m.ListedParametersBillions * 0.01);
    }

    [Fact]
    public void ActiveParameters_Mixtral_Is12_88Billion()
    {
        // 32 × (41,943,040 attention + 2 × 176,160,768 expert + 32,768 router) + 2 × 131,072,000 = 12,879,921,152.
        (Catalog.GetModel("mixtral-8x7b").ActiveParametersPerToken / 1e9).Should().BeApproximately(12.88, 0.005);
    }

    [Fact]
    public void ActiveParameters_DenseModel_EqualsTotal()
    {
        var m = Catalog.GetModel("llama-3-8b");
        m.ActiveParametersPerToken.Should().Be(m.TotalParameters);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 2)] // 8 × (1 − 0.75) = 2: one token touches its top-2.
    [InlineData(2, 3.5)] // 8 × (1 − 0.75²) = 3.5.
    [InlineData(1000, 8)] // saturates at all 8 experts.
    public void ExpectedExpertsTouched_Mixtral_FollowsUniformRouting(double tokens, double expected) =>
        Catalog.GetModel("mixtral-8x7b").ExpectedExpertsTouched(tokens).Should().BeApproximately(expected, 1e-9);

    [Fact]
    public void ExpectedExpertsTouched_Qwen3_16Tokens()
    {
        // 128 × (1 − (120/128)^16) = 128 × (1 − 0.356074) = 82.42.
        Catalog.GetModel("qwen3-30b-a3b").ExpectedExpertsTouched(16).Should().BeApproximately(82.42, 0.01);
    }

    [Fact]
    public void ExpectedExpertsTouched_DenseModel_IsZero() => Catalog.GetModel("llama-2-7b").ExpectedExpertsTouched(64).Should().Be(0);

    [Fact]
    public void KvElementsPerToken_Gqa_UsesKvHeads()
    {
        // 2 × 8 kv heads × 128 = 2048 elements per token per layer (MHA would be 2 × 64 × 128 = 16384).
        Catalog.GetModel("llama-2-70b").KvElementsPerTokenPerLayer.Should().Be(2048);
    }
}
