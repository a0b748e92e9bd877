using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Pricing;

namespace TokenCost.Quality;

/// <summary>
/// Quality-adjusted token cost: the $ per 1M output tokens of the cheapest quantization whose benchmark loss (from the
/// <see cref="QualityCatalog"/>) stays within a stated limit, for example "at most 1 MMLU point below 16-bit".
/// </summary>
/// <remarks>This type is immutable and thread-safe. Costs come from <see cref="RooflineEstimator"/> and <see cref="TokenCostCalculator"/> with the context's cost model.</remarks>
public sealed class QualityAdjustedCost
{
    /// <summary>Initializes a new instance of the <see cref="QualityAdjustedCost"/> class.</summary>
    /// <param name="context">The pricing context: catalog, profiles, data-centre parameters, cost model and quality catalog.</param>
    /// <param name="stackId">The serving stack whose profile the estimator uses.</param>
    public QualityAdjustedCost(PricingContext context, string stackId = "unknown")
    {
        Context = Guard.NotNull(context);
        StackId = Context.Catalog.GetStack(stackId).Id;
    }

    /// <summary>Gets the pricing context.</summary>
    public PricingContext Context { get; }

    /// <summary>Gets the serving-stack id.</summary>
    public string StackId { get; }

    /// <summary>Finds the cheapest option within a quality loss.</summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="hardwareId">The hardware id.</param>
    /// <param name="maxLoss">The largest accepted loss in the benchmark's unit (MMLU: percentage points below the source's 16-bit score), ≥ 0.</param>
    /// <param name="devices">Devices (tensor parallel), ≥ 1.</param>
    /// <param name="workload">The workload, or null for 512 prompt + 256 output tokens at the largest batch that fits.</param>
    /// <param name="benchmark">The benchmark, by default <see cref="QualityCatalog.Mmlu"/>.</param>
    /// <returns>Every option, cheapest first, and the best one.</returns>
    /// <exception cref="UnknownIdException">An id is not in the catalog.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLoss"/> is negative or not finite, or <paramref name="devices"/> &lt; 1.</exception>
    public QualityAdjustedCostResult Cheapest(string modelId, string hardwareId, double maxLoss, int devices = 1, Workload? workload = null, string benchmark = QualityCatalog.Mmlu)
    {
        Guard.NotEmpty(modelId);
        Guard.NotEmpty(hardwareId);
        Guard.NonNegativeFinite(maxLoss);
        Guard.Positive(devices);
        var load = workload ?? new Workload { Batch = null };
        var estimator = Context.Estimator;
        var options = new List<QualityOption>();
        foreach (var q in Context.Quality.For(modelId, benchmark))
        {
            var config = DeploymentConfiguration.Create(Context.Catalog, modelId, hardwareId, q.Format, stackId: StackId, devices: devices, tensorParallel: devices);
            var plan = estimator.PlanMemory(config, Math.Max(1, load.InputTokens + load.OutputTokens), load.Batch ?? 1);
            var within = q.Loss <= maxLoss + 1e-9;
            if (plan.MaxBatch < 1)
            {
                options.Add(new QualityOption { Quality = q, Fits = false, WithinLoss = within });
                continue;
            }

            var report = Context.Price(config, load);
            options.Add(new QualityOption { Quality = q, Fits = true, WithinLoss = within, Report = report, CostPerMillionOutputTokens = report.CostPerMillionOutputTokens });
        }

        return new QualityAdjustedCostResult
        {
            Model = modelId,
            Hardware = hardwareId,
            Benchmark = benchmark,
            MaxLoss = maxLoss,
            Options = options.OrderBy(o => o.Fits ? 0 : 1).ThenBy(o => o.CostPerMillionOutputTokens?.Usd ?? double.MaxValue).ToList(),
        };
    }
}
