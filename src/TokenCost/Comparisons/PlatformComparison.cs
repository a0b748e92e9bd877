using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Pricing;
using TokenCost.Rendering;

namespace TokenCost.Comparisons;

/// <summary>
/// The same model and workload priced on several platforms: one <see cref="TokenCostReport"/> per deployment, rendered as one flat
/// table (a row per platform) by <see cref="ToHtml"/>, <see cref="ToMarkdown"/> and in notebooks.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Rows keep the order they were given in.</remarks>
[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = [RenderedView.HtmlMimeType])]
public sealed partial class PlatformComparison
{
    /// <summary>Initializes a new instance of the <see cref="PlatformComparison"/> class from priced estimates.</summary>
    /// <param name="reports">One report per platform (or per deployment), in display order; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="reports"/> is empty or holds a null.</exception>
    public PlatformComparison(IEnumerable<TokenCostReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var list = reports.ToArray();
        if (list.Length == 0 || list.Any(r => r is null))
        {
            throw new ArgumentException("A comparison needs at least one report and no nulls.", nameof(reports));
        }

        Reports = list;
    }

    /// <summary>Gets the reports, one per row, in display order.</summary>
    public IReadOnlyList<TokenCostReport> Reports { get; }

    /// <summary>Gets the report with the lowest cost per million output tokens among those whose batch fits in memory, or null when none fits.</summary>
    public TokenCostReport? Cheapest => Reports.Where(r => r.Estimate.Memory.Fits).MinBy(r => r.CostPerMillionOutputTokens.Usd);

    /// <summary>
    /// Estimates and prices one model on each listed platform. Each platform gets its device count from the library's one policy,
    /// <see cref="PricingContext.FitDeployment"/>: the fewest of 1, 2, 4 and 8 devices (one replica, tensor parallel) on which the
    /// workload's batch fits in memory, or 8 when none does (the report then warns).
    /// </summary>
    /// <param name="context">The pricing context: the ids are resolved in its catalog and priced with its profiles, data-centre parameters and cost model.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="hardwareIds">The hardware ids, in display order; at least one.</param>
    /// <param name="workload">The workload (batch per replica, prompt and output tokens).</param>
    /// <param name="weightsId">The weight format id.</param>
    /// <param name="stackId">The serving stack id.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="UnknownIdException">An id is not in the catalog.</exception>
    public static PlatformComparison Create(
        PricingContext context,
        string modelId,
        IEnumerable<string> hardwareIds,
        Workload workload,
        string weightsId = "bf16",
        string stackId = "unknown")
    {
        Guard.NotNull(context);
        Guard.NotNull(hardwareIds);
        Guard.NotNull(workload);
        var reports = new List<TokenCostReport>();
        foreach (var hardwareId in hardwareIds)
        {
            reports.Add(context.Price(context.FitDeployment(modelId, hardwareId, workload, weightsId, stackId), workload));
        }

        return new PlatformComparison(reports);
    }
}
