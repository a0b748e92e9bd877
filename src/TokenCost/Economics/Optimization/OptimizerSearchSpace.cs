using TokenCost.Estimation;

namespace TokenCost.Economics.Optimization;

/// <summary>What the optimizer may choose from: hardware, device counts (all tensor-parallel), weight formats, batches and the serving stack.</summary>
/// <remarks>This type is immutable and thread-safe (when <see cref="Quality"/> is).</remarks>
public sealed record OptimizerSearchSpace
{
    /// <summary>Gets the hardware ids to try, or null for every catalog platform.</summary>
    public IReadOnlyList<string>? Hardware { get; init; }

    /// <summary>Gets the device counts to try; each is one tensor-parallel replica.</summary>
    /// <value>The default value is 1, 2, 4, 8.</value>
    public IReadOnlyList<int> DeviceCounts { get; init; } = [1, 2, 4, 8];

    /// <summary>Gets the weight format ids to try.</summary>
    /// <value>The default value is bf16, fp8, int8, int4.</value>
    public IReadOnlyList<string> WeightFormats { get; init; } = ["bf16", "fp8", "int8", "int4"];

    /// <summary>Gets the batch sizes to try, or null for powers of two up to the largest that fits.</summary>
    public IReadOnlyList<int>? Batches { get; init; }

    /// <summary>Gets the serving stack id.</summary>
    /// <value>The default value is "unknown".</value>
    public string Stack { get; init; } = "unknown";

    /// <summary>
    /// Gets the quality hook: a score in [0, 1] for a configuration (for example from a quality catalog of model × format accuracy),
    /// or null when unknown. Configurations with an unknown score fail a <see cref="ServiceLevelObjective.MinQuality"/> limit.
    /// </summary>
    /// <value>The default value is null: no quality catalog, so a minimum quality cannot be met.</value>
    public Func<DeploymentConfiguration, double?>? Quality { get; init; }
}
