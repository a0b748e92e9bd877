using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Serving;
using TokenCost.Serving.Load;
using TokenCost.Tests.Support;

namespace TokenCost.Tests.Serving.Load;

public class KvAdmissionTests
{
    // Llama-3.1-70B in FP8 on one H100: weights leave a KV budget of a few tens of thousands of tokens, so long outputs are memory-limited.
    private static readonly DeploymentConfiguration H100Tp1 = TestCatalog.Config("llama-3.1-70b", "nvidia_h100_sxm", "fp8", devices: 1, tp: 1, kv: "fp8");

    [Fact]
    public void FullSequenceAdmission_ChargesPromptPlusOutput()
    {
        var current = new EfficiencyProfile();
        var full = current with { KvAdmission = KvAdmissionPolicy.FullSequence };
        current.AdmissionContext(128, 2048).Should().Be(128 + 1024);
        full.AdmissionContext(128, 2048).Should().Be(128 + 2048);
    }

    [Fact]
    public void FullSequenceAdmission_HoldsFewerLongOutputSequences()
    {
        var current = new EfficiencyProfile { MaxBatch = 4096 };
        var full = current with { KvAdmission = KvAdmissionPolicy.FullSequence };
        var a = ContinuousBatchingEstimator.Solve(H100Tp1, current, LoadKind.Offline, 0, 128, 2048);
        var b = ContinuousBatchingEstimator.Solve(H100Tp1, full, LoadKind.Offline, 0, 128, 2048);

        // Slots scale with the inverse of the charged context: (128 + 1024) ÷ (128 + 2048) = 0.53, within one sequence of rounding.
        ((double)b.MaxRunning).Should().BeApproximately(a.MaxRunning * 1152.0 / 2176.0, 1.0);
        b.MaxRunning.Should().BeGreaterThan(8);

        // Decode is dominated by the weight reads, so offline throughput falls by nearly the same factor.
        (b.RequestsPerSecond / a.RequestsPerSecond).Should().BeInRange(0.5, 0.75);
    }

    [Fact]
    public void ShortOutputs_BarelyDependOnThePolicy()
    {
        var current = new EfficiencyProfile { MaxBatch = 4096 };
        var full = current with { KvAdmission = KvAdmissionPolicy.FullSequence };
        var a = ContinuousBatchingEstimator.Solve(H100Tp1, current, LoadKind.Offline, 0, 2048, 16);
        var b = ContinuousBatchingEstimator.Solve(H100Tp1, full, LoadKind.Offline, 0, 2048, 16);
        ((double)b.MaxRunning).Should().BeGreaterThanOrEqualTo(a.MaxRunning * 0.99 - 1);
    }

    [Fact]
    public void ShippedProfiles_TensorRtLlmReservesTheFullSequence_VllmDoesNot()
    {
        TestCatalog.Catalog.Profiles.Stacks["tensorrt-llm"].KvAdmission.Should().Be(KvAdmissionPolicy.FullSequence);
        TestCatalog.Catalog.Profiles.Stacks["vllm"].KvAdmission.Should().Be(KvAdmissionPolicy.CurrentLength);
        TestCatalog.Catalog.Profiles.Stacks["sglang"].KvAdmission.Should().Be(KvAdmissionPolicy.CurrentLength);
    }

    [Fact]
    public void ProfilesFile_ReadsTheAdmissionPolicy_AndRejectsAnUnknownOne()
    {
        const string Json = """{ "defaults": {}, "stacks": { "x": { "kvAdmission": "full-sequence" } } }""";
        ServingProfiles.Parse(Json).Stacks["x"].KvAdmission.Should().Be(KvAdmissionPolicy.FullSequence);
        var bad = () => ServingProfiles.Parse(Json.Replace("full-sequence", "greedy", StringComparison.Ordinal), "p.json");
        bad.Should().Throw<CatalogException>().WithMessage("*kvAdmission*greedy*");
    }

    [Fact]
    public void Profile_RejectsAnUndefinedPolicy()
    {
        var act = () => new EfficiencyProfile { KvAdmission = (KvAdmissionPolicy)7 };
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(EfficiencyProfile.KvAdmission));
    }
}
