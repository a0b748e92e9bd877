using TokenCost.Estimation;

namespace TokenCost.Serving.Layouts;

/// <summary>
/// The bounded set of mixture-of-experts serving layouts the optimizer and the curve try for one deployment (docs/economics.md,
/// "Layout search"): on one replica, tensor parallelism, TP × EP and TP × EP with data-parallel attention; and disaggregated
/// prefill/decode pools of such replicas, every pool size up to <see cref="MaxPrefillWorkers"/> prefill and
/// <see cref="MaxDecodeWorkers"/> decode workers.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Dense models and replicas that are already expert- or data-parallel get no variants.</para>
/// <para>Pool sizes are the coprime pairs (prefill workers p, decode workers q): a deployment of k·p + k·q workers has the cost per token and
/// the per-user speed of p + q workers at k times the users (the disaggregated model is linear in the workers), so only coprime pairs are
/// distinct. Each pool takes any of the replica layouts independently: at most 3 × 3 × pairs deployments per replica.</para>
/// </remarks>
public sealed record LayoutSpace
{
    /// <summary>The largest value <see cref="MaxPrefillWorkers"/> and <see cref="MaxDecodeWorkers"/> accept.</summary>
    public const int MaxWorkersPerPool = 64;

    /// <summary>Gets the default space: EP, DP-attention and disaggregated pools of 1–2 prefill and 1–8 decode workers.</summary>
    public static LayoutSpace Default { get; } = new();

    /// <summary>Gets the space of the given layout alone (no variants).</summary>
    public static LayoutSpace None { get; } = new() { ExpertParallel = false, AttentionDataParallel = false, Disaggregated = false };

    /// <summary>Gets the space of one replica's layouts only (TP, TP × EP, TP × EP with DP-attention; no disaggregation).</summary>
    public static LayoutSpace Replica { get; } = new() { Disaggregated = false };

    /// <summary>Gets a value indicating whether expert parallelism EP = TP (attention tensor-parallel) is tried.</summary>
    /// <value>The default value is true.</value>
    public bool ExpertParallel { get; init; } = true;

    /// <summary>Gets a value indicating whether expert parallelism EP = TP with data-parallel attention is tried.</summary>
    /// <value>The default value is true.</value>
    public bool AttentionDataParallel { get; init; } = true;

    /// <summary>Gets a value indicating whether disaggregated prefill/decode pools of replicas are tried (mixture-of-experts models).</summary>
    /// <value>The default value is true.</value>
    public bool Disaggregated { get; init; } = true;

    /// <summary>Gets the most prefill workers (replicas) of a disaggregated deployment, in [1, <see cref="MaxWorkersPerPool"/>].</summary>
    /// <value>The default value is 2.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [1, <see cref="MaxWorkersPerPool"/>].</exception>
    public int MaxPrefillWorkers { get => field; init => field = Workers(value, nameof(MaxPrefillWorkers)); } = 2;

    /// <summary>Gets the most decode workers (replicas) of a disaggregated deployment, in [1, <see cref="MaxWorkersPerPool"/>].</summary>
    /// <value>The default value is 8.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [1, <see cref="MaxWorkersPerPool"/>].</exception>
    public int MaxDecodeWorkers { get => field; init => field = Workers(value, nameof(MaxDecodeWorkers)); } = 8;

    /// <summary>Gets the pool sizes tried: (prefill workers, decode workers), coprime, each within its bound, fewest devices first.</summary>
    public IReadOnlyList<(int PrefillWorkers, int DecodeWorkers)> PoolSizes =>
        (from p in Enumerable.Range(1, MaxPrefillWorkers)
         from q in Enumerable.Range(1, MaxDecodeWorkers)
         where Gcd(p, q) == 1
         orderby p + q, p
         select (p, q)).ToList();

    /// <summary>
    /// Gets the single-replica layouts to try for a deployment: the deployment itself and, for a mixture-of-experts model on a
    /// tensor-parallel replica (TP = t ≥ 2, no pipeline, at least t routed experts, plain TP layout), EP = t with tensor-parallel attention
    /// and EP = t with data-parallel attention, as enabled (at most three configurations).
    /// </summary>
    /// <param name="configuration">The deployment (its layout is replaced in the variants).</param>
    /// <returns>The configurations, the given one first.</returns>
    public IReadOnlyList<DeploymentConfiguration> Replicas(DeploymentConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!Expandable(configuration))
        {
            return [configuration];
        }

        var t = configuration.TensorParallel;
        var list = new List<DeploymentConfiguration> { configuration };
        if (ExpertParallel)
        {
            list.Add(configuration with { Layout = new ServingLayout { ExpertParallel = t } });
        }

        if (AttentionDataParallel)
        {
            list.Add(configuration with { Layout = new ServingLayout { ExpertParallel = t, AttentionDataParallel = true } });
        }

        return list;
    }

    /// <summary>
    /// Gets the disaggregated deployments to try whose workers are replicas like <paramref name="worker"/>'s: for every pool size of
    /// <see cref="PoolSizes"/>, each pool in each layout of <see cref="Replicas"/> — none when <see cref="Disaggregated"/> is off, the
    /// model is dense or the replica is pipelined or already EP/DP.
    /// </summary>
    /// <param name="worker">One replica's configuration (its device count is the worker's; extra replicas are ignored).</param>
    /// <returns>The deployments, smaller pools first.</returns>
    public IReadOnlyList<DisaggregatedDeployment> Disaggregations(DeploymentConfiguration worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (!Disaggregated || !Expandable(worker))
        {
            return [];
        }

        var g = worker.DevicesPerReplica;
        var layouts = Replicas(worker);
        var list = new List<DisaggregatedDeployment>();
        foreach (var (p, q) in PoolSizes)
        {
            foreach (var prefill in layouts)
            {
                foreach (var decode in layouts)
                {
                    list.Add(new DisaggregatedDeployment { Prefill = prefill with { Devices = p * g }, Decode = decode with { Devices = q * g } });
                }
            }
        }

        return list;
    }

    private static bool Expandable(DeploymentConfiguration c) =>
        c.Layout.IsTensorParallelOnly && c.PipelineParallel == 1 && c.TensorParallel >= 2 && c.Model.Experts >= c.TensorParallel;

    private static int Workers(int value, string name) =>
        value is >= 1 and <= MaxWorkersPerPool ? value : throw new ArgumentOutOfRangeException(name, value, FormattableString.Invariant($"the workers of a pool must be in [1, {MaxWorkersPerPool}]."));

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
