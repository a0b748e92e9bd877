using System.Globalization;
using TokenCost.Catalogs;
using TokenCost.Hardware;
using TokenCost.Models;
using TokenCost.Quantities;
using TokenCost.Quantization;
using TokenCost.Serving;

namespace TokenCost.Serialization;

/// <summary>Turns validated wire shapes into domain records; every failure names the file, the entry and the key.</summary>
internal static class CatalogMapper
{
    public static HardwarePlatform ToHardware(HardwareDto? d, string file)
    {
        if (d is null)
        {
            throw new CatalogException(file, null, "a hardware entry is null; each entry must be an object");
        }

        var id = Required(d.Id, file, "hardware entry", "id");
        var where = $"hardware '{id}'";
        var peaks = new Dictionary<ComputePrecision, FlopRate>();
        AddPeak(peaks, ComputePrecision.Fp32, d.Fp32Tflops, file, where, "fp32Tflops");
        AddPeak(peaks, ComputePrecision.Tf32, d.Tf32Tflops, file, where, "tf32Tflops");
        AddPeak(peaks, ComputePrecision.Bf16, d.Bf16Tflops, file, where, "bf16Tflops");
        AddPeak(peaks, ComputePrecision.Fp8, d.Fp8Tflops, file, where, "fp8Tflops");
        AddPeak(peaks, ComputePrecision.Int8, d.Int8Tops, file, where, "int8Tops");
        AddPeak(peaks, ComputePrecision.Fp4, d.Fp4Tflops, file, where, "fp4Tflops");
        AddPeak(peaks, ComputePrecision.Int4, d.Int4Tops, file, where, "int4Tops");
        try
        {
            return new HardwarePlatform
            {
                Id = id,
                Name = Required(d.Name, file, where, "name"),
                Vendor = d.Vendor ?? "",
                Year = d.Year,
                MemoryType = d.MemoryType ?? "",
                ListedMemoryGigabytes = Positive(d.MemoryGb, file, where, "memoryGb"),
                MemoryBandwidth = Bandwidth.FromTerabytesPerSecond(Positive(d.BandwidthTbps, file, where, "bandwidthTbps")),
                OnChipSram = Optional(d.SramMb, file, where, "sramMb") is double mb ? DataSize.FromMegabytes(mb) : null,
                PeakCompute = peaks,
                DenseOrSparseNote = d.DenseOrSparseNote ?? "",
                ThermalDesignPower = Optional(d.TdpW, file, where, "tdpW") is double w ? Power.FromWatts(w) : null,
                Interconnect = d.Interconnect ?? "",
                InterconnectBandwidth = Optional(d.InterconnectGbps, file, where, "interconnectGbps") is double g ? Bandwidth.FromGigabytesPerSecond(g) : null,
                ScaleUpDomainDevices = d.ScaleUpDomainDevices is int domain ? (domain >= 1 ? domain : throw new CatalogException(file, null, FormattableString.Invariant($"{where}: scaleUpDomainDevices must be ≥ 1, got {domain}"))) : 1,
                ScaleOutBandwidthPerDevice = Optional(d.ScaleOutGbitsPerDevice, file, where, "scaleOutGbitsPerDevice") is double gbit ? Bandwidth.FromGigabytesPerSecond(gbit / 8) : null,
                NetworkSources = d.NetworkSources ?? "",
                PurchasePrice = Optional(d.PurchaseUsd, file, where, "purchaseUsd") is double usd ? Money.FromUsd(usd) : null,
                CloudPricePerDeviceHour = Optional(d.CloudUsdPerHour, file, where, "cloudUsdPerHour") is double h ? HourlyRate.FromUsdPerHour(h) : null,
                PriceDate = d.PriceDate ?? "",
                Sources = Required(d.Sources, file, where, "sources"),
                Notes = d.Notes ?? "",
                IsEstimate = d.Estimate,
                EstimateNotes = d.EstimateNotes ?? [],
            };
        }
        catch (ArgumentException ex)
        {
            // A value the record refuses that the checks above let through (for example a zero interconnect bandwidth).
            throw Fail(file, where, HardwareKey(ex.ParamName), ex.Message.Split(" (Parameter", 2)[0]);
        }
    }

    /// <summary>The catalog key of a <see cref="HardwarePlatform"/> member, for error messages.</summary>
    private static string HardwareKey(string? member) => member switch
    {
        nameof(HardwarePlatform.MemoryBandwidth) => "bandwidthTbps",
        nameof(HardwarePlatform.ListedMemoryGigabytes) => "memoryGb",
        nameof(HardwarePlatform.ThermalDesignPower) => "tdpW",
        nameof(HardwarePlatform.InterconnectBandwidth) => "interconnectGbps",
        nameof(HardwarePlatform.ScaleOutBandwidthPerDevice) => "scaleOutGbitsPerDevice",
        nameof(HardwarePlatform.ScaleUpDomainDevices) => "scaleUpDomainDevices",
        null => "hardware",
        _ => char.ToLowerInvariant(member[0]) + member[1..],
    };

    public static ModelArchitecture ToModel(ModelDto? d, string file)
    {
        if (d is null)
        {
            throw new CatalogException(file, null, "a model entry is null; each entry must be an object");
        }

        var id = Required(d.Id, file, "model entry", "id");
        var where = $"model '{id}'";
        if (d.Experts > 0 && (d.ExpertsPerToken < 1 || d.ExpertsPerToken > d.Experts))
        {
            throw Fail(file, where, "expertsPerToken", $"must be between 1 and experts ({d.Experts}) for a mixture of experts; got {d.ExpertsPerToken}");
        }

        if (d.Experts > 0 && d.MoeIntermediate < 1)
        {
            throw Fail(file, where, "moeIntermediate", $"must be an integer ≥ 1 for a mixture of experts; got {d.MoeIntermediate}");
        }

        ModelArchitecture model;
        try
        {
            model = new ModelArchitecture
            {
                Id = id,
                Name = Required(d.Name, file, where, "name"),
                ListedParametersBillions = Positive(d.ParamsB, file, where, "paramsB"),
                ListedActiveParametersBillions = Optional(d.ActiveParamsB, file, where, "activeParamsB"),
                Layers = PositiveInt(d.Layers, file, where, "layers"),
                HiddenSize = PositiveInt(d.Hidden, file, where, "hidden"),
                AttentionHeads = Positive(d.Heads, file, where, "heads"),
                KeyValueHeads = Positive(d.KvHeads, file, where, "kvHeads"),
                HeadDimension = PositiveInt(d.HeadDim, file, where, "headDim"),
                IntermediateSize = NonNegative(d.Intermediate, file, where, "intermediate"),
                VocabularySize = PositiveInt(d.Vocab, file, where, "vocab"),
                Experts = NonNegativeInt(d.Experts, file, where, "experts"),
                ExpertsPerToken = NonNegativeInt(d.ExpertsPerToken, file, where, "expertsPerToken"),
                SharedExperts = NonNegativeInt(d.SharedExperts, file, where, "sharedExperts"),
                ExpertIntermediateSize = NonNegativeInt(d.MoeIntermediate, file, where, "moeIntermediate"),
                DenseLayers = NonNegativeInt(d.FirstDenseLayers, file, where, "firstDenseLayers"),
                QueryLowRank = NonNegativeInt(d.QLoraRank, file, where, "qLoraRank"),
                KvLowRank = NonNegativeInt(d.KvLoraRank, file, where, "kvLoraRank"),
                RopeHeadDimension = NonNegativeInt(d.QkRopeHeadDim, file, where, "qkRopeHeadDim"),
                ValueHeadDimension = NonNegativeInt(d.VHeadDim, file, where, "vHeadDim"),
                SlidingWindow = NonNegativeInt(d.SlidingWindow, file, where, "slidingWindow"),
                SlidingWindowLayers = NonNegativeInt(d.SlidingWindowLayers, file, where, "slidingWindowLayers"),
                MultiTokenPredictionLayers = NonNegativeInt(d.MtpLayers, file, where, "mtpLayers"),
                TiedEmbeddings = d.TiedEmbeddings,
                MaxContext = PositiveInt(d.MaxContext, file, where, "maxContext"),
                Attention = d.Attention switch
                {
                    "mha" => AttentionKind.Mha,
                    "gqa" => AttentionKind.Gqa,
                    "mqa" => AttentionKind.Mqa,
                    "mla" => AttentionKind.Mla,
                    _ => throw Fail(file, where, "attention", $"'{d.Attention}' is not one of mha, gqa, mqa, mla"),
                },
                FeedForward = d.Ffn switch
                {
                    "swiglu" => FeedForwardKind.SwiGlu,
                    "gelu" => FeedForwardKind.Gelu,
                    _ => throw Fail(file, where, "ffn", $"'{d.Ffn}' is not one of swiglu, gelu"),
                },
                Source = Required(d.Source, file, where, "source"),
                IsEstimate = d.Estimate,
            };
            model.Validate();
        }
        catch (ArgumentException ex)
        {
            throw Fail(file, where, ModelKey(ex.ParamName), ex.Message.Split(" (Parameter", 2)[0]);
        }

        return model;
    }

    /// <summary>The catalog key of a <see cref="ModelArchitecture"/> member, for error messages.</summary>
    private static string ModelKey(string? member) => member switch
    {
        nameof(ModelArchitecture.ExpertsPerToken) => "expertsPerToken",
        nameof(ModelArchitecture.ExpertIntermediateSize) => "moeIntermediate",
        nameof(ModelArchitecture.DenseLayers) => "firstDenseLayers",
        nameof(ModelArchitecture.IntermediateSize) => "intermediate",
        nameof(ModelArchitecture.SlidingWindowLayers) => "slidingWindowLayers",
        nameof(ModelArchitecture.SlidingWindow) => "slidingWindow",
        nameof(ModelArchitecture.KvLowRank) => "kvLoraRank",
        nameof(ModelArchitecture.ValueHeadDimension) => "vHeadDim",
        nameof(ModelArchitecture.RopeHeadDimension) => "qkRopeHeadDim",
        _ => member ?? "model",
    };

    public static NumericFormat ToFormat(FormatDto? d, string file)
    {
        if (d is null)
        {
            throw new CatalogException(file, null, "a format entry is null; each entry must be an object");
        }

        var id = Required(d.Id, file, "format entry", "id");
        var where = $"format '{id}'";
        return new NumericFormat
        {
            Id = id,
            Description = d.Description ?? "",
            BaseBytesPerElement = Positive(d.BaseBytesPerElement, file, where, "baseBytesPerElement"),
            ScaleBytesPerGroup = NonNegative(d.ScaleBytesPerGroup, file, where, "scaleBytesPerGroup"),
            GroupSize = d.GroupSize is int g ? PositiveInt(g, file, where, "groupSize") : null,
            ComputePrecision = ParsePrecision(d.ComputePrecision, file, where),
            WeightOnly = d.WeightOnly,
            EmbeddingBytesPerElement = Positive(d.EmbeddingBytesPerElement, file, where, "embeddingBytesPerElement"),
            Source = Required(d.Source, file, where, "source"),
        };
    }

    public static ServingStack ToStack(StackDto? d, string file)
    {
        if (d is null)
        {
            throw new CatalogException(file, null, "a stack entry is null; each entry must be an object");
        }

        var id = Required(d.Id, file, "stack entry", "id");
        return new ServingStack { Id = id, Description = d.Description ?? "", Source = Required(d.Source, file, $"stack '{id}'", "source") };
    }

    public static DataCenterDefaults ToDataCenter(DataCenterFileDto d, string file)
    {
        var sources = new Dictionary<string, string>();
        double Value(SourcedValueDto? v, string key, string property)
        {
            if (v is null)
            {
                throw Fail(file, "datacenter", key, "is missing");
            }

            sources[property] = Required(v.Source, file, $"datacenter '{key}'", "source");
            return NonNegative(v.Value, file, "datacenter", key);
        }

        try
        {
            return new DataCenterDefaults
            {
                ElectricityPrice = EnergyPrice.FromUsdPerKilowattHour(Value(d.ElectricityUsdPerKwh, "electricityUsdPerKwh", nameof(DataCenterDefaults.ElectricityPrice))),
                PowerUsageEffectiveness = Value(d.PowerUsageEffectiveness, "powerUsageEffectiveness", nameof(DataCenterDefaults.PowerUsageEffectiveness)),
                ServerPowerOverhead = Value(d.ServerPowerOverhead, "serverPowerOverhead", nameof(DataCenterDefaults.ServerPowerOverhead)),
                DepreciationYears = Value(d.DepreciationYears, "depreciationYears", nameof(DataCenterDefaults.DepreciationYears)),
                GridCarbonIntensity = CarbonIntensity.FromGramsCo2ePerKilowattHour(Value(d.GridCarbonGramsPerKwh, "gridCarbonGramsPerKwh", nameof(DataCenterDefaults.GridCarbonIntensity))),
                EmbodiedKgCo2ePerDevice = Value(d.EmbodiedKgCo2ePerDevice, "embodiedKgCo2ePerDevice", nameof(DataCenterDefaults.EmbodiedKgCo2ePerDevice)),
                ServingOverheadFraction = Value(d.ServingOverheadFraction, "servingOverheadFraction", nameof(DataCenterDefaults.ServingOverheadFraction)),
                ServingFixedCostPerHour = HourlyRate.FromUsdPerHour(Value(d.ServingFixedUsdPerHour, "servingFixedUsdPerHour", nameof(DataCenterDefaults.ServingFixedCostPerHour))),
                Sources = sources,
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new CatalogException(file, null, "datacenter: " + ex.Message, ex);
        }
    }

    public static ServingProfiles ToProfiles(ProfilesFileDto d, string file)
    {
        try
        {
            var defaults = ApplyProfile(new EfficiencyProfile(), d.Defaults);
            var stacks = new Dictionary<string, EfficiencyProfile>(StringComparer.Ordinal);
            foreach (var (id, p) in d.Stacks ?? [])
            {
                stacks[id] = ApplyProfile(defaults, p);
            }

            var factors = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (id, f) in d.HardwareBandwidthFactors ?? [])
            {
                factors[id] = Positive(f, file, $"hardwareBandwidthFactors '{id}'", "value");
            }

            var power = d.Power is null
                ? new PowerModel()
                : new PowerModel { IdleFraction = d.Power.IdleFraction, MemoryFraction = d.Power.MemoryFraction, ComputeFraction = d.Power.ComputeFraction };
            return new ServingProfiles { Defaults = defaults, Stacks = stacks, HardwareBandwidthFactors = factors, Power = power, Provenance = d.Provenance ?? "" };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new CatalogException(file, null, "profiles: " + ex.Message, ex);
        }
    }

    public static ProfilesFileDto FromProfiles(ServingProfiles profiles) => new()
    {
        Provenance = profiles.Provenance,
        Defaults = FromProfile(profiles.Defaults),
        Stacks = profiles.Stacks.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => FromProfile(p.Value)),
        HardwareBandwidthFactors = profiles.HardwareBandwidthFactors.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
        Power = new PowerDto { IdleFraction = profiles.Power.IdleFraction, MemoryFraction = profiles.Power.MemoryFraction, ComputeFraction = profiles.Power.ComputeFraction },
    };

    private static ProfileDto FromProfile(EfficiencyProfile p) => new()
    {
        BandwidthEfficiency = p.BandwidthEfficiency,
        ComputeEfficiency = p.ComputeEfficiency,
        AttentionEfficiency = p.AttentionEfficiency,
        AttentionHalfSaturation = p.AttentionHalfSaturation,
        KvReadEfficiency = p.KvReadEfficiency,
        LayerOverheadMicroseconds = p.LayerOverhead.Microseconds,
        StepOverheadMilliseconds = p.StepOverhead.Milliseconds,
        SequenceOverheadMicroseconds = p.SequenceOverhead.Microseconds,
        CollectiveLatencyMicroseconds = p.CollectiveLatency.Microseconds,
        InterconnectEfficiency = p.InterconnectEfficiency,
        KvCacheMemoryFraction = p.KvCacheMemoryFraction,
        MemoryReserveGigabytes = p.MemoryReserve.Gigabytes,
        MaxBatch = p.MaxBatch,
        IterationOverheadMilliseconds = p.IterationOverhead.Milliseconds,
        StreamingSequenceOverheadMicroseconds = p.StreamingSequenceOverhead.Microseconds,
        MoeLayerOverheadMicroseconds = p.MoeLayerOverhead.Microseconds,
        SynchronizedArrivalFraction = p.SynchronizedArrivalFraction,
        MaxBatchedTokens = p.MaxBatchedTokens,
        KvAdmission = p.KvAdmission == KvAdmissionPolicy.FullSequence ? "full-sequence" : "current-length",
        WeightFormatEfficiency = Sorted(p.WeightFormatEfficiency),
        ComputeFormatEfficiency = p.ComputeFormatEfficiency.Count == 0 ? null : Sorted(p.ComputeFormatEfficiency),
    };

    private static EfficiencyProfile ApplyProfile(EfficiencyProfile b, ProfileDto? d)
    {
        if (d is null)
        {
            return b;
        }

        return b with
        {
            BandwidthEfficiency = d.BandwidthEfficiency ?? b.BandwidthEfficiency,
            ComputeEfficiency = d.ComputeEfficiency ?? b.ComputeEfficiency,
            AttentionEfficiency = d.AttentionEfficiency ?? b.AttentionEfficiency,
            AttentionHalfSaturation = d.AttentionHalfSaturation ?? b.AttentionHalfSaturation,
            KvReadEfficiency = d.KvReadEfficiency ?? b.KvReadEfficiency,
            LayerOverhead = d.LayerOverheadMicroseconds is double l ? TimeInterval.FromMicroseconds(l) : b.LayerOverhead,
            StepOverhead = d.StepOverheadMilliseconds is double s ? TimeInterval.FromMilliseconds(s) : b.StepOverhead,
            SequenceOverhead = d.SequenceOverheadMicroseconds is double q ? TimeInterval.FromMicroseconds(q) : b.SequenceOverhead,
            CollectiveLatency = d.CollectiveLatencyMicroseconds is double c ? TimeInterval.FromMicroseconds(c) : b.CollectiveLatency,
            InterconnectEfficiency = d.InterconnectEfficiency ?? b.InterconnectEfficiency,
            KvCacheMemoryFraction = d.KvCacheMemoryFraction ?? b.KvCacheMemoryFraction,
            MemoryReserve = d.MemoryReserveGigabytes is double r ? DataSize.FromGigabytes(r) : b.MemoryReserve,
            MaxBatch = d.MaxBatch ?? b.MaxBatch,
            IterationOverhead = d.IterationOverheadMilliseconds is double i ? TimeInterval.FromMilliseconds(i) : b.IterationOverhead,
            StreamingSequenceOverhead = d.StreamingSequenceOverheadMicroseconds is double cs ? TimeInterval.FromMicroseconds(cs) : b.StreamingSequenceOverhead,
            MoeLayerOverhead = d.MoeLayerOverheadMicroseconds is double mo ? TimeInterval.FromMicroseconds(mo) : b.MoeLayerOverhead,
            SynchronizedArrivalFraction = d.SynchronizedArrivalFraction ?? b.SynchronizedArrivalFraction,
            MaxBatchedTokens = d.MaxBatchedTokens ?? b.MaxBatchedTokens,
            KvAdmission = d.KvAdmission is string a ? ParseKvAdmission(a) : b.KvAdmission,
            WeightFormatEfficiency = MergeFactors(b.WeightFormatEfficiency, d.WeightFormatEfficiency, "weightFormatEfficiency"),
            ComputeFormatEfficiency = MergeFactors(b.ComputeFormatEfficiency, d.ComputeFormatEfficiency, "computeFormatEfficiency"),
        };
    }

    /// <summary>Per-format multipliers: the base profile's, overridden key by key by the file's, each positive and finite (named key.format when not).</summary>
    private static Dictionary<string, double> MergeFactors(IReadOnlyDictionary<string, double> inherited, Dictionary<string, double>? overrides, string key)
    {
        var merged = new Dictionary<string, double>(inherited, StringComparer.Ordinal);
        foreach (var (k, v) in overrides ?? [])
        {
            merged[k] = Internal.Guard.PositiveFinite(v, key + "." + k);
        }

        return merged;
    }

    private static Dictionary<string, double> Sorted(IReadOnlyDictionary<string, double> factors) =>
        factors.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value);

    private static KvAdmissionPolicy ParseKvAdmission(string kvAdmission) => kvAdmission switch
    {
        "current-length" => KvAdmissionPolicy.CurrentLength,
        "full-sequence" => KvAdmissionPolicy.FullSequence,
        _ => throw new ArgumentOutOfRangeException(nameof(kvAdmission), kvAdmission, "must be current-length or full-sequence."),
    };

    private static ComputePrecision ParsePrecision(string? value, string file, string where) => value switch
    {
        "fp32" => ComputePrecision.Fp32,
        "tf32" => ComputePrecision.Tf32,
        "bf16" or "fp16" => ComputePrecision.Bf16,
        "fp8" => ComputePrecision.Fp8,
        "int8" => ComputePrecision.Int8,
        "fp4" => ComputePrecision.Fp4,
        "int4" => ComputePrecision.Int4,
        _ => throw Fail(file, where, "computePrecision", $"'{value}' is not one of fp32, tf32, bf16, fp16, fp8, int8, fp4, int4"),
    };

    private static void AddPeak(Dictionary<ComputePrecision, FlopRate> peaks, ComputePrecision p, double? tflops, string file, string where, string key)
    {
        if (Optional(tflops, file, where, key) is double t && t > 0)
        {
            peaks[p] = FlopRate.FromTeraflopsPerSecond(t);
        }
    }

    private static string Required(string? value, string file, string where, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw Fail(file, where, key, "is missing or empty") : value;

    /// <summary>The largest catalog figure accepted, in the file's units (GB, TB/s, TFLOPS, W, USD …): 10¹². Larger values only fail
    /// later, when they are used (a bandwidth of 1e308 overflows the first product), far from the file and line that hold them.</summary>
    private const double MaxFigure = 1e12;

    private static double Positive(double? value, string file, string where, string key) =>
        value is double v && double.IsFinite(v) && v > 0 && v <= MaxFigure ? v : throw Fail(file, where, key, $"must be a finite number > 0 and ≤ 1e12; got {Show(value)}");

    private static double NonNegative(double value, string file, string where, string key) =>
        double.IsFinite(value) && value >= 0 && value <= MaxFigure ? value : throw Fail(file, where, key, $"must be a finite number from 0 to 1e12; got {Show(value)}");

    private static double? Optional(double? value, string file, string where, string key) =>
        value is null ? null : NonNegative(value.Value, file, where, key);

    private static int PositiveInt(int value, string file, string where, string key) =>
        value > 0 ? value : throw Fail(file, where, key, $"must be an integer ≥ 1; got {value}");

    private static int NonNegativeInt(int value, string file, string where, string key) =>
        value >= 0 ? value : throw Fail(file, where, key, $"must be an integer ≥ 0; got {value}");

    private static string Show(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "null";

    private static CatalogException Fail(string file, string where, string key, string what)
    {
        var ex = new CatalogException(file, null, $"{where}: '{key}' {what}");
        var quote = where.IndexOf('\'', StringComparison.Ordinal);
        JsonLines.Tag(ex, quote >= 0 && where.EndsWith('\'') ? where[(quote + 1)..^1] : null, key);
        return ex;
    }
}
