using TokenCost.Catalogs;
using TokenCost.Economics.Batching;
using TokenCost.Estimation;
using TokenCost.Quantities;

namespace TokenCost.Tests.Economics;

public class BatchingTests
{
    private static readonly RooflineEstimator Estimator = TestPricing.Default.Estimator;
    private static readonly DeploymentConfiguration Config = DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", "nvidia_h100_sxm", "fp8");

    private static readonly MemoryPlan Plan = new()
    {
        Capacity = DataSize.FromGigabytes(80),
        WeightsPerDevice = DataSize.FromGigabytes(16),
        Reserve = DataSize.FromGigabytes(2),
        KvCacheBudget = DataSize.FromGigabytes(10),
        KvCachePerSequence = DataSize.FromGigabytes(1),
        ContextTokens = 1000, // → 1 MB per token
    };

    [Fact]
    public void Plan_Contiguous_ReservesMaxLength()
    {
        // 4,000 tokens × 1 MB = 4 GB per sequence; ⌊10 ÷ 4⌋ = 2; waste 1 − 1000 ÷ 4000 = 0.75.
        var p = KvCacheAllocation.Plan(Plan, KvAllocationStrategy.Contiguous, 1000, 4000);
        p.ConcurrentSequences.Should().Be(2);
        p.WasteFraction.Should().BeApproximately(0.75, 1e-12);
    }

    [Fact]
    public void Plan_Paged_WastesAtMostOneBlock()
    {
        // ⌈1000 ÷ 16⌉ × 16 = 1,008 tokens = 1.008 GB; ⌊10 ÷ 1.008⌋ = 9; waste 8 ÷ 1008.
        var p = KvCacheAllocation.Plan(Plan, KvAllocationStrategy.Paged, 1000, 4000, 16);
        p.ReservedTokensPerSequence.Should().Be(1008);
        p.ConcurrentSequences.Should().Be(9);
        p.WasteFraction.Should().BeApproximately(8.0 / 1008, 1e-12);
    }

    [Fact]
    public void Plan_MaxShorterThanUsed_Throws() =>
        FluentActions.Invoking(() => KvCacheAllocation.Plan(Plan, KvAllocationStrategy.Contiguous, 1000, 500)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void ErlangC_HandDerived()
    {
        Queueing.ErlangC(1, 0.5).Should().BeApproximately(0.5, 1e-12); // M/M/1: P(wait) = ρ
        // M/M/2, a = 1: B(1) = 1 ÷ 2, B(2) = 0.5 ÷ 2.5 = 0.2, C = 0.2 ÷ (1 − 0.5 × 0.8) = 1/3.
        Queueing.ErlangC(2, 1).Should().BeApproximately(1.0 / 3, 1e-12);
    }

    [Fact]
    public void Harmonic_AndTruncatedPoisson_HandDerived()
    {
        Queueing.Harmonic(4).Should().BeApproximately(25.0 / 12, 1e-12); // 1 + 1/2 + 1/3 + 1/4
        // Poisson(2): P(≤1) = 3e⁻² = 0.406, P(≤2) = 5e⁻² = 0.677 → median 2.
        Queueing.TruncatedPoissonQuantile(2, 100, 0.5).Should().Be(2);
        // Truncated to {0, 1}: weights 1 and 2 → P(0) = 1/3 < 0.5 → 1.
        Queueing.TruncatedPoissonQuantile(2, 1, 0.5).Should().Be(1);
    }

    [Fact]
    public void Continuous_LowLoad_TtftIsPrefillAndTpotIsBatchOne()
    {
        var e = ServingUnderLoad.Analyze(TestPricing.Default, Config, 1000, 300, 64, 0.001, BatchingPolicy.Continuous);
        var prefill = Estimator.Forward(Config, 1, 1000, 0).Time;
        e.TimeToFirstTokenP50!.Value.Seconds.Should().BeApproximately(prefill.Seconds, prefill.Seconds * 0.01);
        e.TimePerOutputTokenP50!.Value.Seconds.Should().BeApproximately(Estimator.Forward(Config, 1, 1, 1150).Time.Seconds, 1e-3);
        e.Utilization.Should().BeLessThan(0.01);
    }

    [Fact]
    public void Continuous_LatenciesRiseWithLoad_AndP90AtLeastP50()
    {
        var previous = TimeInterval.Zero;
        var capacity = ServingUnderLoad.Analyze(TestPricing.Default, Config, 1000, 300, 64, 0, BatchingPolicy.Continuous).CapacityRequestsPerSecond;
        foreach (var f in new[] { 0.2, 0.5, 0.8, 0.95 })
        {
            var e = ServingUnderLoad.Analyze(TestPricing.Default, Config, 1000, 300, 64, f * capacity, BatchingPolicy.Continuous);
            e.Stable.Should().BeTrue();
            e.TimeToFirstTokenP90!.Value.Should().BeGreaterThanOrEqualTo(e.TimeToFirstTokenP50!.Value);
            e.TimePerOutputTokenP90!.Value.Should().BeGreaterThanOrEqualTo(e.TimePerOutputTokenP50!.Value);
            e.TimeToFirstTokenP90!.Value.Should().BeGreaterThanOrEqualTo(previous);
            previous = e.TimeToFirstTokenP90!.Value;
        }
    }

    [Fact]
    public void Continuous_Capacity_SolvesTheStallEquation()
    {
        // λ*·(P + D ÷ (1 − λ*P)) = c, with P = prefill of one request and D = 299 decode steps at 64 sequences.
        var p = Estimator.Forward(Config, 1, 1000, 0).Time.Seconds;
        var d = 299 * Estimator.Forward(Config, 64, 1, 1150).Time.Seconds;
        var lambda = ServingUnderLoad.Analyze(TestPricing.Default, Config, 1000, 300, 64, 0, BatchingPolicy.Continuous).CapacityRequestsPerSecond;
        (lambda * (p + (d / (1 - (lambda * p))))).Should().BeApproximately(64, 1e-6);
    }

    [Fact]
    public void Overload_IsUnstableWithoutLatencies()
    {
        var capacity = ServingUnderLoad.Analyze(TestPricing.Default, Config, 1000, 300, 64, 0, BatchingPolicy.Continuous).CapacityRequestsPerSecond;
        var e = ServingUnderLoad.Analyze(TestPricing.Default, Config, 1000, 300, 64, 2 * capacity, BatchingPolicy.Continuous);
        e.Stable.Should().BeFalse();
        e.TimeToFirstTokenP90.Should().BeNull();
    }

    [Fact]
    public void Static_VariableLengths_HasLessCapacityThanContinuous()
    {
        // Static batches last as long as their longest sequence: H_64 ≈ 4.74 × the mean decode.
        var s = ServingUnderLoad.Analyze(TestPricing.Default, Config, 1000, 300, 64, 0, BatchingPolicy.Static);
        var c = ServingUnderLoad.Analyze(TestPricing.Default, Config, 1000, 300, 64, 0, BatchingPolicy.Continuous);
        s.CapacityRequestsPerSecond.Should().BeLessThan(c.CapacityRequestsPerSecond / 2);
    }

    [Fact]
    public void MaxRequestsPerSecond_MeetsTheSlo_AndAFivePercentHigherRateDoesNot()
    {
        var ttft = TimeInterval.FromMilliseconds(500);
        var tpot = TimeInterval.FromMilliseconds(8);
        var rate = ServingUnderLoad.MaxRequestsPerSecond(TestPricing.Default, Config, 1000, 300, 64, BatchingPolicy.Continuous, ttft, tpot);
        rate.Should().BeGreaterThan(0);
        var at = ServingUnderLoad.Analyze(TestPricing.Default, Config, 1000, 300, 64, rate, BatchingPolicy.Continuous);
        at.TimeToFirstTokenP90!.Value.Should().BeLessThanOrEqualTo(ttft);
        at.TimePerOutputTokenP90!.Value.Should().BeLessThanOrEqualTo(tpot);
        var above = ServingUnderLoad.Analyze(TestPricing.Default, Config, 1000, 300, 64, rate * 1.05, BatchingPolicy.Continuous);
        (above.Stable && above.TimeToFirstTokenP90 <= ttft && above.TimePerOutputTokenP90 <= tpot).Should().BeFalse();
    }
}
