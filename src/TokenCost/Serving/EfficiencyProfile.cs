using TokenCost.Internal;
using TokenCost.Quantities;
using TokenCost.Quantization;

namespace TokenCost.Serving;

/// <summary>
/// The few physically meaningful parameters that turn datasheet rooflines into what a serving stack achieves:
/// fractions of peak bandwidth and compute, fixed per-layer and per-step overheads, collective latency, and memory policy.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. Defaults are priors from the estimator study (bandwidth 0.8 as in
/// AIConfigurator, compute 0.6 to 0.7 as in llm-analysis, a few µs per kernel launch as in Epoch's model);
/// the shipped values are fitted by <c>tokencost calibrate</c> (see docs/calibration.md).
/// </remarks>
public sealed record EfficiencyProfile
{
    private readonly double _bandwidthEfficiency = 0.8;
    private readonly double _computeEfficiency = 0.6;
    private readonly double _attentionEfficiency = 0.4;
    private readonly double _interconnectEfficiency = 0.7;
    private readonly double _kvCacheMemoryFraction = 0.9;
    private readonly int _maxBatch = 256;
    private readonly IReadOnlyDictionary<string, double> _weightFormatEfficiency = new Dictionary<string, double>();
    private readonly IReadOnlyDictionary<string, double> _computeFormatEfficiency = new Dictionary<string, double>();
    private readonly double _attentionHalfSaturation = 64;
    private readonly double _kvReadEfficiency = 1;
    private readonly int _maxBatchedTokens = 8192;
    private readonly TimeInterval _iterationOverhead = TimeInterval.FromMilliseconds(0.5);
    private readonly TimeInterval _moeLayerOverhead = TimeInterval.Zero;
    private readonly double _synchronizedArrivalFraction;
    private readonly TimeInterval _streamingSequenceOverhead = TimeInterval.FromMicroseconds(10);
    private readonly KvAdmissionPolicy _kvAdmission;

    /// <summary>Gets the achieved fraction of peak memory bandwidth for weight and KV reads, in (0, 1].</summary>
    /// <value>The default value is 0.8.</value>
    public double BandwidthEfficiency { get => _bandwidthEfficiency; init => _bandwidthEfficiency = Guard.PositiveFraction(value, nameof(BandwidthEfficiency)); }

    /// <summary>Gets the achieved fraction of dense peak compute in the linear layers (GEMMs), in (0, 1].</summary>
    /// <value>The default value is 0.6.</value>
    public double ComputeEfficiency { get => _computeEfficiency; init => _computeEfficiency = Guard.PositiveFraction(value, nameof(ComputeEfficiency)); }

    /// <summary>Gets the achieved fraction of 16-bit peak compute in attention (QKᵀ and softmax·V), in (0, 1].</summary>
    /// <value>The default value is 0.4.</value>
    public double AttentionEfficiency { get => _attentionEfficiency; init => _attentionEfficiency = Guard.PositiveFraction(value, nameof(AttentionEfficiency)); }

    /// <summary>
    /// Gets the number of (sequence × KV head × new token) work items per device at which attention's KV-cache reads reach half of
    /// <see cref="BandwidthEfficiency"/>: achieved attention bandwidth = efficiency × p ÷ (p + this). Few items in flight (batch 1,
    /// few KV heads) leave most of the chip idle. 0 disables the effect.
    /// </summary>
    /// <value>The default value is 64.</value>
    public double AttentionHalfSaturation { get => _attentionHalfSaturation; init => _attentionHalfSaturation = Guard.NonNegativeFinite(value, nameof(AttentionHalfSaturation)); }

    /// <summary>Gets the fixed time per decoder layer per forward step (kernel launches, synchronisation).</summary>
    /// <value>The default value is 4 µs.</value>
    public TimeInterval LayerOverhead { get; init; } = TimeInterval.FromMicroseconds(4);

    /// <summary>Gets the multiplier on <see cref="BandwidthEfficiency"/> for attention's KV-cache reads (paged or unfused attention kernels reach less of peak than weight streaming), &gt; 0; the product is capped at 1.</summary>
    /// <value>The default value is 1.</value>
    public double KvReadEfficiency { get => _kvReadEfficiency; init => _kvReadEfficiency = Guard.PositiveFinite(value, nameof(KvReadEfficiency)); }

    /// <summary>Gets the time per sequence in the batch per forward step (host-side scheduling, sampling and bookkeeping per sequence that the device waits for).</summary>
    /// <value>The default value is 0.</value>
    public TimeInterval SequenceOverhead { get; init; } = TimeInterval.Zero;

    /// <summary>Gets the fixed time per forward step (sampling, scheduling, host work not hidden by the device).</summary>
    /// <value>The default value is 0.1 ms.</value>
    public TimeInterval StepOverhead { get; init; } = TimeInterval.FromMilliseconds(0.1);

    /// <summary>Gets the fixed latency of one tensor-parallel all-reduce or pipeline hand-off.</summary>
    /// <value>The default value is 8 µs.</value>
    public TimeInterval CollectiveLatency { get; init; } = TimeInterval.FromMicroseconds(8);

    /// <summary>Gets the achieved fraction of the per-direction interconnect bandwidth in collectives, in (0, 1].</summary>
    /// <value>The default value is 0.7.</value>
    public double InterconnectEfficiency { get => _interconnectEfficiency; init => _interconnectEfficiency = Guard.PositiveFraction(value, nameof(InterconnectEfficiency)); }

    /// <summary>Gets the fraction of the memory left after weights and <see cref="MemoryReserve"/> that the stack gives to the KV cache, in (0, 1].</summary>
    /// <value>The default value is 0.9.</value>
    public double KvCacheMemoryFraction { get => _kvCacheMemoryFraction; init => _kvCacheMemoryFraction = Guard.PositiveFraction(value, nameof(KvCacheMemoryFraction)); }

    /// <summary>Gets the memory per device kept for the runtime, activations and workspace.</summary>
    /// <value>The default value is 2 GB.</value>
    public DataSize MemoryReserve { get; init; } = DataSize.FromGigabytes(2);

    /// <summary>Gets the scheduler's cap on concurrent sequences per replica when the batch is left to the stack.</summary>
    /// <value>The default value is 256.</value>
    public int MaxBatch { get => _maxBatch; init => _maxBatch = Guard.Positive(value, nameof(MaxBatch)); }

    /// <summary>
    /// Gets the fixed time per engine iteration under continuous batching (closed, offline and Poisson loads): scheduling, sampling,
    /// detokenisation and the launch of the captured decode graph that the device waits for. Under continuous batching it replaces
    /// <see cref="LayerOverhead"/> × layers + <see cref="StepOverhead"/>, which were fitted to static-batching runs (docs/roofline.md, "Serving under load").
    /// </summary>
    /// <value>The default value is 0.5 ms.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeInterval IterationOverhead { get => _iterationOverhead; init => _iterationOverhead = value >= TimeInterval.Zero ? value : throw new ArgumentOutOfRangeException(nameof(IterationOverhead), value, "must be ≥ 0."); }

    /// <summary>
    /// Gets the time per running sequence per engine iteration of an online server (closed-loop and Poisson loads): detokenising and
    /// streaming each new token to its client and per-request scheduling, host work the device waits for. It replaces
    /// <see cref="SequenceOverhead"/> for online loads; offline runs (in-process, no streaming) keep <see cref="SequenceOverhead"/>.
    /// </summary>
    /// <value>The default value is 10 µs.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeInterval StreamingSequenceOverhead { get => _streamingSequenceOverhead; init => _streamingSequenceOverhead = value >= TimeInterval.Zero ? value : throw new ArgumentOutOfRangeException(nameof(StreamingSequenceOverhead), value, "must be ≥ 0."); }

    /// <summary>
    /// Gets the fixed time per mixture-of-experts layer per forward step, on top of <see cref="LayerOverhead"/>: the extra small kernels
    /// of a routed layer (router GEMM, top-k, token permute and un-permute, the reduce of the expert outputs) whose own duration a captured
    /// graph does not remove, so it applies under continuous batching as well (docs/roofline.md, "Per-layer cost of a routed layer").
    /// </summary>
    /// <value>The default value is 0 µs.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeInterval MoeLayerOverhead { get => _moeLayerOverhead; init => _moeLayerOverhead = value >= TimeInterval.Zero ? value : throw new ArgumentOutOfRangeException(nameof(MoeLayerOverhead), value, "must be ≥ 0."); }

    /// <summary>
    /// Gets the fraction of a closed-loop run's requests that arrive in a synchronized wave of every client at once (the run's start,
    /// and the next waves while near-equal output lengths keep the clients in step): such a request waits for the prefills of the wave
    /// queued ahead of it, so the mean time to first token carries this fraction of the wave's mean prefill queue
    /// (docs/roofline.md, "Serving under load", synchronized waves). In [0, 1).
    /// </summary>
    /// <value>The default value is 0 (arrivals spread evenly, the steady state alone).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1).</exception>
    public double SynchronizedArrivalFraction { get => _synchronizedArrivalFraction; init => _synchronizedArrivalFraction = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(SynchronizedArrivalFraction), value, "must be in [0, 1)."); }

    /// <summary>Gets the scheduler's budget of tokens per continuous-batching iteration (decode tokens plus prefill chunk; vLLM <c>max-num-batched-tokens</c>), ≥ 1.</summary>
    /// <value>The default value is 8192 (the InferenceX vLLM recipes).</value>
    public int MaxBatchedTokens { get => _maxBatchedTokens; init => _maxBatchedTokens = Guard.Positive(value, nameof(MaxBatchedTokens)); }

    /// <summary>Gets how the continuous-batching scheduler admits requests against KV-cache memory (which context each running sequence is charged).</summary>
    /// <value>The default value is <see cref="KvAdmissionPolicy.CurrentLength"/> (vLLM, SGLang); TensorRT-LLM reserves the full sequence.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="KvAdmissionPolicy"/>.</exception>
    public KvAdmissionPolicy KvAdmission { get => _kvAdmission; init => _kvAdmission = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(KvAdmission), value, "is not a defined KV admission policy."); }

    /// <summary>
    /// Gets the context, in tokens, that the KV-cache capacity charges each running sequence of a continuous-batching engine:
    /// prompt + output ÷ 2 (the mean context) under <see cref="KvAdmissionPolicy.CurrentLength"/>, prompt + output under
    /// <see cref="KvAdmissionPolicy.FullSequence"/>.
    /// </summary>
    /// <param name="input">The mean prompt length, in tokens.</param>
    /// <param name="output">The mean output length, in tokens.</param>
    /// <returns>The charged context, in tokens.</returns>
    internal double AdmissionContext(double input, double output) => KvAdmission == KvAdmissionPolicy.FullSequence ? input + output : input + (output / 2);

    /// <summary>
    /// Gets the profile continuous batching runs with: no per-layer overhead (captured graphs), <see cref="IterationOverhead"/> as the
    /// per-step overhead, and for an online server <see cref="StreamingSequenceOverhead"/> as the per-sequence overhead.
    /// </summary>
    /// <param name="streaming">Whether tokens are streamed to clients (closed-loop and Poisson loads) rather than produced in-process (offline).</param>
    /// <returns>The profile for loaded (continuous-batching) iterations.</returns>
    public EfficiencyProfile ForContinuousBatching(bool streaming = true) =>
        this with { LayerOverhead = TimeInterval.Zero, StepOverhead = IterationOverhead, SequenceOverhead = streaming ? StreamingSequenceOverhead : SequenceOverhead };

    /// <summary>Gets per-format multipliers on <see cref="BandwidthEfficiency"/> for weight reads (dequantizing kernels such as int4 reach less of peak), keyed by format id; a missing key means 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A multiplier is NaN, infinite, zero or negative.</exception>
    public IReadOnlyDictionary<string, double> WeightFormatEfficiency { get => _weightFormatEfficiency; init => _weightFormatEfficiency = Guard.PositiveFactors(value, nameof(WeightFormatEfficiency)); }

    /// <summary>
    /// Gets per-format multipliers on <see cref="ComputeEfficiency"/> for GEMMs whose activations are in a format, keyed by format id;
    /// a missing key means 1. FP4 GEMMs (NVFP4 W4A4: activations quantized to 4 bits with block scales) reach a smaller share of their
    /// doubled peak than FP8 GEMMs do of theirs (docs/roofline.md, "Compute peak by activation format").
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A multiplier is NaN, infinite, zero or negative.</exception>
    public IReadOnlyDictionary<string, double> ComputeFormatEfficiency { get => _computeFormatEfficiency; init => _computeFormatEfficiency = Guard.PositiveFactors(value, nameof(ComputeFormatEfficiency)); }

    /// <summary>Gets the achieved fraction of the dense peak (at the activations' precision) in GEMMs whose activations are in a format.</summary>
    /// <param name="activations">The activation format.</param>
    /// <returns>The fraction, in (0, 1].</returns>
    public double GemmComputeEfficiency(NumericFormat activations)
    {
        ArgumentNullException.ThrowIfNull(activations);
        var factor = ComputeFormatEfficiency.TryGetValue(activations.Id, out var f) ? f : 1.0;
        return Math.Clamp(ComputeEfficiency * factor, 1e-6, 1.0);
    }

    /// <summary>Gets the achieved fraction of peak bandwidth when reading weights stored in a format.</summary>
    /// <param name="weights">The weight format.</param>
    /// <returns>The fraction, in (0, 1].</returns>
    public double WeightBandwidthEfficiency(NumericFormat weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var factor = WeightFormatEfficiency.TryGetValue(weights.Id, out var f) ? f : 1.0;
        return Math.Clamp(BandwidthEfficiency * factor, 1e-6, 1.0);
    }
}
