using TokenCost.Audit;
using TokenCost.Catalogs;
using TokenCost.Estimation;

namespace TokenCost.Tests.Audit;

public class ClaimAuditorTests
{
    private static readonly ClaimAuditor Auditor = new(TestPricing.Default);

    private static Claim Latency(string model, string hardware, string weights, double ms, int? devices = 1) => new()
    {
        Id = "t",
        Kind = ClaimKind.Latency,
        Metric = "time_per_output_token_ms",
        Claimed = ms,
        Model = model,
        Hardware = hardware,
        Weights = weights,
        Devices = devices,
        Batch = 1,
    };

    [Fact]
    public void Audit_LatencyBelowWeightReadFloor_IsOptimistic()
    {
        // Llama-2-70B int4 on one H100: 68.45 B block weights × 0.53125 B + 0.524 B × 2 × 2 B (embedding + head) ≈ 38.5 GB?
        // No: the estimator reads the embedding once per step (lookup rows) and the head in full, ≈ 36.9 GB per token;
        // 36.9 GB ÷ 3.35 TB/s ≈ 11.0 ms, so 8.2 ms needs ~134 % of peak bandwidth.
        var audit = Auditor.Audit(Latency("llama-2-70b", "nvidia_h100_sxm", "int4", 8.2));

        audit.Verdict.Should().Be(ClaimVerdict.Optimistic);
        audit.Bound.Value.Should().BeInRange(10.5, 11.6);
        audit.Bound.Unit.Should().Be("ms");
        audit.Modeled.Should().BeGreaterThan(audit.Bound.Value!.Value, "the calibrated estimator is never faster than the physical floor");
        audit.Explanation.Should().Contain("8.2").And.Contain("peak memory bandwidth");
    }

    [Fact]
    public void Audit_LatencyAboveFloor_IsConsistent()
    {
        // MI300X: 36.9 GB ÷ 5.3 TB/s ≈ 7.0 ms ≤ 9.5 ms.
        var audit = Auditor.Audit(Latency("llama-2-70b", "amd_mi300x", "int4", 9.5));

        audit.Verdict.Should().Be(ClaimVerdict.Consistent);
        audit.Bound.Value.Should().BeInRange(6.6, 7.4);
    }

    [Fact]
    public void Audit_FloorIsTheBoundary_JustAboveConsistentJustBelowOptimistic()
    {
        var floor = Auditor.Audit(Latency("llama-3-8b", "nvidia_h100_sxm", "bf16", 100)).Bound.Value!.Value;

        Auditor.Audit(Latency("llama-3-8b", "nvidia_h100_sxm", "bf16", Math.Round(floor * 1.05, 3))).Verdict.Should().Be(ClaimVerdict.Consistent);
        Auditor.Audit(Latency("llama-3-8b", "nvidia_h100_sxm", "bf16", Math.Round(floor * 0.9, 3))).Verdict.Should().Be(ClaimVerdict.Optimistic);
    }

    [Fact]
    public void Audit_WeightsDoNotFit_IsInfeasible()
    {
        // Llama-2-70B fp16 ≈ 138 GB of weights vs 80 GiB = 85.9 GB on one A100.
        var claim = Latency("llama-2-70b", "nvidia_a100_80gb_sxm", "fp16", 80) with { Kind = ClaimKind.Throughput, Metric = "per_user_output_tokens_per_s", Claimed = 12 };

        var audit = Auditor.Audit(claim);

        audit.Verdict.Should().Be(ClaimVerdict.Infeasible);
        audit.Bound.Holds.Should().BeFalse();
        audit.Bound.Value.Should().BeGreaterThan(130);
    }

    [Fact]
    public void Audit_OpenDeviceCount_UsesFewestDevicesThatFit()
    {
        var audit = Auditor.Audit(Latency("llama-2-70b", "groq_lpu_v1", "int4", 0.8, devices: null));

        audit.Verdict.Should().Be(ClaimVerdict.Consistent);
        audit.Assumptions.Should().Contain(a => a.Contains("devices not stated", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_OpenWeightsThatDecideTheVerdict_IsUnverifiableAndNamesTheAssumption()
    {
        // OpenELM-3B on an A17 Pro (51 GB/s): bf16 6.1 GB → ≤ 8.2 tokens/s; int8 → ≤ 15.7 tokens/s.
        var claim = new Claim { Id = "e", Kind = ClaimKind.Throughput, Metric = "per_user_output_tokens_per_s", Claimed = 15, Model = "openelm-3b", Hardware = "apple_a17_pro", Devices = 1, Batch = 1 };

        var audit = Auditor.Audit(claim);

        audit.Verdict.Should().Be(ClaimVerdict.Unverifiable);
        audit.Explanation.Should().Contain("int8").And.Contain("bf16: optimistic");
    }

    [Fact]
    public void Audit_OpenAssumptionThatDecides_PossibilityWordingIsConsistentStatementIsUnverifiable()
    {
        // FP16 → FP8 Llama-2 70B on H100: ~50 % less energy per token at batch 1, far less at the largest batch.
        var claim = new Claim { Id = "e", Quote = "FP8 inference cuts energy cost by 40%", Kind = ClaimKind.Ratio, Metric = "energy_cost_reduction_fraction", Claimed = 0.40, Model = "llama-2-70b", Hardware = "nvidia_h100_sxm", WeightsFrom = "fp16", WeightsTo = "fp8" };

        Auditor.Audit(claim).Verdict.Should().Be(ClaimVerdict.Unverifiable);
        var can = Auditor.Audit(claim with { Quote = "FP8 inference can cut energy cost by 40%" });
        can.Verdict.Should().Be(ClaimVerdict.Consistent);
        can.Assumptions.Should().Contain(a => a.Contains("batch 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_TokenCostBelowPhysicalFloor_IsOptimistic()
    {
        var claim = new Claim { Id = "c", Kind = ClaimKind.TokenCost, Metric = "usd_per_million_output_tokens", Claimed = 0.01, Model = "llama-2-70b", Hardware = "nvidia_h100_sxm", Devices = 1, Weights = "int4" };

        Auditor.Audit(claim).Verdict.Should().Be(ClaimVerdict.Optimistic);
    }

    [Fact]
    public void Audit_TokenCostReachable_IsConsistentAndNamesBatchAndLatency()
    {
        // 2.99 $/h ÷ 0.45 $/1M = 1,846 tokens/s.
        var claim = new Claim { Id = "c", Kind = ClaimKind.TokenCost, Metric = "usd_per_million_output_tokens", Claimed = 0.45, Model = "llama-2-70b", Hardware = "nvidia_h100_sxm", Devices = 1, Weights = "int4" };

        var audit = Auditor.Audit(claim);

        audit.Verdict.Should().Be(ClaimVerdict.Consistent);
        audit.Explanation.Should().Contain("1,846 output tokens/s").And.Contain("at batch").And.Contain("ms per token");
        audit.Bound.Value.Should().BeLessThan(0.45);
    }

    [Theory]
    [InlineData(4.50, ClaimVerdict.Consistent)]
    [InlineData(4.9, ClaimVerdict.Inconsistent)]   // 8.9 % off; "4.9" is precise to ±0.05
    public void Audit_DailyCostArithmetic(double claimed, ClaimVerdict expected)
    {
        // 10 M tokens/day × 0.45 $/1M = 4.50 $/day.
        var claim = new Claim { Id = "a", Kind = ClaimKind.Arithmetic, Metric = "usd_per_day", Claimed = claimed, TokensPerDay = 10_000_000, UsdPerMillionTokens = 0.45 };

        var audit = Auditor.Audit(claim);

        audit.Verdict.Should().Be(expected);
        audit.Modeled.Should().BeApproximately(4.5, 1e-12);
    }

    [Fact]
    public void Audit_Cagr_IsComputedFromTheStatedEndpoints()
    {
        // (85 / 15)^(1/4) − 1 = 0.5429.
        var claim = new Claim { Id = "g", Kind = ClaimKind.Arithmetic, Metric = "cagr", Claimed = 0.54, FromValue = 15, FromYear = 2024, ToValue = 85, ToYear = 2028 };

        var audit = Auditor.Audit(claim);

        audit.Verdict.Should().Be(ClaimVerdict.Consistent);
        audit.Modeled.Should().BeApproximately(0.54288, 1e-4);
    }

    [Fact]
    public void Audit_FleetPowerAboveTdpCeiling_IsInconsistent()
    {
        // 10,000 × 700 W × 1.8 server overhead × 1.25 PUE = 15.75 MW.
        var claim = new Claim { Id = "p", Kind = ClaimKind.Power, Metric = "facility_megawatts", Claimed = 30, Hardware = "nvidia_h100_sxm", Devices = 10_000 };

        var audit = Auditor.Audit(claim);

        audit.Verdict.Should().Be(ClaimVerdict.Inconsistent);
        audit.Bound.Value.Should().BeApproximately(15.75, 1e-9);
        audit.Modeled.Should().BeLessThanOrEqualTo(15.75);
        Auditor.Audit(claim with { Claimed = 12 }).Verdict.Should().Be(ClaimVerdict.Consistent);
    }

    [Fact]
    public void Audit_SpecMismatch_IsInconsistent()
    {
        var claim = new Claim { Id = "s", Kind = ClaimKind.Spec, Metric = "memory_gb", Claimed = 100, Hardware = "nvidia_h100_sxm" };

        Auditor.Audit(claim).Verdict.Should().Be(ClaimVerdict.Inconsistent);
        Auditor.Audit(claim with { Claimed = 80 }).Verdict.Should().Be(ClaimVerdict.Consistent);
    }

    [Fact]
    public void Audit_FitsWithStatedBf16OnPhone_IsInfeasible()
    {
        // Llama-2-7B bf16 ≈ 13.5 GB vs 8 GiB.
        var claim = new Claim { Id = "f", Kind = ClaimKind.Fits, Metric = "fits", ClaimedFlag = true, Model = "llama-2-7b", Hardware = "apple_a17_pro", Devices = 1, Weights = "bf16" };

        Auditor.Audit(claim).Verdict.Should().Be(ClaimVerdict.Infeasible);
        Auditor.Audit(claim with { Weights = null }).Verdict.Should().Be(ClaimVerdict.Consistent);
    }

    [Fact]
    public void Audit_UnknownModel_IsUnverifiableWithReason()
    {
        var audit = Auditor.Audit(Latency("no-such-model", "nvidia_h100_sxm", "int4", 5));

        audit.Verdict.Should().Be(ClaimVerdict.Unverifiable);
        audit.Explanation.Should().Contain("no-such-model");
    }

    [Fact]
    public void Audit_SeedArticle_GivesEveryClaimAVerdictAndTheUnambiguousOnesComeOutRight()
    {
        var file = ClaimFile.Load(ClaimFileTests.SeedClaimsPath());

        var audits = Auditor.AuditAll(file.Claims).ToDictionary(a => a.Claim.Id);

        audits.Should().HaveCount(32);
        audits.Values.Should().OnlyContain(a => a.Explanation.Length > 40 && a.Bound.Formula.Length > 0);
        audits["h100-70b-int4-latency"].Verdict.Should().Be(ClaimVerdict.Optimistic);
        audits["b200-175b-int4-latency"].Verdict.Should().Be(ClaimVerdict.Optimistic);
        audits["mi300x-70b-int4-latency"].Verdict.Should().Be(ClaimVerdict.Consistent);
        audits["a100-70b-fp16-throughput"].Verdict.Should().Be(ClaimVerdict.Infeasible);
        audits["mixtral-a100-throughput"].Verdict.Should().Be(ClaimVerdict.Infeasible);
        audits["int4-triples-throughput"].Verdict.Should().Be(ClaimVerdict.Infeasible);
        audits["chatbot-daily-cost-h100"].Verdict.Should().Be(ClaimVerdict.Consistent);
        audits["fleet-yearly-saving"].Verdict.Should().Be(ClaimVerdict.Consistent);
        audits["market-cagr"].Verdict.Should().Be(ClaimVerdict.Consistent);
        audits["mixtral-active-params"].Verdict.Should().Be(ClaimVerdict.Consistent);
        audits["datacenter-10000-h100-power"].Verdict.Should().Be(ClaimVerdict.Inconsistent);
        audits["openelm-iphone-throughput"].Verdict.Should().Be(ClaimVerdict.Unverifiable);
    }

    [Fact]
    public void PhysicalFloor_NeverExceedsTheCalibratedStepTime()
    {
        var estimator = TestPricing.Default.Estimator;
        foreach (var (model, hw, weights, batch) in new[] { ("llama-2-70b", "nvidia_h100_sxm", "int4", 1), ("llama-3-8b", "nvidia_a100_80gb_sxm", "bf16", 64), ("mixtral-8x7b", "nvidia_h200_sxm", "fp8", 16) })
        {
            var config = DeploymentConfiguration.Create(Catalog.Default, model, hw, weights);
            var step = estimator.Forward(config, batch, 1, 640);

            PhysicalBounds.StepFloor(step, config).Should().BeLessThanOrEqualTo(step.Time);
            PhysicalBounds.WeightReadFloor(step, config).Seconds.Should().BeApproximately(step.WeightBytesPerDevice.Bytes / config.Hardware.MemoryBandwidth.BytesPerSecond, 1e-15);
        }
    }
}
