using CsCheck;
using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Hardware;
using TokenCost.Quantities;

namespace TokenCost.Tests.Properties;

/// <summary>A random deployment and workload drawn from the embedded catalog.</summary>
public sealed record Scenario(DeploymentConfiguration Configuration, int Batch, int InputTokens, int OutputTokens)
{
    public Workload Workload => new() { Batch = Batch, InputTokens = InputTokens, OutputTokens = OutputTokens };

    public int Context => InputTokens + OutputTokens;

    public override string ToString() =>
        $"{Configuration.Model.Id} on {Configuration.Devices}× {Configuration.Hardware.Id} (tp {Configuration.TensorParallel}), {Configuration.Weights.Id}/{Configuration.Activations.Id}/{Configuration.KvCache.Id}, {Configuration.Stack.Id}, batch {Batch}, {InputTokens}/{OutputTokens}";
}

/// <summary>CsCheck generators and helpers shared by the property tests.</summary>
public static class Scenarios
{
    /// <summary>Iterations per property: modest, so the whole property suite runs in seconds.</summary>
    public const int Iterations = 150;

    public static readonly Catalog Catalog = Catalog.Default;

    public static readonly RooflineEstimator Estimator = new(Catalog.Profiles);

    // Hardware that can model every layout: an interconnect and a 16-bit peak.
    private static readonly string[] Hardware =
        [.. Catalog.Hardware.Where(h => h.InterconnectBandwidth is not null && h.PeakFor(ComputePrecision.Bf16) is not null).Select(h => h.Id)];

    private static readonly string[] Weights = ["fp32", "bf16", "fp16", "fp8", "int8", "int4", "fp4", "q4_0", "q4_k_m"];

    public static readonly Gen<Scenario> Any =
        from hw in Gen.Int[0, Hardware.Length - 1]
        from model in Gen.Int[0, Catalog.Models.Count - 1]
        from weights in Gen.Int[0, Weights.Length - 1]
        from kv in Gen.OneOfConst("bf16", "fp8")
        from tp in Gen.OneOfConst(1, 2, 4, 8)
        from stack in Gen.Int[0, Catalog.Stacks.Count - 1]
        from batch in Gen.Int[1, 256]
        from input in Gen.Int[1, 8192]
        from output in Gen.Int[1, 2048]
        select new Scenario(
            DeploymentConfiguration.Create(Catalog, Catalog.Models[model].Id, Hardware[hw], Weights[weights], null, kv, Catalog.Stacks[stack].Id, tp),
            batch,
            input,
            output);

    /// <summary>Scenarios whose batch fits in memory.</summary>
    public static readonly Gen<Scenario> Fitting = Any.Where(s => Estimator.PlanMemory(s.Configuration, s.Context, s.Batch).Fits);

    /// <summary>A factor ≥ 1.</summary>
    public static readonly Gen<double> Factor = Gen.Double[1.0, 8.0];

    public static PerformanceEstimate Estimate(Scenario s) => Estimator.Estimate(s.Configuration, s.Workload);

    public static PerformanceEstimate Estimate(Scenario s, DeploymentConfiguration configuration) => Estimator.Estimate(configuration, s.Workload);

    /// <summary>Asserts a ≤ b up to floating-point rounding (relative 1e-12).</summary>
    public static void AtMost(double a, double b, string what)
    {
        a.Should().BeLessThanOrEqualTo(b + (Math.Abs(b) * 1e-12), what);
    }

    /// <summary>Asserts a ≈ b (relative 1e-12).</summary>
    public static void Close(double a, double b, string what, double relative = 1e-12)
    {
        Math.Abs(a - b).Should().BeLessThanOrEqualTo(Math.Max(Math.Abs(a), Math.Abs(b)) * relative, what);
    }

    public static HardwarePlatform ScaleCompute(HardwarePlatform hw, double factor) =>
        hw with { PeakCompute = hw.PeakCompute.ToDictionary(p => p.Key, p => p.Value * factor) };
}
