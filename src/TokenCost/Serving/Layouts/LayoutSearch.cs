using TokenCost.Estimation;

namespace TokenCost.Serving.Layouts;

/// <summary>The bounded set of MoE serving layouts the optimizer and the curve try for one deployment (docs/roofline.md, "MoE serving layouts").</summary>
/// <remarks>This type is stateless and thread-safe.</remarks>
public static class LayoutSearch
{
    /// <summary>
    /// Gets the layouts to try for a deployment: the deployment itself and, for a mixture-of-experts model on a tensor-parallel replica
    /// with at least t routed experts, expert parallelism EP = t with tensor-parallel attention and EP = t with data-parallel
    /// attention (at most three configurations).
    /// </summary>
    /// <param name="configuration">The deployment (its layout is replaced in the variants).</param>
    /// <returns>The configurations, the given one first.</returns>
    public static IReadOnlyList<DeploymentConfiguration> Candidates(DeploymentConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var t = configuration.TensorParallel;
        var m = configuration.Model;
        if (!configuration.Layout.IsTensorParallelOnly || t < 2 || m.Experts < t)
        {
            return [configuration];
        }

        return
        [
            configuration,
            configuration with { Layout = new ServingLayout { ExpertParallel = t } },
            configuration with { Layout = new ServingLayout { ExpertParallel = t, AttentionDataParallel = true } },
        ];
    }
}
