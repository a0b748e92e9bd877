using TokenCost.Quality;

namespace TokenCost.Tests.Quality;

public class QualityAdjustedCostTests
{
    private static readonly QualityAdjustedCost Costs = new(TestPricing.Default);

    [Fact]
    public void Cheapest_TightLoss_PicksInt8_LooseLoss_PicksInt4()
    {
        // On one H100, fp16 Llama-2-70B (138 GB) does not fit; int8 loses 0.4 MMLU points, int4 (AWQ) 1.1 and QuIP# 0.8.
        var tight = Costs.Cheapest("llama-2-70b", "nvidia_h100_sxm", maxLoss: 0.5);
        var loose = Costs.Cheapest("llama-2-70b", "nvidia_h100_sxm", maxLoss: 2);

        tight.Best!.Quality.Format.Should().Be("int8");
        loose.Best!.Quality.Format.Should().Be("int4");
        loose.CostPerMillionOutputTokens!.Value.Usd.Should().BeLessThan(tight.CostPerMillionOutputTokens!.Value.Usd, "int4 reads fewer bytes and fits a larger batch");
        tight.Options.Should().Contain(o => o.Quality.Format == "fp16" && !o.Fits);
    }

    [Fact]
    public void Cheapest_ZeroLossOnOneDevice_HasNoOption_TwoDevicesServeFp16()
    {
        Costs.Cheapest("llama-2-70b", "nvidia_h100_sxm", maxLoss: 0).Best.Should().BeNull();

        var two = Costs.Cheapest("llama-2-70b", "nvidia_h100_sxm", maxLoss: 0, devices: 2);

        two.Best!.Quality.Format.Should().Be("fp16");
        two.CostPerMillionOutputTokens.Should().NotBeNull();
    }

    [Fact]
    public void Cheapest_NegativeLoss_Throws()
    {
        var act = () => Costs.Cheapest("llama-2-70b", "nvidia_h100_sxm", maxLoss: -1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxLoss");
    }
}
