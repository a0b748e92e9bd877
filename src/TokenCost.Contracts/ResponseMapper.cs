using System.Globalization;
using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Economics.Frontier;
using TokenCost.Hardware;
using TokenCost.Serving.Load;

namespace TokenCost.Contracts;

/// <summary>Builds the contracts from the core library's results: the one mapping that the CLI's <c>--format json</c> and the service's answers share.</summary>
public static class ResponseMapper
{
    /// <summary>
    /// Maps a priced estimate and its loaded operating point (<c>tokencost estimate</c>, <c>POST /v1/estimate</c>). Under a continuous load the
    /// hourly cost, its breakdown, power and energy are <paramref name="loaded"/>'s, which count every device of the deployment (both pools of a
    /// disaggregated one, whose <paramref name="report"/> prices the decode pool alone).
    /// </summary>
    /// <param name="report">The priced static estimate (memory plan, power and cost breakdown; under a continuous load, priced at the loaded power; for a disaggregated deployment, its decode pool's).</param>
    /// <param name="loaded">The priced loaded operating point (under the static load, the static estimate itself).</param>
    /// <returns>The response.</returns>
    public static EstimateResponse ToResponse(TokenCostReport report, LoadedCostReport loaded)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(loaded);
        var e = report.Estimate;
        var c = e.Configuration;
        var l = loaded.Estimate;
        var continuous = l.Load.Kind != LoadKind.Static;
        var devices = l.Devices;
        var sustained = continuous ? l.OutputTokensPerSecondPerDevice * devices : e.SustainedOutputTokensPerSecond.TokensPerSecond;
        return new EstimateResponse
        {
            Model = c.Model.Id,
            Hardware = c.Hardware.Id,
            Devices = devices,
            TensorParallel = c.TensorParallel,
            PipelineParallel = c.PipelineParallel,
            Layout = l.LayoutNotation,
            Weights = c.Weights.Id,
            ExpertWeights = c.EffectiveExpertWeights.Id,
            Activations = c.Activations.Id,
            KvCache = c.KvCache.Id,
            Stack = c.Stack.Id,
            Batch = l.RunningSequences,
            InputTokens = e.Workload.InputTokens,
            OutputTokens = e.Workload.OutputTokens,
            CostPerMillionInputTokensUsd = continuous ? loaded.CostPerMillionInputTokens.Usd : report.CostPerMillionInputTokens.Usd,
            CostPerMillionOutputTokensUsd = continuous ? loaded.CostPerMillionOutputTokens.Usd : report.CostPerMillionOutputTokens.Usd,
            CostPerMillionTotalTokensUsd = loaded.CostPerMillionTotalTokens.Usd,
            TotalUsdPerHour = (continuous ? loaded.TotalCostPerHour : report.TotalCostPerHour).UsdPerHour,
            Breakdown = new CostBreakdownResponse
            {
                HardwareUsdPerHour = (continuous ? loaded.HardwareCostPerHour : report.HardwareCostPerHour).UsdPerHour,
                EnergyUsdPerHour = (continuous ? loaded.EnergyCostPerHour : report.EnergyCostPerHour).UsdPerHour,
                ServingUsdPerHour = (continuous ? loaded.ServingCostPerHour : report.ServingCostPerHour).UsdPerHour,
                Components = (continuous ? loaded.Components : report.Components).Select(part => new ComponentCostResponse
                {
                    Name = part.Name,
                    Category = part.Category.ToString().ToLowerInvariant(),
                    UsdPerHour = part.CostPerHour.UsdPerHour,
                    CostPerMillionInputTokensUsd = part.CostPerMillionInputTokens.Usd,
                    CostPerMillionOutputTokensUsd = part.CostPerMillionOutputTokens.Usd,
                }).ToArray(),
            },
            DecodeTokensPerSecond = e.DecodeTokensPerSecond.TokensPerSecond,
            DecodeTokensPerSecondPerDevice = e.DecodeTokensPerSecond.TokensPerSecond / devices,
            SustainedOutputTokensPerSecond = sustained,
            SustainedOutputTokensPerSecondPerDevice = sustained / devices,
            OutputTokensPerSecondPerUser = continuous ? l.OutputTokensPerSecondPerUser : e.OutputTokensPerSecondPerUser.TokensPerSecond,
            TotalTokensPerSecondPerDevice = l.TotalTokensPerSecondPerDevice,
            TimeToFirstTokenMs = continuous ? l.MeanTimeToFirstToken.Milliseconds : e.TimeToFirstToken.Milliseconds,
            TimePerOutputTokenMs = continuous ? l.MeanTimePerOutputToken.Milliseconds : e.TimePerOutputToken.Milliseconds,
            RequestLatencyMs = continuous ? l.MeanRequestLatency.Milliseconds : e.RequestLatency.Milliseconds,
            Load = new LoadResponse
            {
                Kind = l.Load.Kind.ToString().ToLowerInvariant(),
                Concurrency = l.Load.Concurrency,
                RequestsPerSecond = ContractJson.Finite(l.Load.RequestsPerSecond),
                RunningSequencesPerReplica = l.RunningSequences,
                MaxRunningSequencesPerReplica = l.MaxRunningSequences,
                KvCacheLimited = l.KvCacheLimited,
                Saturated = l.Saturated,
                PrefillIterationFraction = l.PrefillIterationFraction,
                IterationMs = l.IterationTime.Milliseconds,
            },
            Disaggregated = l.Disaggregated is { } pools ? new DisaggregatedResponse
            {
                PrefillWorkers = pools.Prefill.Replicas,
                PrefillDevices = pools.Prefill.Devices,
                PrefillLayout = pools.Prefill.LayoutNotation,
                DecodeWorkers = pools.Decode.Replicas,
                DecodeDevices = pools.Decode.Devices,
                DecodeLayout = pools.Decode.LayoutNotation,
                PrefillPoolUtilization = l.PrefillPoolUtilization,
                KvTransferMs = l.KvTransferTime.Milliseconds,
                PrefillPoolUsdPerHour = (loaded.PrefillPoolCostPerHour ?? throw new ArgumentException("a disaggregated estimate is priced per pool.", nameof(loaded))).UsdPerHour,
                DecodePoolUsdPerHour = (loaded.DecodePoolCostPerHour ?? throw new ArgumentException("a disaggregated estimate is priced per pool.", nameof(loaded))).UsdPerHour,
            } : null,
            WeightReadFloorMs = (e.Decode.WeightBytesPerDevice / c.Hardware.MemoryBandwidth).Milliseconds,
            Bound = e.Bound.ToString().ToLowerInvariant(),
            Fits = e.Memory.Fits,
            MaxBatch = e.Memory.MaxBatch,
            Memory = new MemoryResponse
            {
                CapacityGb = e.Memory.Capacity.Gigabytes,
                WeightsPerDeviceGb = e.Memory.WeightsPerDevice.Gigabytes,
                ReserveGb = e.Memory.Reserve.Gigabytes,
                KvCacheBudgetGb = e.Memory.KvCacheBudget.Gigabytes,
                KvCachePerSequenceGb = e.Memory.KvCachePerSequence.Gigabytes,
                UsedGb = e.Memory.Used.Gigabytes,
            },
            EnergyPerOutputTokenJ = ContractJson.Finite((continuous ? loaded.AcceleratorEnergyPerOutputToken : e.EnergyPerOutputToken)?.Joules),
            AveragePowerPerDeviceW = ContractJson.Finite(e.AveragePowerPerDevice?.Watts),
            FacilityPowerW = (continuous ? loaded.FacilityPower : report.FacilityPower).Watts,
            GramsCo2ePerMillionOutputTokens = ContractJson.Finite(continuous ? loaded.GramsCo2ePerMillionOutputTokens : report.GramsCo2ePerMillionOutputTokens),
            Warnings = (continuous ? l.Warnings : e.Warnings).ToArray(),
        };
    }

    /// <summary>Maps a point of a static-batch sweep (<c>tokencost frontier</c>, <c>optimize</c>).</summary>
    /// <param name="p">The point.</param>
    /// <returns>The response.</returns>
    public static FrontierPointResponse ToResponse(FrontierPoint p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var c = p.Configuration;
        return new FrontierPointResponse
        {
            Hardware = c.Hardware.Id,
            Devices = c.Devices,
            TensorParallel = c.TensorParallel,
            PipelineParallel = c.PipelineParallel,
            Weights = c.Weights.Id,
            Activations = c.Activations.Id,
            KvCache = c.KvCache.Id,
            Batch = p.Batch,
            TimePerOutputTokenMs = p.TimePerOutputToken.Milliseconds,
            TimeToFirstTokenMs = p.TimeToFirstToken.Milliseconds,
            CostPerMillionOutputTokensUsd = p.CostPerMillionOutputTokens.Usd,
            CostPerMillionInputTokensUsd = p.Report.CostPerMillionInputTokens.Usd,
            DecodeTokensPerSecond = p.DecodeTokensPerSecond.TokensPerSecond,
            DecodeTokensPerSecondPerDevice = p.DecodeTokensPerSecondPerDevice.TokensPerSecond,
            OutputTokensPerSecondPerUser = p.OutputTokensPerSecondPerUser.TokensPerSecond,
            TotalUsdPerHour = p.Report.TotalCostPerHour.UsdPerHour,
            Fits = p.Fits,
        };
    }

    /// <summary>Lists the hardware (<c>tokencost platforms</c>, <c>GET /v1/hardware</c>).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The entries.</returns>
    public static IReadOnlyList<HardwareEntry> Hardware(Catalog catalog) => catalog.Hardware.Select(h => new HardwareEntry
    {
        Id = h.Id,
        Name = h.Name,
        Vendor = h.Vendor,
        Year = h.Year,
        MemoryType = h.MemoryType,
        MemoryGb = h.ListedMemoryGigabytes,
        BandwidthTbps = h.MemoryBandwidth.TerabytesPerSecond,
        Fp32Tflops = h.PeakFor(ComputePrecision.Fp32)?.TeraflopsPerSecond,
        Tf32Tflops = h.PeakFor(ComputePrecision.Tf32)?.TeraflopsPerSecond,
        Bf16Tflops = h.PeakFor(ComputePrecision.Bf16)?.TeraflopsPerSecond,
        Fp8Tflops = h.PeakFor(ComputePrecision.Fp8)?.TeraflopsPerSecond,
        Int8Tflops = h.PeakFor(ComputePrecision.Int8)?.TeraflopsPerSecond,
        Fp4Tflops = h.PeakFor(ComputePrecision.Fp4)?.TeraflopsPerSecond,
        Int4Tflops = h.PeakFor(ComputePrecision.Int4)?.TeraflopsPerSecond,
        TdpW = h.ThermalDesignPower?.Watts,
        InterconnectGbps = h.InterconnectBandwidth?.GigabytesPerSecond,
        PurchaseUsd = h.PurchasePrice?.Usd,
        CloudUsdPerHour = h.CloudPricePerDeviceHour?.UsdPerHour,
        PriceDate = h.PriceDate,
        PriceTiers = h.PriceTiers.Select(ToResponse).ToArray(),
        Estimate = h.IsEstimate,
        Source = h.Sources,
    }).ToArray();

    /// <summary>Lists the models (<c>tokencost models</c>, <c>GET /v1/models</c>).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The entries.</returns>
    public static IReadOnlyList<ModelEntry> Models(Catalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Models.Select(m => ToResponse(m)).ToArray();
    }

    /// <summary>Maps one model architecture (an entry of <c>tokencost models</c>, or <c>models --from-config</c> printed alone).</summary>
    /// <param name="m">The architecture.</param>
    /// <param name="alone">Whether the entry is printed alone (it then carries <c>contractVersion</c>).</param>
    /// <returns>The entry.</returns>
    public static ModelEntry ToResponse(Models.ModelArchitecture m, bool alone = false)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new ModelEntry
        {
            ContractVersion = alone ? Contracts.ContractVersion.Current : null,
            Id = m.Id,
            Name = m.Name,
            ParamsB = m.ListedParametersBillions,
            TotalParametersBillions = m.TotalParameters / 1e9,
            ActiveParametersBillions = m.ActiveParametersPerToken / 1e9,
            ActiveParametersWithoutEmbeddingBillions = (m.ActiveParametersPerToken - m.EmbeddingParameters) / 1e9,
            ActiveParamsB = ContractJson.Finite(m.ListedActiveParametersBillions),
            Layers = m.Layers,
            Hidden = m.HiddenSize,
            Heads = m.AttentionHeads,
            KvHeads = m.KeyValueHeads,
            HeadDim = m.HeadDimension,
            Attention = m.Attention.ToString().ToLowerInvariant(),
            Ffn = m.FeedForward.ToString().ToLowerInvariant(),
            KvLoraRank = m.KvLowRank,
            QLoraRank = m.QueryLowRank,
            QkRopeHeadDim = m.RopeHeadDimension,
            VHeadDim = m.ValueHeadDimension,
            Intermediate = m.IntermediateSize,
            Experts = m.Experts,
            ExpertsPerToken = m.ExpertsPerToken,
            SharedExperts = m.SharedExperts,
            MoeIntermediate = m.ExpertIntermediateSize,
            DenseLayers = m.DenseFeedForwardLayers,
            MoeLayers = m.MoeLayers,
            SlidingWindow = m.SlidingWindow,
            SlidingWindowLayers = m.SlidingWindowLayers,
            MtpLayers = m.MultiTokenPredictionLayers,
            Vocab = m.VocabularySize,
            TiedEmbeddings = m.TiedEmbeddings,
            MaxContext = m.MaxContext,
            KvCacheValuesPerTokenPerLayer = m.KvElementsPerTokenPerLayer,
            KvCacheValuesPerToken = m.KvElementsPerToken,
            KvCacheValuesPerTokenAtMaxContext = m.MaxContext > 0 ? m.KvElementsPerTokenPerLayer * m.CachedTokenLayers(m.MaxContext) / m.MaxContext : m.KvElementsPerToken,
            Source = m.Source,
        };
    }

    /// <summary>Lists the numeric formats (the fields of <c>tokencost formats --json</c>).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The entries.</returns>
    public static IReadOnlyList<FormatEntry> Formats(Catalog catalog) => catalog.Formats.Select(f => new FormatEntry
    {
        Id = f.Id,
        Description = f.Description,
        BytesPerElement = f.BytesPerElement,
        GroupSize = f.GroupSize,
        ComputePrecision = f.ComputePrecision.ToString().ToLowerInvariant(),
        WeightOnly = f.WeightOnly,
        EmbeddingBytesPerElement = f.EmbeddingBytesPerElement,
        Source = f.Source,
    }).ToArray();

    /// <summary>Lists the serving stacks with their profiles (the fields of <c>tokencost stacks --json</c>).</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The entries.</returns>
    public static IReadOnlyList<StackEntry> Stacks(Catalog catalog) => catalog.Stacks.Select(s =>
    {
        var own = catalog.Profiles.Stacks.TryGetValue(s.Id, out var profile);
        var p = own ? profile! : catalog.Profiles.Defaults;
        return new StackEntry
        {
            Id = s.Id,
            Description = s.Description,
            OwnProfile = own,
            BandwidthEfficiency = p.BandwidthEfficiency,
            ComputeEfficiency = p.ComputeEfficiency,
            AttentionEfficiency = p.AttentionEfficiency,
            LayerOverheadMicroseconds = p.LayerOverhead.Microseconds,
            StepOverheadMilliseconds = p.StepOverhead.Milliseconds,
            MaxBatch = p.MaxBatch,
            Source = s.Source,
            ProfileSource = catalog.Profiles.Provenance,
        };
    }).ToArray();

    /// <summary>Lists every platform's price tiers.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <returns>The entries.</returns>
    public static IReadOnlyList<PriceTierEntry> PriceTiers(Catalog catalog) => catalog.PriceTiers.Select(ToResponse).ToArray();

    /// <summary>Maps a price tier (the fields of <c>tokencost platforms --json</c>'s priceTiers, plus the hardware id).</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>The entry.</returns>
    public static PriceTierEntry ToResponse(PriceTier tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return new PriceTierEntry
        {
            Hardware = tier.HardwareId,
            Id = tier.Id,
            Tier = tier.Name,
            AsOf = tier.AsOf.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            UsdPerDeviceHour = tier.PricePerDeviceHour.UsdPerHour,
            AllInKwPerDevice = tier.AllInPowerPerDevice.Kilowatts,
            PowerBasis = tier.PowerBasis == AllInPowerBasis.ProvisionedUtility ? "provisioned_utility" : "it_all_in",
            Estimate = tier.IsEstimate,
            Source = tier.Source,
        };
    }

    /// <summary>Maps a curve point (<c>tokencost curve</c>, <c>POST /v1/curve</c>, and the points under load of <c>frontier</c> and <c>optimize</c>).</summary>
    /// <param name="p">The point.</param>
    /// <returns>The response.</returns>
    public static CurvePointResponse ToResponse(CurvePoint p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var c = p.Configuration;
        return new CurvePointResponse
        {
            Hardware = c.Hardware.Id,
            Devices = p.Devices,
            TensorParallel = c.TensorParallel,
            PipelineParallel = c.PipelineParallel,
            Weights = c.Weights.Id,
            Activations = c.Activations.Id,
            KvCache = c.KvCache.Id,
            Stack = c.Stack.Id,
            Layout = p.Layout,
            Concurrency = p.Concurrency,
            OutputTokensPerSecondPerUser = p.OutputTokensPerSecondPerUser,
            MeanTimeToFirstTokenMs = p.TimeToFirstToken.Milliseconds,
            MedianTimePerOutputTokenMs = p.TimePerOutputToken.Milliseconds,
            OutputTokensPerSecondPerDevice = p.OutputTokensPerSecondPerDevice,
            InputTokensPerSecondPerDevice = p.Estimate.InputTokensPerSecondPerDevice,
            TotalTokensPerSecondPerDevice = p.TotalTokensPerSecondPerDevice,
            CostPerMillionInputTokensUsd = p.CostPerMillionInputTokens.Usd,
            CostPerMillionOutputTokensUsd = p.CostPerMillionOutputTokens.Usd,
            CostPerMillionTotalTokensUsd = p.CostPerMillionTotalTokens.Usd,
            TotalUsdPerHour = p.Report.TotalCostPerHour.UsdPerHour,
            FacilityPowerPerDeviceKw = ContractJson.Finite(p.FacilityPowerPerDevice?.Kilowatts),
            OutputTokensPerSecondPerMegawatt = ContractJson.Finite(p.OutputTokensPerSecondPerMegawatt),
            TotalTokensPerSecondPerMegawatt = ContractJson.Finite(p.TotalTokensPerSecondPerMegawatt),
            RunningSequencesPerReplica = p.Estimate.RunningSequences,
            KvCacheLimited = p.Estimate.KvCacheLimited,
            OnParetoFront = p.OnParetoFront,
            OnCostParetoFront = p.OnCostParetoFront,
        };
    }

    /// <summary>Maps one estimate of a sweep (<c>tokencost sweep</c>).</summary>
    /// <param name="r">The result.</param>
    /// <returns>The row.</returns>
    public static SweepRow ToResponse(Sweeps.SweepResult r)
    {
        var c = r.Configuration;
        var e = r.Estimate;
        return new SweepRow
        {
            Model = c.Model.Id,
            Hardware = c.Hardware.Id,
            Devices = c.Devices,
            TensorParallel = c.TensorParallel,
            PipelineParallel = c.PipelineParallel,
            Weights = c.Weights.Id,
            ExpertWeights = c.EffectiveExpertWeights.Id,
            Activations = c.Activations.Id,
            KvCache = c.KvCache.Id,
            Stack = c.Stack.Id,
            Batch = r.Batch,
            InputTokens = r.InputTokens,
            OutputTokens = r.OutputTokens,
            Fits = e.Fits,
            MaxBatch = e.MaxBatch,
            TimeToFirstTokenMs = e.TimeToFirstToken.Milliseconds,
            TimePerOutputTokenMs = e.TimePerOutputToken.Milliseconds,
            SustainedOutputTokensPerSecond = e.SustainedOutputTokensPerSecond.TokensPerSecond,
            DecodeTokensPerSecond = e.DecodeTokensPerSecond.TokensPerSecond,
            Bound = e.Bound.ToString().ToLowerInvariant(),
            CostPerMillionOutputTokensUsd = ContractJson.Finite(e.CostPerMillionOutputTokens?.Usd),
        };
    }
}
