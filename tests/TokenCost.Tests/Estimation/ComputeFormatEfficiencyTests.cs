using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Estimation;

public class ComputeFormatEfficiencyTests
{
    // Llama-3.3-70B in NVFP4 (W4A4) on one B200: a 4,096-token prefill is compute-bound at the FP4 peak.
    private static readonly DeploymentConfiguration B200Fp4 = TestCatalog.Config("llama-3.3-70b", "nvidia_b200", "fp4", devices: 1, tp: 1, kv: "fp8");

    [Fact]
    public void GemmComputeEfficiency_MultipliesTheStackValueForThatActivationFormatOnly()
    {
        var p = new EfficiencyProfile { ComputeEfficiency = 0.6, ComputeFormatEfficiency = new Dictionary<string, double> { ["fp4"] = 0.5 } };
        p.GemmComputeEfficiency(TestCatalog.Catalog.GetFormat("fp4")).Should().BeApproximately(0.3, 1e-12);
        p.GemmComputeEfficiency(TestCatalog.Catalog.GetFormat("fp8")).Should().Be(0.6);
        (p with { ComputeFormatEfficiency = new Dictionary<string, double> { ["fp4"] = 2.0 } }).GemmComputeEfficiency(TestCatalog.Catalog.GetFormat("fp4")).Should().Be(1.0, "an efficiency is capped at 1");
    }

    [Fact]
    public void ComputeBoundPrefill_SlowsByTheFactor_MemoryBoundDecodeDoesNot()
    {
        var baseline = new EfficiencyProfile();
        var slower = baseline with { ComputeFormatEfficiency = new Dictionary<string, double> { ["fp4"] = 0.5 } };
        var prefillA = RooflineEstimator.Forward(B200Fp4, 4, 4096, 0, baseline);
        var prefillB = RooflineEstimator.Forward(B200Fp4, 4, 4096, 0, slower);
        prefillA.Bound.Should().Be(Bound.Compute);

        // The GEMMs take twice as long; attention, overheads and memory-bound kernels do not, so the step grows by less than 2×.
        (prefillB.Time.Seconds / prefillA.Time.Seconds).Should().BeInRange(1.5, 2.0);

        var decodeA = RooflineEstimator.Forward(B200Fp4, 1, 1, 1024, baseline);
        var decodeB = RooflineEstimator.Forward(B200Fp4, 1, 1, 1024, slower);
        decodeB.Time.Seconds.Should().BeApproximately(decodeA.Time.Seconds, decodeA.Time.Seconds * 1e-9);
    }

    [Fact]
    public void FastPath_AppliesTheSameFactor()
    {
        var profiles = new ServingProfiles { Defaults = new EfficiencyProfile { ComputeFormatEfficiency = new Dictionary<string, double> { ["fp4"] = 0.5 } } };
        var context = TestPricing.Default.WithProfiles(profiles);
        var workload = new Workload { Batch = 64, InputTokens = 4096, OutputTokens = 64 };
        var full = context.Estimator.Estimate(B200Fp4, workload);
        var fast = context.Estimator.Summarize(context.Estimator.Prepare(B200Fp4), 64, 4096, 64, HourlyRate.FromUsdPerHour(3));
        fast.TimeToFirstToken.Seconds.Should().BeApproximately(full.TimeToFirstToken.Seconds, full.TimeToFirstToken.Seconds * 1e-9);
    }

    [Fact]
    public void ProfilesFile_RoundTripsTheFactor_AndRejectsANonPositiveOne()
    {
        var profiles = new ServingProfiles { Defaults = new EfficiencyProfile { ComputeFormatEfficiency = new Dictionary<string, double> { ["fp4"] = 0.77 } } };
        ServingProfiles.Parse(profiles.ToJson()).Defaults.ComputeFormatEfficiency["fp4"].Should().Be(0.77);
        var bad = () => new EfficiencyProfile { ComputeFormatEfficiency = new Dictionary<string, double> { ["fp4"] = double.NaN } };
        bad.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(EfficiencyProfile.ComputeFormatEfficiency));
    }
}
