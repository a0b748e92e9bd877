using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Speculative;

namespace TokenCost.Tests.Speculative;

public class SpeculativeDecodingTests
{
    private static readonly RooflineEstimator Estimator = TestPricing.Default.Estimator;
    private static readonly DeploymentConfiguration Target = DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-70b", "nvidia_h100_sxm", "fp8");
    private static readonly DeploymentConfiguration Draft = Target with { Model = Catalog.Default.GetModel("llama-3.2-1b") };

    [Theory]
    [InlineData(0.5, 3, 1.875)] // (1 − 0.5⁴) ÷ (1 − 0.5) = 0.9375 ÷ 0.5
    [InlineData(0.8, 4, 3.3616)] // (1 − 0.8⁵) ÷ 0.2 = (1 − 0.32768) ÷ 0.2
    [InlineData(0.0, 5, 1.0)] // nothing accepted: only the verified token
    [InlineData(1.0, 5, 6.0)] // everything accepted: γ + 1
    public void ExpectedTokensPerStep_HandDerived(double alpha, int gamma, double expected) =>
        SpeculativeDecoding.ExpectedTokensPerStep(alpha, gamma).Should().BeApproximately(expected, 1e-12);

    [Fact]
    public void ExpectedTokensPerStep_AcceptanceOutOfRange_Throws() =>
        FluentActions.Invoking(() => SpeculativeDecoding.ExpectedTokensPerStep(1.1, 3)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Estimate_StepTime_IsDraftStepsPlusVerification()
    {
        var e = SpeculativeDecoding.Estimate(TestPricing.Default, Target, Draft, 0.7, 4, 1, 1000);
        e.StepTime.Seconds.Should().BeApproximately((4 * e.DraftStepTime.Seconds) + e.VerificationTime.Seconds, 1e-15);
        e.TimePerOutputToken.Seconds.Should().BeApproximately(e.StepTime.Seconds / e.ExpectedTokensPerStep, 1e-15);
        e.VerificationTime.Should().BeGreaterThanOrEqualTo(e.BaselineTimePerOutputToken);
    }

    [Fact]
    public void Speedup_GrowsWithAcceptance_AndNeverExceedsGammaPlusOne()
    {
        for (var gamma = 1; gamma <= 8; gamma++)
        {
            var previous = 0.0;
            for (var alpha = 0.0; alpha <= 1.0001; alpha += 0.05)
            {
                var a = Math.Min(alpha, 1);
                var s = SpeculativeDecoding.Estimate(TestPricing.Default, Target, Draft, a, gamma, 1, 1000).Speedup;
                s.Should().BeGreaterThan(previous, "speedup must grow with α (γ = {0}, α = {1})", gamma, a);
                s.Should().BeLessThanOrEqualTo(gamma + 1);
                previous = s;
            }
        }
    }

    [Fact]
    public void Optimize_SpeedupGrowsWithAcceptance_AndIsBestOverGamma()
    {
        var previous = 0.0;
        foreach (var alpha in new[] { 0.3, 0.5, 0.7, 0.9 })
        {
            var best = SpeculativeDecoding.Optimize(TestPricing.Default, Target, Draft, alpha, 1, 1000, 12);
            best.Speedup.Should().BeGreaterThan(previous);
            for (var g = 1; g <= 12; g++)
            {
                SpeculativeDecoding.Estimate(TestPricing.Default, Target, Draft, alpha, g, 1, 1000).TimePerOutputToken.Should().BeGreaterThanOrEqualTo(best.TimePerOutputToken);
            }

            previous = best.Speedup;
        }
    }

    [Fact]
    public void CostPerMillionOutputTokens_HandDerived()
    {
        // $3.60/h × (10 ms × 10⁶ ÷ 4 sequences = 2,500 s = 0.69444 h) = $2.50.
        var e = SpeculativeDecoding.Estimate(TestPricing.Default, Target, Draft, 0.7, 4, 1, 1000) with { TimePerOutputToken = TimeInterval.FromMilliseconds(10) };
        SpeculativeDecoding.CostPerMillionOutputTokens(e, HourlyRate.FromUsdPerHour(3.6), 4).Usd.Should().BeApproximately(2.5, 1e-12);
    }

    [Fact]
    public void EagleHead_IsOneLayerOfTheTarget()
    {
        var head = SpeculativeDecoding.EagleHead(Target.Model);
        head.Layers.Should().Be(1);
        head.HiddenSize.Should().Be(Target.Model.HiddenSize);
    }
}
