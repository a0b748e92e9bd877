using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Serving.Layouts;

namespace TokenCost.Economics.Optimization;

/// <summary>What the optimizer may choose from: hardware, device counts (all tensor-parallel), weight formats, batches (static) or concurrencies (under load) and the serving stack.</summary>
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

    /// <summary>
    /// Gets the closed-loop concurrencies to try under load (<see cref="DeploymentOptimizer.OptimizeUnderLoad"/>), or null to search each
    /// configuration for the largest concurrency that meets the objective (bisection between 1 and the smaller of
    /// <see cref="MaxConcurrency"/> and the sequences its KV-cache memory holds).
    /// </summary>
    /// <value>The default value is null (search).</value>
    public IReadOnlyList<int>? Concurrencies { get; init; }

    /// <summary>
    /// Gets the mixture-of-experts serving layouts the search under load tries for each device count (docs/economics.md, "Layout search"):
    /// TP × EP and DP-attention on one replica, and disaggregated prefill/decode pools of such replicas. Dense models ignore it.
    /// </summary>
    /// <value>The default value is <see cref="LayoutSpace.Default"/>.</value>
    public LayoutSpace Layouts { get; init; } = LayoutSpace.Default;

    /// <summary>Gets the largest concurrency the search under load considers, in users per replica (per decode worker of a disaggregated deployment).</summary>
    /// <value>The default value is 1024.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxConcurrency { get => field; init => field = Guard.Positive(value, nameof(MaxConcurrency)); } = 1024;

    /// <summary>Gets the most operating points the search under load may evaluate (configurations × concurrencies tried); a larger space is refused.</summary>
    /// <value>The default value is 20,000.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int MaxEvaluatedPoints { get => field; init => field = Guard.Positive(value, nameof(MaxEvaluatedPoints)); } = 20_000;
}
