using TokenCost.Internal;

namespace TokenCost.Serving.Layouts;

/// <summary>
/// How a mixture-of-experts replica spreads its layers beyond tensor parallelism: expert parallelism for the MoE layers and data
/// parallelism for attention (docs/roofline.md, "MoE serving layouts").
/// </summary>
/// <remarks>This type is immutable and thread-safe. The default (<see cref="TensorParallelOnly"/>) is today's layout: every layer follows tensor parallelism.</remarks>
public sealed record ServingLayout
{
    /// <summary>
    /// The default max ÷ mean routed-token load over the devices of an expert-parallel group (a documented prior, not fitted):
    /// DeepSeek-V3's auxiliary-loss-free balancing plus a redundant-expert load balancer (EPLB) keep the busiest device within about
    /// 10–30 % of the mean in SGLang's and DeepSeek's large-EP reports (2025); 1.2 is the middle of that range (estimate).
    /// </summary>
    public static double DefaultExpertLoadImbalance { get; } = 1.2;

    private readonly int _expertParallel = 1;
    private readonly double _expertLoadImbalance = DefaultExpertLoadImbalance;

    /// <summary>Gets the layout in which every layer follows tensor parallelism (no expert or attention data parallelism).</summary>
    public static ServingLayout TensorParallelOnly { get; } = new();

    /// <summary>
    /// Gets the number of devices of a replica the routed experts are split across (expert parallelism), ≥ 1; 1 = experts follow tensor
    /// parallelism. Each device then holds experts ÷ EP whole experts and tokens move to them by an all-to-all dispatch and combine.
    /// </summary>
    /// <value>The default value is 1.</value>
    public int ExpertParallel { get => _expertParallel; init => _expertParallel = Guard.Positive(value, nameof(ExpertParallel)); }

    /// <summary>Gets the max ÷ mean routed-token load over the expert-parallel devices, ≥ 1 (used only when <see cref="ExpertParallel"/> ≥ 2).</summary>
    /// <value>The default value is <see cref="DefaultExpertLoadImbalance"/>.</value>
    public double ExpertLoadImbalance
    {
        get => _expertLoadImbalance;
        init => _expertLoadImbalance = double.IsFinite(value) && value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ExpertLoadImbalance), value, "the expert load imbalance (max ÷ mean) must be finite and ≥ 1.");
    }

    /// <summary>
    /// Gets a value indicating whether attention runs data-parallel across a replica's devices: each device holds the whole attention
    /// weights and the KV cache of its own sequences only (an MLA latent cache is then not replicated).
    /// </summary>
    public bool AttentionDataParallel { get; init; }

    /// <summary>Gets a value indicating whether the layout is plain tensor parallelism.</summary>
    public bool IsTensorParallelOnly => ExpertParallel == 1 && !AttentionDataParallel;

    /// <summary>Gets the layout in the case-tag notation suffix: <c>EPe</c> when EP ≥ 2, then <c>DP</c> for data-parallel attention; empty for plain TP.</summary>
    /// <returns>The notation.</returns>
    public override string ToString() =>
        (ExpertParallel > 1 ? FormattableString.Invariant($"EP{ExpertParallel}") : "") + (AttentionDataParallel ? "DP" : "");
}
