using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Pricing;
using TokenCost.Quantities;

namespace TokenCost.Economics.Scenarios;

/// <summary>Answers a <see cref="ServingScenario"/>: fleet cost per day and year, energy and emissions, upgrade payback, hybrid routing, API break-even.</summary>
/// <remarks>This type is immutable and thread-safe. Formulas are on each result type.</remarks>
public sealed class ScenarioAnalyzer
{
    private const double SecondsPerDay = 86_400;

    /// <summary>Initializes a new instance of the <see cref="ScenarioAnalyzer"/> class.</summary>
    /// <param name="context">The pricing context: its estimator (serving profiles) and data-centre parameters price the fleet.</param>
    public ScenarioAnalyzer(PricingContext context) => Context = Guard.NotNull(context);

    /// <summary>Gets the pricing context.</summary>
    public PricingContext Context { get; }

    private RooflineEstimator Estimator => Context.Estimator;

    private DataCenterDefaults DataCenter => Context.DataCenter;

    /// <summary>Analyzes a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">A deployment cannot be priced or its weights do not fit.</exception>
    public ScenarioReport Analyze(ServingScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var fleet = Fleet(scenario.Deployment, scenario.Batch, scenario.PricePerDeviceHour, scenario, scenario.RequestsPerDay);
        return new ScenarioReport
        {
            Scenario = scenario,
            Fleet = fleet,
            Upgrade = scenario.Upgrade is { } u ? Upgrade(scenario, fleet, u) : null,
            Routing = scenario.Routing is { } r ? Routing(scenario, fleet, r) : null,
            Api = scenario.Api is { } a ? Api(scenario, fleet, a) : null,
        };
    }

    /// <summary>The largest fleet priced, in devices (10⁸: more accelerators than exist).</summary>
    private const double MaxFleetDevices = 1e8;

    /// <summary>Sizes and prices the fleet of a deployment for a daily volume.</summary>
    /// <param name="deployment">One deployment.</param>
    /// <param name="batch">Batch per replica, or null for as many as fit.</param>
    /// <param name="pricePerDeviceHour">Rental price per device-hour, or null for the catalog's.</param>
    /// <param name="scenario">The scenario (tokens per request, target utilisation).</param>
    /// <param name="requestsPerDay">The requests per day, ≥ 0.</param>
    /// <returns>The fleet.</returns>
    public FleetCost Fleet(DeploymentConfiguration deployment, int? batch, HourlyRate? pricePerDeviceHour, ServingScenario scenario, double requestsPerDay)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(scenario);
        Guard.NonNegativeFinite(requestsPerDay);
        var report = Price(deployment, batch, pricePerDeviceHour, scenario);
        var e = report.Estimate;
        var capacity = TokenFormulas.RequestsPerSecond(e.Batch, deployment.Replicas, e.RequestLatency.Seconds);
        var needed = requestsPerDay <= 0 ? 0 : Math.Ceiling(requestsPerDay / (capacity * SecondsPerDay * scenario.TargetUtilization) - 1e-12);

        // Counts multiply (deployments × devices per deployment): bound the fleet before any int arithmetic can wrap.
        if (!double.IsFinite(needed) || needed * deployment.Devices > MaxFleetDevices)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerDay), requestsPerDay, FormattableString.Invariant(
                $"{requestsPerDay:G6} requests per day would need {needed:G3} deployments of {deployment.Devices} devices, more than the {MaxFleetDevices:G2} devices this model prices; check workload.requestsPerDay and deployment.devices."));
        }

        var deployments = (int)needed;
        var busy = deployments == 0 ? 0 : Math.Min(1, requestsPerDay / (capacity * SecondsPerDay * deployments));
        var overhead = DataCenter.ServerPowerOverhead * DataCenter.PowerUsageEffectiveness;
        var idle = deployment.Hardware.ThermalDesignPower is { } tdp ? tdp * (Estimator.Profiles.Power.IdleFraction * deployment.Devices * overhead) : Power.Zero;
        var perDeployment = (report.FacilityPower * busy) + (idle * (1 - busy));
        var energyPerDay = perDeployment * TimeInterval.FromHours(24 * deployments);
        var perDay = report.TotalCostPerHour * TimeInterval.FromHours(24 * deployments);
        return new FleetCost
        {
            Report = report,
            CapacityRequestsPerSecond = capacity,
            Deployments = deployments,
            BusyFraction = busy,
            CostPerDay = perDay,
            CostPerRequest = requestsPerDay > 0 ? perDay / requestsPerDay : null,
            EnergyPerDay = energyPerDay,
            OperationalTonnesCo2ePerYear = energyPerDay.KilowattHours * 365 * DataCenter.GridCarbonIntensity.GramsCo2ePerKilowattHour / 1e6,
            EmbodiedTonnesCo2ePerYear = (double)deployments * deployment.Devices * DataCenter.EmbodiedKgCo2ePerDevice / DataCenter.DepreciationYears / 1000,
        };
    }

    private TokenCostReport Price(DeploymentConfiguration deployment, int? batch, HourlyRate? price, ServingScenario scenario)
    {
        // The context's cost model, with the scenario's own rental price when it states one.
        var model = price is { } p ? Context.CostModel.Replace(new RentalHardwareCost { PricePerDeviceHour = p }) : Context.CostModel;
        var estimate = Estimator.Estimate(deployment, new Workload { Batch = batch, InputTokens = scenario.InputTokens, OutputTokens = scenario.OutputTokens });
        if (!estimate.Memory.Fits || estimate.Memory.MaxBatch < 1)
        {
            throw new ArgumentException(FormattableString.Invariant($"{deployment.Model.Id} on {deployment.Devices} × {deployment.Hardware.Id} does not fit at batch {estimate.Batch} (largest batch that fits: {estimate.Memory.MaxBatch})."), nameof(deployment));
        }

        return new TokenCostCalculator(model, DataCenter).Calculate(estimate);
    }

    private UpgradeReport Upgrade(ServingScenario scenario, FleetCost current, UpgradeOption upgrade)
    {
        var next = Fleet(upgrade.Deployment, upgrade.Batch, upgrade.PricePerDeviceHour, scenario, scenario.RequestsPerDay);
        var report = new UpgradeReport { NewFleet = next, AnnualSavings = current.CostPerYear - next.CostPerYear };
        if (upgrade.PurchasePricePerDevice is not { } price)
        {
            return report;
        }

        // Owned hardware: the yearly cost is the fleet's energy and serving overhead, without the hardware rental.
        var r = next.Report;
        var hoursPerYear = 24.0 * 365 * next.Deployments;
        var servingShare = r.HardwareCostPerHour + r.EnergyCostPerHour > HourlyRate.Zero ? r.ServingCostPerHour / (r.HardwareCostPerHour + r.EnergyCostPerHour) : 0;
        var operating = r.EnergyCostPerHour.UsdPerHour * (1 + servingShare) * hoursPerYear;
        var capex = price.Usd * next.Devices;
        var saving = current.CostPerYear.Usd - operating;
        return report with
        {
            CapitalExpenseUsd = capex,
            PurchasedOperatingCostPerYearUsd = operating,
            PaybackYears = saving > 0 ? capex / saving : null,
        };
    }

    private RoutingReport Routing(ServingScenario scenario, FleetCost current, HybridRoutingOption routing)
    {
        var device = Estimator.Estimate(routing.Device, new Workload { Batch = 1, InputTokens = scenario.InputTokens, OutputTokens = scenario.OutputTokens });
        var power = routing.DevicePower ?? device.AveragePowerPerDevice;
        var energy = power is { } p ? p * device.RequestLatency * routing.Device.Devices : (Energy?)null;
        var deviceCost = energy is { } en ? en * routing.DeviceElectricityPrice : (Money?)null;
        var onDevice = scenario.RequestsPerDay * routing.OnDeviceShare;
        var cloud = Fleet(scenario.Deployment, scenario.Batch, scenario.PricePerDeviceHour, scenario, scenario.RequestsPerDay - onDevice);
        var blended = cloud.CostPerDay + ((deviceCost ?? Money.Zero) * onDevice);
        return new RoutingReport
        {
            OnDeviceShare = routing.OnDeviceShare,
            DeviceRequestLatency = device.RequestLatency,
            DeviceEnergyPerQuery = energy,
            DeviceCostPerQuery = deviceCost,
            CloudFleet = cloud,
            BlendedCostPerDay = blended,
            SavingsPerDay = current.CostPerDay - blended,
            BlendedQuality = routing.DeviceQuality is double qd && routing.CloudQuality is double qc
                ? (routing.OnDeviceShare * qd) + ((1 - routing.OnDeviceShare) * qc)
                : null,
        };
    }

    private static ApiComparison Api(ServingScenario scenario, FleetCost fleet, ApiPricing api)
    {
        var cached = api.CostPerMillionCachedInputTokens ?? api.CostPerMillionInputTokens;
        var inputTokens = (double)scenario.InputTokens;
        var perRequest = Money.FromUsd(((inputTokens * (1 - scenario.CachedInputFraction) * api.CostPerMillionInputTokens.Usd)
            + (inputTokens * scenario.CachedInputFraction * cached.Usd)
            + (scenario.OutputTokens * api.CostPerMillionOutputTokens.Usd)) / 1e6);
        var deploymentDay = fleet.Report.TotalCostPerHour.UsdPerHour * 24;
        var marginal = deploymentDay / (fleet.CapacityRequestsPerSecond * SecondsPerDay * scenario.TargetUtilization);
        double? breakEven = perRequest.Usd > marginal ? deploymentDay / perRequest.Usd : null;
        return new ApiComparison
        {
            Api = api,
            ApiCostPerRequest = perRequest,
            ApiCostPerDay = perRequest * scenario.RequestsPerDay,
            SelfHostedCostPerDay = fleet.CostPerDay,
            BreakEvenRequestsPerDay = breakEven,
            BreakEvenOutputTokensPerDay = breakEven * scenario.OutputTokens,
        };
    }
}
