using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving;

namespace TokenCost.Tests.Estimation;

public class FastPathTests
{
    private static readonly RooflineEstimator Estimator = TestPricing.Default.Estimator;

    private static PreparedDeployment Prepared(string model = "llama-2-70b", string hardware = "nvidia_h100_sxm", int devices = 2) =>
        Estimator.Prepare(DeploymentConfiguration.Create(Catalog.Default, model, hardware, "int4", devices: devices));

    [Fact]
    public void Summarize_AfterWarmUp_AllocatesNothing()
    {
        var dense = Prepared();
        var moe = Prepared("mixtral-8x7b", "amd_mi300x", 1);
        var price = HourlyRate.FromUsdPerHour(2.5);
        for (var i = 0; i < 2000; i++)
        {
            Estimator.Summarize(dense, 1 + (i % 64), 1024, 256, price);
            Estimator.Summarize(moe, null, 1024, 256, price);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sink = 0.0;
        for (var i = 0; i < 10000; i++)
        {
            sink += Estimator.Summarize(dense, 1 + (i % 64), 1024 + i, 256, price).TimePerOutputToken.Seconds;
            sink += Estimator.Summarize(moe, null, 1024, 256 + i, price).TimeToFirstToken.Seconds;
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        sink.Should().BePositive();
    }

    [Fact]
    public void Summarize_PricesOutputTokensFromTheHourlyRate()
    {
        // $/1M output tokens = price per device-hour × devices × TPOT (h) × 10⁶ ÷ (batch × replicas).
        var s = Estimator.Summarize(Prepared(), 8, 512, 256, HourlyRate.FromUsdPerHour(3));
        var expected = 3.0 * 2 * s.TimePerOutputToken.Hours * 1e6 / 8;
        s.CostPerMillionOutputTokens!.Value.Usd.Should().BeApproximately(expected, expected * 1e-12);
        Estimator.Summarize(Prepared(), 8, 512, 256).CostPerMillionOutputTokens.Should().BeNull();
    }

    [Theory]
    [InlineData(0, 512, 256, "batch")]
    [InlineData(-3, 512, 256, "batch")]
    [InlineData(1, -1, 256, "inputTokens")]
    [InlineData(1, 512, -1, "outputTokens")]
    [InlineData(1, int.MaxValue, 1, "outputTokens")]
    public void Summarize_OutOfRangeCounts_ThrowNamingTheParameter(int batch, int input, int output, string parameter)
    {
        var act = () => Estimator.Summarize(Prepared(), batch, input, output);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(parameter);
    }

    [Fact]
    public void Summarize_DeploymentFromAnotherEstimator_Throws()
    {
        var other = new RooflineEstimator(new ServingProfiles());
        var act = () => other.Summarize(Prepared(), 1, 1, 1);
        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("deployment");
    }

    [Fact]
    public void Prepare_TensorParallelWithoutInterconnect_Throws()
    {
        var hw = Catalog.Default.Hardware.First(h => h.InterconnectBandwidth is null);
        var config = DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", hw.Id, devices: 1) with { Devices = 2, TensorParallel = 2 };
        var act = () => Estimator.Prepare(config);
        act.Should().Throw<ArgumentException>().WithMessage("*interconnect*");
    }
}
