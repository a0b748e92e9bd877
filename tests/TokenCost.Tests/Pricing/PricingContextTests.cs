using TokenCost.Audit;
using TokenCost.Catalogs;
using TokenCost.Comparisons;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Economics.Frontier;
using TokenCost.Economics.Optimization;
using TokenCost.Economics.Scenarios;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quality;
using TokenCost.Quantities;
using TokenCost.Serving.Load;

namespace TokenCost.Tests.Pricing;

public class PricingContextTests
{
    private static readonly Workload Chat = new() { Batch = 8, InputTokens = 1000, OutputTokens = 300 };

    /// <summary>The embedded context with free electricity, and the same with electricity at 0.50 $/kWh.</summary>
    private static readonly PricingContext Free = WithElectricity(TestPricing.Default, 0);
    private static readonly PricingContext Dear = WithElectricity(TestPricing.Default, 0.5);

    private static PricingContext WithElectricity(PricingContext context, double usdPerKilowattHour) =>
        context.WithDataCenter(context.DataCenter with { ElectricityPrice = EnergyPrice.FromUsdPerKilowattHour(usdPerKilowattHour) });

    private static DeploymentConfiguration Config(PricingContext context) => context.Deployment("llama-3.1-8b", "nvidia_h100_sxm", "fp8", stackId: "vllm");

    [Fact]
    public void Price_IsTheEstimatePricedByTheContextsCalculator()
    {
        var context = TestPricing.Default;
        var config = Config(context);

        var report = context.Price(config, Chat);

        report.Estimate.Should().BeEquivalentTo(context.Estimator.Estimate(config, Chat));
        report.CostPerMillionOutputTokens.Should().Be(new TokenCostCalculator(CostModel.Default, Catalog.Default.DataCenter).Calculate(report.Estimate).CostPerMillionOutputTokens);
        context.Estimator.Profiles.Should().BeSameAs(context.Profiles);
        context.Calculator.DataCenter.Should().BeSameAs(context.DataCenter);
        context.LoadEstimator.Estimator.Should().BeSameAs(context.Estimator);
    }

    [Fact]
    public void PriceUnderLoad_IsTheLoadedEstimatePricedByTheContext()
    {
        var context = TestPricing.Default;
        var config = Config(context);
        var load = ServingLoad.Closed(16);

        var report = context.Price(config, Chat, load);

        report.CostPerMillionTotalTokens.Should().Be(context.Calculator.Calculate(context.LoadEstimator.Estimate(config, Chat, load)).CostPerMillionTotalTokens);
    }

    [Fact]
    public void With_ReturnsANewContext_AndLeavesTheOriginalUnchanged()
    {
        var original = TestPricing.Default;
        var before = original.DataCenter.ElectricityPrice;

        var derived = WithElectricity(original, 0.77);

        derived.Should().NotBeSameAs(original);
        original.DataCenter.ElectricityPrice.Should().Be(before);
        original.Catalog.DataCenter.ElectricityPrice.Should().Be(before);
        derived.DataCenter.ElectricityPrice.UsdPerKilowattHour.Should().Be(0.77);
        derived.Calculator.DataCenter.Should().BeSameAs(derived.DataCenter, "the calculator is rebuilt from the new parameters");
        derived.Catalog.DataCenter.Should().BeSameAs(derived.DataCenter, "the catalog and the context agree");
        derived.Profiles.Should().BeSameAs(original.Profiles);
        original.WithCostModel(CostModel.Create(new RentalHardwareCost())).Calculator.CostModel.Components.Should().ContainSingle();
        original.Calculator.CostModel.Should().BeSameAs(CostModel.Default);
    }

    [Fact]
    public void Create_RejectsANullCatalog() =>
        FluentActions.Invoking(() => PricingContext.Create(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("catalog");

    [Fact]
    public void ElectricityPrice_ChangesTheEstimatesEnergyCostByFacilityPowerTimesThePrice()
    {
        var free = Free.Price(Config(Free), Chat);
        var dear = Dear.Price(Config(Dear), Chat);

        free.EnergyCostPerHour.UsdPerHour.Should().Be(0);
        dear.EnergyCostPerHour.UsdPerHour.Should().BeApproximately(dear.FacilityPower.Kilowatts * 0.5, 1e-12);
        dear.CostPerMillionOutputTokens.Usd.Should().BeGreaterThan(free.CostPerMillionOutputTokens.Usd);
        dear.HardwareCostPerHour.Should().Be(free.HardwareCostPerHour, "only the energy price changed");
    }

    [Fact]
    public void ElectricityPrice_ReachesEveryAnalyser()
    {
        // The same question asked through each analyser with a free and a dear electricity price: every answer must move.
        Comparison(Dear).Should().BeGreaterThan(Comparison(Free), "platform comparison");
        Frontier(Dear).Should().BeGreaterThan(Frontier(Free), "latency-cost frontier");
        Optimizer(Dear).Should().BeGreaterThan(Optimizer(Free), "deployment optimizer");
        OptimizerUnderLoad(Dear).Should().BeGreaterThan(OptimizerUnderLoad(Free), "deployment optimizer under load");
        Curve(Dear).Should().BeGreaterThan(Curve(Free), "interactivity curve");
        Scenario(Dear).Should().BeGreaterThan(Scenario(Free), "scenario");
        Audit(Dear).Should().BeGreaterThan(Audit(Free), "claim audit");
        Quality(Dear).Should().BeGreaterThan(Quality(Free), "quality-adjusted cost");
    }

    [Fact]
    public void FitDeployment_TakesTheFewestDevicesThatHoldTheModel()
    {
        var context = TestPricing.Default;
        var workload = new Workload { Batch = 1, InputTokens = 1000, OutputTokens = 300 };

        var small = context.FitDeployment("llama-3.1-8b", "nvidia_h100_sxm", workload);
        var large = context.FitDeployment("llama-3.1-70b", "nvidia_h100_sxm", workload);
        var single = context.Catalog.Hardware.First(h => h.InterconnectBandwidth is null && h.MemoryCapacity < DataSize.FromGigabytes(200));
        var none = context.FitDeployment("llama-3.1-405b", single.Id, workload);

        small.Devices.Should().Be(1);
        large.Devices.Should().Be(2, "140 GB of bf16 weights need two 80 GB devices");
        context.Estimator.PlanMemory(large, 1300, 1).Fits.Should().BeTrue();
        context.Estimator.PlanMemory(context.Deployment("llama-3.1-70b", "nvidia_h100_sxm"), 1300, 1).Fits.Should().BeFalse();
        large.TensorParallel.Should().Be(2);
        none.Devices.Should().Be(1, "hardware without an interconnect is never split");
        context.Estimator.PlanMemory(none, 1300, 1).Fits.Should().BeFalse("when nothing fits the largest count tried is returned and its estimate says so");
        context.FitDeployment("llama-3.1-405b", "nvidia_h100_sxm", workload, maxDevices: 4).Devices.Should().Be(4, "nothing up to the maximum fits, so the maximum is returned");
    }

    private static double Comparison(PricingContext context) =>
        PlatformComparison.Create(context, "llama-3.1-8b", ["nvidia_h100_sxm"], Chat, "fp8", "vllm").Reports[0].CostPerMillionOutputTokens.Usd;

    private static double Frontier(PricingContext context) =>
        LatencyCostFrontier.Evaluate(context, [Config(context)], Chat, [8]).Single().CostPerMillionOutputTokens.Usd;

    private static double Optimizer(PricingContext context) =>
        DeploymentOptimizer.Optimize(
            context,
            "llama-3.1-8b",
            Chat,
            new ServiceLevelObjective { MaxTimePerOutputToken = TimeInterval.FromSeconds(1) },
            new OptimizerSearchSpace { Hardware = ["nvidia_h100_sxm"], DeviceCounts = [1], WeightFormats = ["fp8"], Batches = [8] }).Best!.CostPerMillionOutputTokens.Usd;

    private static double OptimizerUnderLoad(PricingContext context) =>
        DeploymentOptimizer.OptimizeUnderLoad(
            context,
            "llama-3.1-8b",
            Chat,
            new UserSpeedObjective { MinOutputTokensPerSecondPerUser = 1 },
            new OptimizerSearchSpace { Hardware = ["nvidia_h100_sxm"], DeviceCounts = [1], WeightFormats = ["fp8"], Concurrencies = [8] }).Best!.CostPerMillionOutputTokens.Usd;

    private static double Curve(PricingContext context) =>
        InteractivityCurve.Sweep(context, [Config(context)], Chat, [8]).Points.Single().CostPerMillionOutputTokens.Usd;

    private static double Scenario(PricingContext context)
    {
        var scenario = ScenarioFile.Parse(
            """{"workload":{"requestsPerDay":1000000,"inputTokens":1000,"outputTokens":300},"deployment":{"model":"llama-3.1-8b","hardware":"nvidia_h100_sxm","weights":"fp8","stack":"vllm"}}""",
            context.Catalog,
            "scenario.json");
        return new ScenarioAnalyzer(context).Analyze(scenario).Fleet.CostPerDay.Usd;
    }

    private static double Audit(PricingContext context)
    {
        var claim = new Claim { Id = "c", Kind = ClaimKind.TokenCost, Metric = "usd_per_million_output_tokens", Claimed = 0.45, Model = "llama-3.1-8b", Hardware = "nvidia_h100_sxm", Devices = 1, Weights = "fp8" };
        return new ClaimAuditor(context).Audit(claim).Modeled!.Value;
    }

    private static double Quality(PricingContext context) =>
        new QualityAdjustedCost(context).Cheapest("llama-2-70b", "nvidia_h100_sxm", 5, devices: 2).Options.First(o => o.Fits).CostPerMillionOutputTokens!.Value.Usd;
}
