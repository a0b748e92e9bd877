using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving;

namespace TokenCost.Tests.Support;

/// <summary>Configurations and a fixed, round-number profile so golden numbers do not move when the shipped profiles are recalibrated.</summary>
internal static class TestCatalog
{
    public static Catalog Catalog => Catalog.Default;

    /// <summary>Ideal profile: full bandwidth and compute, no overheads, no collective latency, full link efficiency.</summary>
    public static EfficiencyProfile Ideal { get; } = new()
    {
        BandwidthEfficiency = 1,
        ComputeEfficiency = 1,
        AttentionEfficiency = 1,
        LayerOverhead = TimeInterval.Zero,
        StepOverhead = TimeInterval.Zero,
        CollectiveLatency = TimeInterval.Zero,
        InterconnectEfficiency = 1,
        KvCacheMemoryFraction = 1,
        MemoryReserve = DataSize.FromGigabytes(2),
        MaxBatch = 100_000,
    };

    public static ServingProfiles IdealProfiles { get; } = new() { Defaults = Ideal, Power = new PowerModel() };

    public static RooflineEstimator IdealEstimator { get; } = new(IdealProfiles);

    public static DeploymentConfiguration Config(string model, string hardware, string weights = "bf16", int devices = 1, int? tp = null, int pp = 1, string? activations = null, string? kv = null) =>
        DeploymentConfiguration.Create(Catalog, model, hardware, weights, activations, kv, "unknown", devices, tp, pp);
}
