using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;

namespace TokenCost.Tests.Rendering;

/// <summary>The seed article's headline case (Llama-2-70B, INT4, one H100 SXM, batch 1, 512 + 256 tokens), priced with the defaults.</summary>
internal static class RenderingFixture
{
    public static readonly Workload Workload = new() { Batch = 1, InputTokens = 512, OutputTokens = 256 };

    public static TokenCostReport Report()
    {
        var catalog = Catalog.Default;
        var configuration = DeploymentConfiguration.Create(catalog, "llama-2-70b", "nvidia_h100_sxm", "int4");
        var estimate = new RooflineEstimator(catalog.Profiles).Estimate(configuration, Workload);
        return new TokenCostCalculator(CostModel.Default, catalog.DataCenter).Calculate(estimate);
    }
}
