using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving;
using TokenCost.Speculative;
using TokenCost.Sweeps;

namespace TokenCost.Tests.Hostile;

/// <summary>Every public knob rejects NaN, infinity, negative and meaningless zero values with a typed exception naming it.</summary>
public class ParameterHostileTests
{
    private static readonly double[] NotFinite = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    private static void Rejects(Action act, string parameter) =>
        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be(parameter);

    [Fact]
    public void EfficiencyProfile_RejectsBadFractionsAndFactors()
    {
        var p = new EfficiencyProfile();
        foreach (var bad in NotFinite.Append(0).Append(-0.1).Append(1.5))
        {
            Rejects(() => _ = p with { BandwidthEfficiency = bad }, nameof(EfficiencyProfile.BandwidthEfficiency));
            Rejects(() => _ = p with { ComputeEfficiency = bad }, nameof(EfficiencyProfile.ComputeEfficiency));
            Rejects(() => _ = p with { AttentionEfficiency = bad }, nameof(EfficiencyProfile.AttentionEfficiency));
            Rejects(() => _ = p with { InterconnectEfficiency = bad }, nameof(EfficiencyProfile.InterconnectEfficiency));
            Rejects(() => _ = p with { KvCacheMemoryFraction = bad }, nameof(EfficiencyProfile.KvCacheMemoryFraction));
        }

        foreach (var bad in NotFinite.Append(0).Append(-1))
        {
            Rejects(() => _ = p with { WeightFormatEfficiency = new Dictionary<string, double> { ["int4"] = bad } }, nameof(EfficiencyProfile.WeightFormatEfficiency));
            Rejects(() => _ = new ServingProfiles { HardwareBandwidthFactors = new Dictionary<string, double> { ["h100"] = bad } }, nameof(ServingProfiles.HardwareBandwidthFactors));
        }

        Rejects(() => _ = p with { MaxBatch = 0 }, nameof(EfficiencyProfile.MaxBatch));
        Rejects(() => _ = p with { WeightFormatEfficiency = null! }, nameof(EfficiencyProfile.WeightFormatEfficiency));
    }

    [Fact]
    public void PowerModel_RejectsBadFractions()
    {
        foreach (var bad in NotFinite.Append(-0.5))
        {
            Rejects(() => _ = new PowerModel { IdleFraction = bad }, nameof(PowerModel.IdleFraction));
            Rejects(() => _ = new PowerModel { MemoryFraction = bad }, nameof(PowerModel.MemoryFraction));
            Rejects(() => _ = new PowerModel { ComputeFraction = bad }, nameof(PowerModel.ComputeFraction));
        }

        Rejects(() => new PowerModel().Estimate(Power.FromWatts(700), double.NaN, 0.5), "bandwidthUtilization");
    }

    [Fact]
    public void DataCenterDefaults_RejectsBadValues()
    {
        var dc = new DataCenterDefaults();
        foreach (var bad in NotFinite.Append(0.5).Append(-1))
        {
            Rejects(() => _ = dc with { PowerUsageEffectiveness = bad }, nameof(DataCenterDefaults.PowerUsageEffectiveness));
            Rejects(() => _ = dc with { ServerPowerOverhead = bad }, nameof(DataCenterDefaults.ServerPowerOverhead));
        }

        foreach (var bad in NotFinite.Append(-1))
        {
            Rejects(() => _ = dc with { DepreciationYears = bad }, nameof(DataCenterDefaults.DepreciationYears));
            Rejects(() => _ = dc with { EmbodiedKgCo2ePerDevice = bad }, nameof(DataCenterDefaults.EmbodiedKgCo2ePerDevice));
            Rejects(() => _ = dc with { ServingOverheadFraction = bad }, nameof(DataCenterDefaults.ServingOverheadFraction));
        }

        Rejects(() => _ = dc with { DepreciationYears = 0 }, nameof(DataCenterDefaults.DepreciationYears));
    }

    [Fact]
    public void Workload_RejectsZeroBatchAndNegativeTokens()
    {
        Rejects(() => _ = new Workload { Batch = 0 }, nameof(Workload.Batch));
        Rejects(() => _ = new Workload { Batch = -4 }, nameof(Workload.Batch));
        Rejects(() => _ = new Workload { InputTokens = -1 }, nameof(Workload.InputTokens));
        Rejects(() => _ = new Workload { OutputTokens = int.MinValue }, nameof(Workload.OutputTokens));
    }

    [Fact]
    public void DeploymentConfiguration_RejectsBadLayouts()
    {
        var c = DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", "nvidia_h100_sxm");
        Rejects(() => _ = c with { Devices = 0 }, nameof(DeploymentConfiguration.Devices));
        Rejects(() => _ = c with { TensorParallel = -2 }, nameof(DeploymentConfiguration.TensorParallel));
        Rejects(() => _ = c with { PipelineParallel = 0 }, nameof(DeploymentConfiguration.PipelineParallel));
        Rejects(() => (c with { Devices = 3, TensorParallel = 2 }).Validate(), nameof(DeploymentConfiguration.Devices));
        Rejects(() => (c with { PipelineParallel = 1000, Devices = 1000 }).Validate(), nameof(DeploymentConfiguration.PipelineParallel));
        Rejects(() => (c with { Activations = Catalog.Default.GetFormat("int4") }).Validate(), nameof(DeploymentConfiguration.Activations));
        Rejects(() => DeploymentConfiguration.Create(Catalog.Default, "nope", "nvidia_h100_sxm"), "id");
        Rejects(() => DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", "nvidia_h100_sxm", devices: 0), "Devices");
    }

    [Fact]
    public void Estimator_RejectsBadStepArguments()
    {
        var estimator = TestPricing.Default.Estimator;
        var c = DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", "nvidia_h100_sxm");
        Rejects(() => estimator.Forward(c, 0, 1, 0), "batch");
        Rejects(() => estimator.Forward(c, 1, 0, 0), "newTokens");
        Rejects(() => estimator.Forward(c, 1, 1, double.NaN), "priorContext");
        Rejects(() => estimator.Forward(c, 1, 1, double.PositiveInfinity), "priorContext");
        Rejects(() => estimator.Forward(c, 1, 1, -1), "priorContext");
        Rejects(() => estimator.PlanMemory(c, 0, 1), "contextTokens");
        Rejects(() => estimator.PlanMemory(c, 1, -1), "batch");
    }

    [Fact]
    public void CostComponents_RejectBadValues()
    {
        foreach (var bad in NotFinite.Append(0).Append(-1))
        {
            Rejects(() => _ = new AmortizedHardwareCost { Utilization = bad }, nameof(AmortizedHardwareCost.Utilization));
            Rejects(() => _ = new AmortizedHardwareCost { DepreciationYears = bad }, nameof(AmortizedHardwareCost.DepreciationYears));
            Rejects(() => _ = new AmortizedHardwareCost { ServerCostMultiplier = bad }, nameof(AmortizedHardwareCost.ServerCostMultiplier));
        }

        foreach (var bad in NotFinite.Append(-1))
        {
            Rejects(() => _ = new AmortizedHardwareCost { AnnualCostOfCapital = bad }, nameof(AmortizedHardwareCost.AnnualCostOfCapital));
            Rejects(() => _ = new ServingOverheadCost { Fraction = bad }, nameof(ServingOverheadCost.Fraction));
        }

        Rejects(() => _ = new AmortizedHardwareCost { Utilization = 1.01 }, nameof(AmortizedHardwareCost.Utilization));
        Rejects(() => _ = new PerDeviceCost(" ", CostCategory.Serving, HourlyRate.Zero), "name");
        Rejects(() => CostModel.Create(), "components");
        Rejects(() => HourlyRate.FromUsdPerHour(-2.5), "usdPerHour");
    }

    [Fact]
    public void NoCatalogPrice_IsATypedErrorNamingTheFix()
    {
        var hw = Catalog.Default.Hardware.First(h => h.CloudPricePerDeviceHour is null && h.PeakCompute.Count > 0);
        var estimate = TestPricing.Default.Estimator.Estimate(DeploymentConfiguration.Create(Catalog.Default, "llama-3.2-1b", hw.Id), new Workload());
        var act = () => TestPricing.Default.Calculator.Calculate(estimate);
        act.Should().Throw<ArgumentException>().WithMessage("*--price-per-hour*");
    }

    [Fact]
    public void SweepTypes_RejectBadValues()
    {
        Rejects(() => _ = new ParallelLayout(0, 1), "devices");
        Rejects(() => _ = new ParallelLayout(2, -1), "tensorParallel");
        Rejects(() => _ = new SequenceLengths(-1, 5), "inputTokens");
        Rejects(() => _ = new SequenceLengths(int.MaxValue, 5), "outputTokens");
        Rejects(() => _ = new SweepOptions { MaxDegreeOfParallelism = 0 }, nameof(SweepOptions.MaxDegreeOfParallelism));
        Rejects(() => _ = new SweepOptions { Limit = -1 }, nameof(SweepOptions.Limit));
        Rejects(() => _ = new SweepOptions { ChunkSize = 0 }, nameof(SweepOptions.ChunkSize));
    }

    [Fact]
    public void SpeculativeDecoding_RejectsBadInputsWithTypedErrors()
    {
        Rejects(() => SpeculativeDecoding.ExpectedTokensPerStep(double.NaN, 4), "acceptanceRate");
        Rejects(() => SpeculativeDecoding.ExpectedTokensPerStep(1.5, 4), "acceptanceRate");
        Rejects(() => SpeculativeDecoding.ExpectedTokensPerStep(0.5, 0), "draftTokens");
        var c = DeploymentConfiguration.Create(Catalog.Default, "llama-3.1-8b", "nvidia_h100_sxm");
        var estimator = TestPricing.Default.Estimator;

        // The context is checked by the step estimate, whose message names its own parameter (priorContext).
        FluentActions.Invoking(() => SpeculativeDecoding.Estimate(TestPricing.Default, c, c, 0.7, 4, 1, double.NaN)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => SpeculativeDecoding.Estimate(TestPricing.Default, c, c, 0.7, 4, 0, 100)).Should().Throw<ArgumentException>();
        Rejects(() => SpeculativeDecoding.Optimize(TestPricing.Default, c, c, 0.7, 1, 100, 0), "maxDraftTokens");
    }

    [Fact]
    public void NumericFormat_RejectsZeroGroupSize()
    {
        Rejects(() => Catalog.Default.GetFormat("int4").WithGroupSize(0), "groupSize");
    }
}
