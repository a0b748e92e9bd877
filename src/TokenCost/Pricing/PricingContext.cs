using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Quality;
using TokenCost.Serving;
using TokenCost.Serving.Layouts;
using TokenCost.Serving.Load;

namespace TokenCost.Pricing;

/// <summary>
/// Everything a price depends on, in one immutable object: the catalog (hardware with its prices and price tiers, models, numeric
/// formats, serving stacks), the serving-stack efficiency profiles and power model, the data-centre parameters (electricity price,
/// PUE, server overhead, carbon intensity), the quality catalog and the cost model — with the estimators and the cost calculator
/// built from them once. Every analyser takes a context; none reads a global catalog.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Build one explicitly with <see cref="Create"/> (for the embedded data:
/// <c>PricingContext.Create(Catalog.Default)</c>) and derive variants with the <c>With…</c> methods, each of which returns a new
/// context and leaves this one unchanged — for example <c>context.WithDataCenter(context.DataCenter with { ElectricityPrice = … })</c>
/// re-prices every estimate, comparison, frontier, optimization, curve, scenario and audit made with the new context.</para>
/// <para>The main path is one call: <see cref="Price(DeploymentConfiguration, Workload)"/> (deployment + workload → performance
/// estimate and cost breakdown), or <see cref="Price(DeploymentConfiguration, Workload, ServingLoad)"/> under a serving load.</para>
/// </remarks>
public sealed class PricingContext
{
    private PricingContext(Catalog catalog, CostModel costModel, QualityCatalog quality)
    {
        Catalog = catalog;
        CostModel = costModel;
        Quality = quality;
        Estimator = new RooflineEstimator(catalog.Profiles);
        LoadEstimator = new ContinuousBatchingEstimator(Estimator);
        Calculator = new TokenCostCalculator(costModel, catalog.DataCenter);
    }

    /// <summary>Gets the catalog: hardware (with prices and price tiers), models, numeric formats, serving stacks, profiles and data-centre parameters.</summary>
    public Catalog Catalog { get; }

    /// <summary>Gets the serving-stack efficiency profiles and the power model (those of <see cref="Catalog"/>).</summary>
    public ServingProfiles Profiles => Catalog.Profiles;

    /// <summary>Gets the data-centre parameters: electricity price (USD/kWh), PUE, server power overhead, grid carbon intensity, serving overhead (those of <see cref="Catalog"/>).</summary>
    public DataCenterDefaults DataCenter => Catalog.DataCenter;

    /// <summary>Gets the cost model: the components summed into a $/h and divided by the tokens produced.</summary>
    public CostModel CostModel { get; }

    /// <summary>Gets the quality catalog (benchmark losses of quantized formats).</summary>
    public QualityCatalog Quality { get; }

    /// <summary>Gets the roofline estimator, built with <see cref="Profiles"/>.</summary>
    public RooflineEstimator Estimator { get; }

    /// <summary>Gets the continuous-batching (serving-load) estimator, built on <see cref="Estimator"/>.</summary>
    public ContinuousBatchingEstimator LoadEstimator { get; }

    /// <summary>Gets the cost calculator, built with <see cref="CostModel"/> and <see cref="DataCenter"/>.</summary>
    public TokenCostCalculator Calculator { get; }

    /// <summary>Creates a context over a catalog.</summary>
    /// <param name="catalog">The catalog; its profiles and data-centre parameters are used (for the embedded data, <see cref="Catalog.Default"/>).</param>
    /// <param name="costModel">The cost model, or null for <see cref="CostModel.Default"/> (rental hardware at the catalog's cloud price, energy, serving overhead).</param>
    /// <param name="quality">The quality catalog, or null for the embedded <see cref="QualityCatalog.Default"/>.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    public static PricingContext Create(Catalog catalog, CostModel? costModel = null, QualityCatalog? quality = null) =>
        new(Guard.NotNull(catalog), costModel ?? CostModel.Default, quality ?? QualityCatalog.Default);

    /// <summary>Returns a context with another catalog (its own profiles and data-centre parameters), keeping the cost model and quality catalog.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The new context.</returns>
    public PricingContext WithCatalog(Catalog catalog) => new(Guard.NotNull(catalog), CostModel, Quality);

    /// <summary>Returns a context whose catalog has a user's JSON file layered on top (see <see cref="Catalog.WithOverrides(string)"/>).</summary>
    /// <param name="path">A JSON file with any of the sections <c>hardware</c>, <c>models</c>, <c>formats</c>, <c>stacks</c>.</param>
    /// <returns>The new context.</returns>
    /// <exception cref="CatalogException">The file is unreadable or invalid.</exception>
    public PricingContext WithOverrides(string path) => WithCatalog(Catalog.WithOverrides(path));

    /// <summary>Returns a context with other serving profiles (for example a calibration result).</summary>
    /// <param name="profiles">The profiles.</param>
    /// <returns>The new context.</returns>
    public PricingContext WithProfiles(ServingProfiles profiles) => WithCatalog(Catalog.WithProfiles(Guard.NotNull(profiles)));

    /// <summary>Returns a context with other data-centre parameters (electricity price, PUE, server overhead, carbon intensity …).</summary>
    /// <param name="dataCenter">The parameters.</param>
    /// <returns>The new context.</returns>
    public PricingContext WithDataCenter(DataCenterDefaults dataCenter) => WithCatalog(Catalog.WithDataCenter(Guard.NotNull(dataCenter)));

    /// <summary>Returns a context with another cost model.</summary>
    /// <param name="costModel">The cost model.</param>
    /// <returns>The new context.</returns>
    public PricingContext WithCostModel(CostModel costModel) => new(Catalog, Guard.NotNull(costModel), Quality);

    /// <summary>Returns a context with another quality catalog.</summary>
    /// <param name="quality">The quality catalog.</param>
    /// <returns>The new context.</returns>
    public PricingContext WithQuality(QualityCatalog quality) => new(Catalog, CostModel, Guard.NotNull(quality));

    /// <summary>Builds a deployment from catalog ids (see <see cref="DeploymentConfiguration.Create"/>).</summary>
    /// <param name="modelId">The model id, for example <c>llama-2-70b</c>.</param>
    /// <param name="hardwareId">The hardware id, for example <c>nvidia_h100_sxm</c>.</param>
    /// <param name="weightsId">The weight format id.</param>
    /// <param name="activationsId">The activation format id, or null for the weight format's default.</param>
    /// <param name="kvCacheId">The KV-cache format id, or null for the default.</param>
    /// <param name="stackId">The serving stack id.</param>
    /// <param name="devices">The number of devices, ≥ 1.</param>
    /// <param name="tensorParallel">The tensor-parallel degree, or null for devices ÷ pipeline parallel.</param>
    /// <param name="pipelineParallel">The pipeline-parallel degree, ≥ 1.</param>
    /// <returns>The deployment.</returns>
    /// <exception cref="UnknownIdException">An id is not in the catalog.</exception>
    public DeploymentConfiguration Deployment(
        string modelId,
        string hardwareId,
        string weightsId = "bf16",
        string? activationsId = null,
        string? kvCacheId = null,
        string stackId = "unknown",
        int devices = 1,
        int? tensorParallel = null,
        int pipelineParallel = 1) =>
        DeploymentConfiguration.Create(Catalog, modelId, hardwareId, weightsId, activationsId, kvCacheId, stackId, devices, tensorParallel, pipelineParallel);

    /// <summary>
    /// Builds a deployment with the fewest devices that hold the model and the workload, the one policy TokenCost uses wherever no
    /// device count is given: one replica of n = 1, 2, 4, 8 devices and then whole 8-device servers, 16, 24, 32 … (up to
    /// <paramref name="maxDevices"/>; only 1 on hardware without
    /// an interconnect), laid out with the largest tensor-parallel degree that splits the attention and KV heads and the rest as pipeline
    /// stages; the first n whose memory holds the weights plus the KV cache of the workload's batch (1 when the workload leaves it open)
    /// at prompt + output tokens wins; when none does, the largest n tried (its estimate then says it does not fit).
    /// </summary>
    /// <param name="modelId">The model id.</param>
    /// <param name="hardwareId">The hardware id.</param>
    /// <param name="workload">The workload whose batch and context must fit.</param>
    /// <param name="weightsId">The weight format id.</param>
    /// <param name="stackId">The serving stack id.</param>
    /// <param name="maxDevices">The most devices tried, ≥ 1.</param>
    /// <returns>The deployment.</returns>
    /// <exception cref="UnknownIdException">An id is not in the catalog.</exception>
    public DeploymentConfiguration FitDeployment(string modelId, string hardwareId, Workload workload, string weightsId = "bf16", string stackId = "unknown", int maxDevices = DevicePlacement.DefaultMaxDevices)
    {
        Guard.NotNull(workload);
        Guard.Positive(maxDevices);
        var contextTokens = (int)Math.Min(int.MaxValue, Math.Max(1L, (long)workload.InputTokens + workload.OutputTokens));
        return DevicePlacement.Fewest(this, modelId, hardwareId, weightsId, stackId, contextTokens, workload.Batch ?? 1, maxDevices, plan => plan.Fits).Configuration;
    }

    /// <summary>Estimates a deployment's performance (see <see cref="RooflineEstimator.Estimate"/>).</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="workload">The workload.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">The deployment is inconsistent.</exception>
    public PerformanceEstimate Estimate(DeploymentConfiguration deployment, Workload workload) => Estimator.Estimate(deployment, workload);

    /// <summary>Estimates and prices a deployment: the performance estimate and the cost breakdown in one report.</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="workload">The workload.</param>
    /// <returns>The report (<see cref="TokenCostReport.Estimate"/> holds the estimate).</returns>
    /// <exception cref="ArgumentException">The deployment is inconsistent, or a cost component cannot price its hardware (for example no catalog price).</exception>
    public TokenCostReport Price(DeploymentConfiguration deployment, Workload workload) => Calculator.Calculate(Estimator.Estimate(deployment, workload));

    /// <summary>Estimates and prices a deployment under a serving load (continuous batching): the loaded estimate and its cost breakdown.</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="workload">The workload (prompt and output tokens per request).</param>
    /// <param name="load">The serving load (concurrency or request rate).</param>
    /// <returns>The report (<see cref="LoadedCostReport.Estimate"/> holds the estimate).</returns>
    /// <exception cref="ArgumentException">The deployment is inconsistent, or a cost component cannot price its hardware.</exception>
    public LoadedCostReport Price(DeploymentConfiguration deployment, Workload workload, ServingLoad load) => Calculator.Calculate(LoadEstimator.Estimate(deployment, workload, load));

    /// <summary>
    /// Estimates and prices a disaggregated prefill/decode deployment under a closed loop or an offline run: the loaded estimate of both
    /// pools (<see cref="ContinuousBatchingEstimator.Estimate(DisaggregatedDeployment, Workload, ServingLoad)"/>) and its cost breakdown,
    /// every device of both pools priced.
    /// </summary>
    /// <param name="deployment">The prefill and decode pools.</param>
    /// <param name="workload">The workload (prompt and output tokens per request; its batch is ignored).</param>
    /// <param name="load">A closed loop (clients of the whole deployment) or an offline run.</param>
    /// <returns>The report (<see cref="LoadedCostReport.Estimate"/> holds the estimate; its <see cref="LoadedEstimate.Disaggregated"/> is <paramref name="deployment"/>).</returns>
    /// <exception cref="ArgumentException">The deployment is inconsistent, the load is static or Poisson, or a cost component cannot price its hardware.</exception>
    public LoadedCostReport Price(DisaggregatedDeployment deployment, Workload workload, ServingLoad load) => Calculator.Calculate(LoadEstimator.Estimate(deployment, workload, load));
}
