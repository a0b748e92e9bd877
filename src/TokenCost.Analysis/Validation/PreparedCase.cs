using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Hardware;
using TokenCost.Quantities;
using TokenCost.Quantization;
using System.Globalization;
using System.Text.RegularExpressions;
using TokenCost.Serving;
using TokenCost.Serving.Load;
using TokenCost.Speculative;

namespace TokenCost.Validation;

/// <summary>A case with its ids resolved, defaults applied and layout chosen: evaluation under a set of profiles is then pure arithmetic.</summary>
internal sealed partial class PreparedCase
{
    private PreparedCase(ValidationCase c, DeploymentConfiguration target, DeploymentConfiguration? draft, int input, int output, double acceptance, int draftTokens)
    {
        Case = c;
        Target = target;
        Draft = draft;
        Input = input;
        Output = output;
        Acceptance = acceptance;
        DraftTokens = draftTokens;
    }

    public ValidationCase Case { get; }

    public DeploymentConfiguration Target { get; }

    public DeploymentConfiguration? Draft { get; }

    public int Input { get; }

    public int Output { get; }

    public double Acceptance { get; }

    public int DraftTokens { get; }

    /// <summary>Gets the shortest request length as a fraction of the nominal lengths, as the notes state it (1 = fixed lengths).</summary>
    public double LengthRangeRatio { get; private init; } = 1;

    /// <summary>Gets the stack's token budget per iteration as the notes state it, or null for the profile's.</summary>
    public int? MaxBatchedTokens { get; private init; }

    /// <summary>
    /// Gets a value indicating whether the case is evaluated with the continuous-batching engine: a closed loop with its client count,
    /// or an offline run. Poisson cases state no arrival rate (MLPerf Server runs at a latency-bounded target rate the case does not give),
    /// so they keep the static saturating model.
    /// </summary>
    public bool Continuous => Case.Tags.Load is LoadKind.Offline || (Case.Tags.Load is LoadKind.Closed && Case.Batch is not null);

    public static PreparedCase Create(ValidationCase c, Catalog catalog)
    {
        if (!catalog.TryGetModel(c.Model, out _))
        {
            throw new InvalidOperationException($"unknown model '{c.Model}' (not in the catalog).");
        }

        var weights = catalog.GetFormat(c.Weights ?? "bf16");
        if (c.Tags.GroupSize is int g && weights.ScaleBytesPerGroup > 0)
        {
            weights = weights.WithGroupSize(g);
        }

        var activations = c.Activations is { } a ? catalog.GetFormat(a)
            : weights.WeightOnly || weights.Id is "fp32" or "int8" ? catalog.GetFormat(weights.Id == "fp32" ? "fp32" : "bf16") : weights;
        var model = catalog.GetModel(c.Model);
        NumericFormat? expertWeights = null;
        if (model.IsMixtureOfExperts && weights.Id == "fp4" && activations.ComputePrecision != ComputePrecision.Fp4)
        {
            // Mixed-precision rule (docs/roofline.md, "Mixed-precision checkpoints"): fp4 weights on a mixture of experts whose
            // activations are not fp4 mean the native MXFP4-experts checkpoint (gpt-oss): experts MXFP4, attention, dense layers and
            // routers bf16. NVFP4 checkpoints quantize activations to fp4 too and stay all-fp4.
            expertWeights = catalog.GetFormat("mxfp4");
            weights = catalog.GetFormat("bf16");
        }

        var config = new DeploymentConfiguration
        {
            Model = model,
            Hardware = catalog.GetHardware(c.Hardware),
            Devices = c.Devices,
            TensorParallel = 1,
            PipelineParallel = c.PipelineParallel ?? 1,
            Weights = weights,
            ExpertWeights = expertWeights,
            Activations = activations,
            KvCache = catalog.GetFormat(c.KvCache ?? (activations.Id is "fp8" or "fp4" ? "fp8" : "bf16")),
            Stack = catalog.GetStack(c.ServingStack),
            Layout = LayoutOf(c.Tags),
        };
        if (config.Hardware.InterconnectBandwidth is null && c.Devices > 1)
        {
            // No listed scale-up link: assume the typical ratio of link to memory bandwidth (H100 0.27, MI300X 0.17, PCIe cards 0.06).
            config = config with { Hardware = config.Hardware with { InterconnectBandwidth = config.Hardware.MemoryBandwidth * CasePredictor.AssumedInterconnectToMemoryBandwidth } };
        }

        config = config with { TensorParallel = c.TensorParallel ?? ChooseTensorParallel(config) };
        var prefillPool = DisaggregatedPools(c, ref config);
        config.Validate();

        DeploymentConfiguration? draft = null;
        double acceptance = 0;
        var draftTokens = 0;
        if (c.Speculative is { } s)
        {
            var eagle = s.DraftModel is null or SpeculativeSetting.Eagle;
            // An EAGLE-style drafter on a model that ships multi-token-prediction modules is those modules (self-speculative MTP):
            // one draft token per module by default, at DeepSeek's reported acceptance.
            var mtp = eagle && config.Model.MultiTokenPredictionLayers > 0;
            var draftModel = mtp ? SpeculativeDecoding.MultiTokenPredictionHead(config.Model)
                : eagle ? SpeculativeDecoding.EagleHead(config.Model) : catalog.GetModel(s.DraftModel!);
            draft = config with { Model = draftModel };
            acceptance = s.AcceptanceRate ?? (mtp ? SpeculativeDecoding.DefaultMultiTokenPredictionAcceptanceRate : CasePredictor.DefaultAcceptanceRate);
            draftTokens = s.DraftTokens ?? (mtp ? config.Model.MultiTokenPredictionLayers : eagle ? CasePredictor.DefaultEagleDraftTokens : CasePredictor.DefaultDraftModelTokens);
        }

        return new PreparedCase(c, config, draft, c.InputTokens ?? CasePredictor.DefaultInputTokens, c.OutputTokens ?? CasePredictor.DefaultOutputTokens, acceptance, draftTokens)
        {
            LengthRangeRatio = StatedLengthRangeRatio(c.Notes),
            MaxBatchedTokens = StatedMaxBatchedTokens(c.Notes),
            PrefillPool = prefillPool,
        };
    }

    /// <summary>
    /// The shortest request length as a fraction of nominal, where the notes state a <c>benchmark_serving</c> random dataset
    /// (<c>--random-range-ratio R</c>, or "uniform in P-100%"); 1 otherwise.
    /// </summary>
    internal static double StatedLengthRangeRatio(string notes)
    {
        var m = RangeRatioPattern().Match(notes);
        if (m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 1)
        {
            return r;
        }

        m = UniformPercentPattern().Match(notes);
        return m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pct) && pct is > 0 and <= 100 ? pct / 100.0 : 1;
    }

    /// <summary>The stack's token budget per iteration where the notes state it (<c>max-num-batched-tokens N</c>, <c>max_num_tokens N</c>).</summary>
    internal static int? StatedMaxBatchedTokens(string notes)
    {
        var m = BatchedTokensPattern().Match(notes);
        return m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;
    }

    [GeneratedRegex(@"random-range-ratio[ =]([0-9]*\.?[0-9]+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RangeRatioPattern();

    [GeneratedRegex(@"uniform in ([0-9]{1,3}) ?- ?100 ?%", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UniformPercentPattern();

    [GeneratedRegex(@"(?:max-num-batched-tokens|max_num_batched_tokens|max_num_tokens|max-num-tokens)[ =]([0-9]{1,9})", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BatchedTokensPattern();

    /// <summary>Evaluates the case's metric under a profile set.</summary>
    public double Evaluate(ServingProfiles profiles, out Bound bound)
    {
        var profile = profiles.For(Target.Stack.Id, Target.Hardware.Id);
        var c = Case;
        if (PrefillPool is not null)
        {
            return EvaluateDisaggregated(profile, out bound);
        }

        var replicas = (double)Target.Replicas;
        if (c.Metric is CaseMetric.StepTime || (c.Metric is CaseMetric.JoulesPerOutputToken && Output <= 1))
        {
            var batch = c.Batch ?? SaturatingBatch(profile, Input + 1);
            var step = Output == 0
                ? RooflineEstimator.Forward(Target, batch, Math.Max(1, Input), 0, profile)
                : RooflineEstimator.Forward(Target, batch, 1, Input, profile);
            bound = step.Bound;
            return c.Metric is CaseMetric.StepTime
                ? step.Time.Milliseconds
                : StepPower(profiles, step) * step.Time.Seconds * Target.DevicesPerReplica / batch;
        }

        if (Continuous && c.Metric is not CaseMetric.PrefillTokensPerSecond)
        {
            return EvaluateLoaded(profiles, profile, out bound);
        }

        var b = c.Batch is int given ? Math.Max(1, (int)Math.Ceiling(given / replicas)) : SaturatingBatch(profile, Input + Output);
        var prefill = RooflineEstimator.Forward(Target, b, Math.Max(1, Input), 0, profile);
        var decodeContext = Input + (Output / 2.0);
        var decode = RooflineEstimator.Forward(Target, b, 1, decodeContext, profile);
        var tpot = decode.Time.Seconds;
        if (Draft is not null)
        {
            // The draft steps run inside the target's engine step: their kernels cost their roofline time, without another host step.
            var draftProfile = profile with { StepOverhead = TimeInterval.Zero, SequenceOverhead = TimeInterval.Zero };
            var draftStep = RooflineEstimator.Forward(Draft, b, 1, decodeContext, draftProfile).Time.Seconds;
            var verify = RooflineEstimator.Forward(Target, b, DraftTokens + 1, decodeContext, profile).Time.Seconds;
            tpot = ((DraftTokens * draftStep) + verify) / SpeculativeDecoding.ExpectedTokensPerStep(Acceptance, DraftTokens);
        }

        var ttft = c.Batch is null
            ? RooflineEstimator.Forward(Target, 1, Math.Max(1, Input), 0, profile).Time.Seconds + tpot
            : prefill.Time.Seconds;
        var outputs = Math.Max(1, Output);
        var e2e = prefill.Time.Seconds + ((outputs - 1) * tpot);
        bound = decode.Bound;
        switch (c.Metric)
        {
            case CaseMetric.OutputTokensPerSecond:
                return replicas * b * outputs / e2e;
            case CaseMetric.OutputTokensPerSecondPerDevice:
                return replicas * b * outputs / e2e / Target.Devices;
            case CaseMetric.TotalTokensPerSecondPerDevice:
                return replicas * b * (outputs + Input) / e2e / Target.Devices;
            case CaseMetric.OutputTokensPerSecondPerUser:
                return c.Tags.Timebase == RateTimebase.EndToEnd ? outputs / (ttft + ((outputs - 1) * tpot)) : 1 / tpot;
            case CaseMetric.TimePerOutputToken:
                return tpot * 1000;
            case CaseMetric.TimeToFirstToken:
                bound = prefill.Bound;
                return ttft * 1000;
            case CaseMetric.EndToEndLatency:
                return e2e * 1000;
            case CaseMetric.PrefillTokensPerSecond:
                bound = prefill.Bound;
                return replicas * b * Math.Max(1, Input) / prefill.Time.Seconds;
            case CaseMetric.JoulesPerOutputToken:
                var energy = Target.Devices * ((StepPower(profiles, prefill) * prefill.Time.Seconds) + (StepPower(profiles, decode) * (outputs - 1) * tpot));
                return energy / (replicas * b * outputs);
            default:
                throw new InvalidOperationException($"metric {c.Metric} is not modelled");
        }
    }

    /// <summary>
    /// Evaluates a continuous-batching case with the engine model: a closed loop of <c>batch</c> clients (split over replicas), or the
    /// saturating point of an offline run.
    /// Lengths are the means of the stated distribution.
    /// </summary>
    private double EvaluateLoaded(ServingProfiles profiles, EfficiencyProfile profile, out Bound bound)
    {
        var c = Case;
        var replicas = (double)Target.Replicas;
        if (MaxBatchedTokens is int budget)
        {
            profile = profile with { MaxBatchedTokens = budget };
        }

        var fraction = (1 + LengthRangeRatio) / 2;
        var input = Input * fraction;
        var output = Math.Max(1, Output * fraction);
        var closed = c.Tags.Load == LoadKind.Closed;
        var s = ContinuousBatchingEstimator.Solve(Target, profile, closed ? LoadKind.Closed : LoadKind.Offline, closed ? Math.Ceiling(c.Batch!.Value / replicas) : 0, input, output, LengthRangeRatio, Draft, DraftTokens, Acceptance);
        bound = s.PrefillFraction * s.Mixed.Time.Seconds > (1 - s.PrefillFraction) * s.Decode.Time.Seconds ? s.Mixed.Bound : s.Decode.Bound;
        var requests = replicas * s.RequestsPerSecond;
        switch (c.Metric)
        {
            case CaseMetric.OutputTokensPerSecond:
                return requests * output;
            case CaseMetric.OutputTokensPerSecondPerDevice:
                return requests * output / Target.Devices;
            case CaseMetric.TotalTokensPerSecondPerDevice:
                return requests * (input + output) / Target.Devices;
            case CaseMetric.OutputTokensPerSecondPerUser:
                return c.Tags.Timebase == RateTimebase.EndToEnd ? output / s.RequestSeconds(output) : 1 / s.TpotSeconds;
            case CaseMetric.TimePerOutputToken:
                return s.TpotSeconds * 1000;
            case CaseMetric.TimeToFirstToken:
                bound = s.Mixed.Bound;
                return s.TtftSeconds * 1000;
            case CaseMetric.EndToEndLatency:
                return s.RequestSeconds(output) * 1000;
            case CaseMetric.JoulesPerOutputToken:
                var share = s.PrefillFraction * s.Mixed.Time.Seconds / s.IterationSeconds;
                var watts = (share * StepPower(profiles, s.Mixed)) + ((1 - share) * StepPower(profiles, s.Decode));
                return watts * Target.Devices / (requests * output);
            default:
                throw new InvalidOperationException($"metric {c.Metric} is not modelled under load");
        }
    }

    private double StepPower(ServingProfiles profiles, StepEstimate step) =>
        (Target.Hardware.ThermalDesignPower ?? throw new InvalidOperationException($"hardware '{Target.Hardware.Id}' lists no TDP: energy cannot be modelled"))
        is var tdp ? profiles.Power.Estimate(tdp, step.BandwidthUtilization, step.ComputeUtilization).Watts : 0;

    private int SaturatingBatch(EfficiencyProfile profile, int context)
    {
        var plan = RooflineEstimator.PlanMemory(Target, Math.Max(1, context), 1, profile);
        return Math.Max(1, Math.Min(plan.MaxBatch, profile.MaxBatch));
    }

    private static int ChooseTensorParallel(DeploymentConfiguration config)
    {
        var perReplica = config.Devices / config.PipelineParallel;
        var probe = new EfficiencyProfile();
        var capacity = config.Hardware.MemoryCapacity.Bytes;
        for (var t = 1; t <= perReplica; t *= 2)
        {
            if (perReplica % t != 0)
            {
                break;
            }

            var weights = RooflineEstimator.PlanMemory(config with { TensorParallel = t }, 1, 1, probe).WeightsPerDevice.Bytes;
            if (weights <= CasePredictor.WeightMemoryFractionForLayout * capacity || (t * 2 > perReplica) || perReplica % (t * 2) != 0)
            {
                return t == 1 || config.Hardware.InterconnectBandwidth is not null ? t : 1;
            }
        }

        return 1;
    }
}
