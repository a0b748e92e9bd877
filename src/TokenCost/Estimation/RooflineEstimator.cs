using TokenCost.Hardware;
using TokenCost.Internal;
using TokenCost.Quantities;
using TokenCost.Serving;

namespace TokenCost.Estimation;

/// <summary>
/// The roofline throughput estimator: per operator, time = max(bytes ÷ achieved bandwidth, operations ÷ achieved peak),
/// operators run one after another, plus fixed per-layer and per-step overheads and tensor/pipeline-parallel communication.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. See docs/roofline.md for the derivation of every term.</para>
/// <para>Per decoder layer and device (TP degree t): QKV projection, attention, output projection and FFN (MoE: only the experts
/// touched, E·(1 − (1 − k/E)^tokens), plus shared experts), each with its weight bytes ÷ t, activation traffic and 2 × multiply-adds;
/// attention reads the KV cache (GQA-aware, in the KV format, kv heads ÷ t but at least one head per device) and costs
/// 4 × heads ÷ t × head_dim × new tokens × attended positions (causal in prefill). Two ring all-reduces per layer when t &gt; 1:
/// latency + 2(t − 1)/t × message ÷ (per-direction link bandwidth × efficiency). Pipeline stages add one hand-off each.</para>
/// </remarks>
public sealed partial class RooflineEstimator
{
    private const double ActivationBytes = 2; // activations and logits move in 16-bit between kernels

    /// <summary>Initializes a new instance of the <see cref="RooflineEstimator"/> class.</summary>
    /// <param name="profiles">The serving-stack profiles and power model to use.</param>
    public RooflineEstimator(ServingProfiles profiles) => Profiles = Guard.NotNull(profiles);

    /// <summary>Gets the profiles in use.</summary>
    public ServingProfiles Profiles { get; }

    /// <summary>Gets the effective efficiency profile for a configuration (stack profile with any hardware adjustment).</summary>
    /// <param name="configuration">The deployment.</param>
    /// <returns>The profile.</returns>
    public EfficiencyProfile ProfileFor(DeploymentConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Profiles.For(configuration.Stack.Id, configuration.Hardware.Id);
    }

    /// <summary>Estimates a deployment serving a workload.</summary>
    /// <param name="configuration">The deployment.</param>
    /// <param name="workload">The workload.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">The configuration is inconsistent (see <see cref="DeploymentConfiguration.Validate"/>).</exception>
    public PerformanceEstimate Estimate(DeploymentConfiguration configuration, Workload workload)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(workload);
        configuration.Validate();
        var profile = ProfileFor(configuration);
        var warnings = new List<string>();
        var total = (long)workload.InputTokens + workload.OutputTokens;
        if (total > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(workload), total, FormattableString.Invariant($"prompt + output tokens ({total}) exceed {int.MaxValue}."));
        }

        var context = (int)total;
        if (context > configuration.Model.MaxContext)
        {
            warnings.Add(FormattableString.Invariant($"prompt + output = {context} tokens exceeds {configuration.Model.Id}'s maximum context of {configuration.Model.MaxContext}."));
        }

        var plan = PlanMemory(configuration, Math.Max(1, context), workload.Batch ?? 1, profile);
        int batch;
        if (workload.Batch is int b)
        {
            batch = b;
        }
        else
        {
            batch = Math.Max(1, Math.Min(plan.MaxBatch, profile.MaxBatch));
            plan = PlanMemory(configuration, Math.Max(1, context), batch, profile);
        }

        if (!plan.Fits)
        {
            warnings.Add(FormattableString.Invariant($"batch {batch} does not fit: {plan.Used} needed of {plan.Capacity} per device (largest batch that fits: {plan.MaxBatch})."));
        }

        var prefill = workload.InputTokens > 0
            ? Forward(configuration, batch, workload.InputTokens, 0, profile)
            : Forward(configuration, batch, 1, 0, profile);
        var decode = Forward(configuration, batch, 1, workload.InputTokens + (workload.OutputTokens / 2.0), profile);
        var tdp = configuration.Hardware.ThermalDesignPower;
        if (tdp is null)
        {
            warnings.Add($"hardware '{configuration.Hardware.Id}' lists no TDP: power, energy and energy cost are not modelled.");
        }

        return new PerformanceEstimate
        {
            Configuration = configuration,
            Workload = workload,
            Batch = batch,
            Memory = plan,
            Prefill = prefill,
            Decode = decode,
            PrefillPowerPerDevice = tdp is { } p1 ? Profiles.Power.Estimate(p1, prefill.BandwidthUtilization, prefill.ComputeUtilization) : null,
            DecodePowerPerDevice = tdp is { } p2 ? Profiles.Power.Estimate(p2, decode.BandwidthUtilization, decode.ComputeUtilization) : null,
            Warnings = warnings,
        };
    }

    /// <summary>Plans one device's memory for sequences of a given context length.</summary>
    /// <param name="configuration">The deployment.</param>
    /// <param name="contextTokens">Tokens of KV cache per sequence (prompt + output), ≥ 1.</param>
    /// <param name="batch">Sequences per replica to check, ≥ 1.</param>
    /// <returns>The plan.</returns>
    public MemoryPlan PlanMemory(DeploymentConfiguration configuration, int contextTokens, int batch)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return PlanMemory(configuration, contextTokens, batch, ProfileFor(configuration));
    }

    /// <summary>
    /// Estimates one forward step: <paramref name="batch"/> sequences each process <paramref name="newTokens"/> tokens
    /// after <paramref name="priorContext"/> tokens already in their KV cache. Decode is (b, 1, context); prefill is (b, prompt, 0);
    /// a speculative verification is (b, draft + 1, context).
    /// </summary>
    /// <param name="configuration">The deployment.</param>
    /// <param name="batch">Sequences per replica, ≥ 1.</param>
    /// <param name="newTokens">New tokens per sequence, ≥ 1.</param>
    /// <param name="priorContext">Cached tokens per sequence before the step, ≥ 0 (may be fractional for an average).</param>
    /// <returns>The step estimate.</returns>
    public StepEstimate Forward(DeploymentConfiguration configuration, int batch, int newTokens, double priorContext)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Validate();
        return Forward(configuration, batch, newTokens, priorContext, ProfileFor(configuration));
    }

    internal static MemoryPlan PlanMemory(DeploymentConfiguration c, int contextTokens, int batch, EfficiencyProfile profile)
    {
        Guard.Positive(contextTokens);
        Guard.Positive(batch);
        var m = c.Model;
        double t = c.TensorParallel, pp = c.PipelineParallel;
        var headBytes = (m.EmbeddingParameters + m.UntiedOutputHeadParameters) * c.Weights.EmbeddingBytesPerElement;
        var stageHead = pp > 1 ? m.EmbeddingParameters * c.Weights.EmbeddingBytesPerElement : headBytes;
        // The most loaded pipeline stage holds ⌈layers ÷ pp⌉ layers.
        var stageLayers = Math.Ceiling(m.Layers / pp);
        var weights = DataSize.FromBytes(LayoutBlockWeightBytesPerDevice(c, stageLayers) + (stageHead / t));
        var kvPerSeq = DataSize.FromBytes(CachedPositionsPerLayer(m, contextTokens) * stageLayers * KvElementsPerDevicePerLayer(c) * c.KvCache.BytesPerElement);
        var capacity = c.Hardware.MemoryCapacity;
        var free = capacity - weights - profile.MemoryReserve;
        var budget = free * profile.KvCacheMemoryFraction;
        // Data-parallel attention: each device caches only its own sequences, so a replica holds DP × one device's sequences.
        var maxBatch = weights + profile.MemoryReserve >= capacity ? 0 : (int)Math.Min(int.MaxValue, Math.Floor(budget / kvPerSeq) * AttentionReplicas(c));
        return new MemoryPlan
        {
            Capacity = capacity,
            WeightsPerDevice = weights,
            Reserve = profile.MemoryReserve,
            KvCacheBudget = budget,
            KvCachePerSequence = kvPerSeq,
            ContextTokens = contextTokens,
            MaxBatch = maxBatch,
            Used = weights + profile.MemoryReserve + (kvPerSeq * Math.Ceiling(batch / AttentionReplicas(c))),
            Fits = maxBatch >= batch,
        };
    }

    internal static StepEstimate Forward(DeploymentConfiguration c, int batch, int newTokens, double priorContext, EfficiencyProfile profile)
    {
        Guard.Positive(batch);
        Guard.Positive(newTokens);
        Guard.NonNegativeFinite(priorContext);
        return Iteration(c, new SequenceGroup(batch, newTokens, priorContext), default, profile);
    }

    /// <summary>
    /// One engine iteration over a mixed batch of two groups of sequences (for continuous batching: the running decodes, one new token each,
    /// and the prefill chunks admitted this iteration): weights are read once for all tokens, each group reads its own KV cache and pays
    /// its own attention compute (docs/roofline.md, "Serving under load").
    /// </summary>
    internal static StepEstimate Iteration(DeploymentConfiguration c, SequenceGroup first, SequenceGroup second, EfficiencyProfile profile)
    {
        var m = c.Model;
        var hw = c.Hardware;
        double t = c.TensorParallel;
        double b = first.Sequences + second.Sequences, tokens = first.Tokens + second.Tokens;
        double wB = c.Weights.BytesPerElement, aB = ActivationBytes, kvB = c.KvCache.BytesPerElement;
        var bandwidth = hw.MemoryBandwidth.BytesPerSecond;
        var weightBw = bandwidth * profile.WeightBandwidthEfficiency(c.Weights);
        var dataBw = bandwidth * profile.BandwidthEfficiency;
        var linearPeak = LinearPeak(hw, c.Activations.ComputePrecision);
        // FP8 attention kernels (FlashAttention-3 FP8, TensorRT-LLM FP8 FMHA) run QKᵀ and softmax·V at the FP8 rate when both the
        // KV cache and the activations are FP8; otherwise attention runs in 16-bit.
        var attentionPeak = LinearPeak(hw, c.KvCache.ComputePrecision == ComputePrecision.Fp8 && c.Activations.ComputePrecision == ComputePrecision.Fp8 ? ComputePrecision.Fp8 : ComputePrecision.Bf16);
        var gemmRate = linearPeak * profile.GemmComputeEfficiency(c.Activations);
        var attentionRate = attentionPeak * profile.AttentionEfficiency;

        var acc = default(Accumulator);

        // Per decoder layer, per device.
        // Attention shards ta = TP (heads split) or 1 (data-parallel attention, each device its own sequences; the busiest rank counts).
        // With data-parallel attention the busiest rank sets the time: its decode share plus any prefill chunk it holds whole.
        double ta = AttentionShards(c), attentionTokens = BusiestAttentionTokens(c, first, second);
        var qkvOut = (m.AttentionHeads + (2 * m.KeyValueHeads)) * m.HeadDimension;
        acc.Linear(m.QkvParametersPerLayer / ta * wB, attentionTokens * ((m.HiddenSize * aB) + (qkvOut / ta * aB)), 2 * attentionTokens * m.QkvParametersPerLayer / ta, weightBw, dataBw, gemmRate);

        // Attention kernels need enough (sequence, KV head, new token) items in flight to keep the memory system busy.
        double attentionItems = 0;
        foreach (var g in (ReadOnlySpan<SequenceGroup>)[first, second])
        {
            attentionItems += g.Sequences / AttentionSpread(c, g.Sequences) * Math.Max(m.KeyValueHeads / ta, 1.0) * g.NewTokens;
        }

        var attentionBw = Math.Min(bandwidth, dataBw * profile.KvReadEfficiency) * attentionItems / (attentionItems + profile.AttentionHalfSaturation);
        AddAttention(ref acc, c, first, second, attentionBw, attentionRate);

        acc.Linear(m.OutputProjectionParametersPerLayer / ta * wB, attentionTokens * 2 * m.HiddenSize * aB, 2 * attentionTokens * m.OutputProjectionParametersPerLayer / ta, weightBw, dataBw, gemmRate);

        AddFeedForward(ref acc, c, tokens, bandwidth, weightBw, dataBw, gemmRate, profile);

        var comm = 0.0;
        if (t > 1)
        {
            var linkPerDirection = hw.InterconnectBandwidth!.Value.BytesPerSecond / 2 * profile.InterconnectEfficiency;
            var message = tokens * m.HiddenSize * aB;
            comm = 2 * (profile.CollectiveLatency.Seconds + (2 * (t - 1) / t * message / linkPerDirection));
        }

        comm = LayoutCommunicationSeconds(c, tokens, comm, profile);

        acc.Scale(m.Layers, comm * m.Layers);

        // Embedding lookup and output head (logits for the last new position of each sequence).
        var headParameters = m.EmbeddingParameters;
        acc.Linear(headParameters / t * c.Weights.EmbeddingBytesPerElement, (tokens * m.HiddenSize * c.Weights.EmbeddingBytesPerElement) + (b * m.VocabularySize / t * aB), 2 * b * headParameters / t, weightBw, dataBw, gemmRate);

        if (c.PipelineParallel > 1)
        {
            var linkPerDirection = hw.InterconnectBandwidth!.Value.BytesPerSecond / 2 * profile.InterconnectEfficiency;
            acc.Communication((c.PipelineParallel - 1) * (profile.CollectiveLatency.Seconds + (tokens * m.HiddenSize * aB / linkPerDirection)));
        }

        var overhead = (profile.LayerOverhead.Seconds * m.Layers) + (profile.MoeLayerOverhead.Seconds * m.MoeLayers) + profile.StepOverhead.Seconds + (profile.SequenceOverhead.Seconds * b);
        var total = acc.MemoryTime + acc.ComputeTime + acc.CommunicationTime + overhead;

        // Pipeline stages hold 1/pp of the layers each: per-device traffic is the stage's share.
        var perStage = 1.0 / c.PipelineParallel;
        var bytes = acc.Bytes * perStage;
        var flops = acc.Flops * perStage;
        var bound = acc.CommunicationTime > Math.Max(acc.MemoryTime, acc.ComputeTime) ? Bound.Communication
            : acc.ComputeTime > acc.MemoryTime ? Bound.Compute : Bound.Memory;
        return new StepEstimate
        {
            Time = TimeInterval.FromSeconds(total),
            MemoryBoundTime = TimeInterval.FromSeconds(acc.MemoryTime),
            ComputeBoundTime = TimeInterval.FromSeconds(acc.ComputeTime),
            CommunicationTime = TimeInterval.FromSeconds(acc.CommunicationTime),
            OverheadTime = TimeInterval.FromSeconds(overhead),
            BytesPerDevice = DataSize.FromBytes(bytes),
            FlopsPerDevice = FlopCount.FromFlops(flops),
            WeightBytesPerDevice = DataSize.FromBytes(acc.WeightBytes * perStage),
            KvCacheBytesPerDevice = DataSize.FromBytes(acc.KvBytes * perStage),
            BandwidthUtilization = Math.Clamp(bytes / (total * bandwidth), 0, 1),
            ComputeUtilization = Math.Clamp(flops / (total * linearPeak), 0, 1),
            Bound = bound,
        };
    }

    /// <summary>
    /// KV elements one device stores per token per layer: 2 × max(kv heads ÷ TP, 1) × head dim (heads are replicated when TP exceeds them);
    /// for MLA the whole latent, kv_rank + rope, on every tensor-parallel rank. With data-parallel attention the heads are not split (each device caches its own sequences whole).
    /// </summary>
    internal static double KvElementsPerDevicePerLayer(DeploymentConfiguration c) => c.Model.IsLatentAttention
        ? c.Model.KvElementsPerTokenPerLayer
        : 2 * Math.Max(c.Model.KeyValueHeads / AttentionShards(c), 1.0) * c.Model.HeadDimension;

    private static double LinearPeak(HardwarePlatform hw, ComputePrecision precision)
    {
        if (hw.ResolvePeak(precision) is { } resolved)
        {
            return resolved.Peak.FlopsPerSecond;
        }

        // Last resort for devices that list only an NPU rate (phones): use the highest listed rate.
        var any = hw.PeakCompute.Values.Select(r => r.FlopsPerSecond).DefaultIfEmpty(0).Max();
        return any > 0 ? any : throw new ArgumentException($"hardware '{hw.Id}' lists no peak compute rate.", nameof(hw));
    }

    /// <summary>Sums operator times into memory-, compute- and communication-limited buckets.</summary>
    private struct Accumulator
    {
        public double MemoryTime;
        public double ComputeTime;
        public double CommunicationTime;
        public double Bytes;
        public double Flops;
        public double WeightBytes;
        public double KvBytes;

        public void Linear(double weightBytes, double activationBytes, double flops, double weightBw, double dataBw, double rate)
        {
            Add((weightBytes / weightBw) + (activationBytes / dataBw), flops / rate);
            Bytes += weightBytes + activationBytes;
            WeightBytes += weightBytes;
            Flops += flops;
        }

        public void Attention(double kvBytes, double otherBytes, double flops, double dataBw, double rate)
        {
            Add((kvBytes + otherBytes) / dataBw, flops / rate);
            Bytes += kvBytes + otherBytes;
            KvBytes += kvBytes;
            Flops += flops;
        }

        public void Communication(double seconds) => CommunicationTime += seconds;

        public void Scale(double layers, double communication)
        {
            MemoryTime *= layers;
            ComputeTime *= layers;
            Bytes *= layers;
            Flops *= layers;
            WeightBytes *= layers;
            KvBytes *= layers;
            CommunicationTime += communication;
        }

        private void Add(double memory, double compute)
        {
            if (compute > memory)
            {
                ComputeTime += compute;
            }
            else
            {
                MemoryTime += memory;
            }
        }
    }
}
