using TokenCost.Quantities;
using TokenCost.Serving;

namespace TokenCost.Calibration;

/// <summary>
/// Maps a vector of unconstrained values to a <see cref="ServingProfiles"/>: every parameter is positive and bounded,
/// x = lo × (hi ÷ lo)^sigmoid(u), so the optimiser works on u ∈ ℝ and x always stays physical.
/// </summary>
internal sealed class ParameterSpace
{
    public static readonly string[] StackParameters = ["bandwidthEfficiency", "computeEfficiency", "layerOverheadMicroseconds", "stepOverheadMilliseconds", "sequenceOverheadMicroseconds", "kvReadEfficiency", "iterationOverheadMilliseconds", "streamingSequenceOverheadMicroseconds", "moeLayerOverheadMicroseconds"];
    public static readonly string[] FittedFormats = ["int4", "q4_0", "q4_k_m", "fp4", "mxfp4"];

    /// <summary>Activation formats whose GEMM efficiency multiplier is fitted (docs/roofline.md, "Compute peak by activation format").</summary>
    public static readonly string[] FittedComputeFormats = ["fp4"];

    /// <summary>Stacks that run the same GEMM and attention kernels as another stack and differ only in launch overhead: they share its efficiencies, KV-read efficiency and per-sequence overhead.</summary>
    public static readonly IReadOnlyDictionary<string, string> SameKernelsAs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pytorch-eager"] = "pytorch-cudagraph",
    };

    /// <summary>The vendor whose memory-bandwidth efficiency is the reference (factor 1): the stack efficiencies are fitted mostly on its devices.</summary>
    public const string ReferenceVendor = "NVIDIA";

    private readonly ServingProfiles _initial;
    private readonly IReadOnlyDictionary<string, string[]> _vendorHardware;

    public ParameterSpace(ServingProfiles initial, IEnumerable<string> fittedStacks, IReadOnlyDictionary<string, string[]>? vendorHardware = null, IEnumerable<string>? fittedVendors = null)
    {
        _initial = initial;
        _vendorHardware = vendorHardware ?? new Dictionary<string, string[]>();
        Vendors = (fittedVendors ?? []).Where(v => v.Length > 0 && v != ReferenceVendor && _vendorHardware.ContainsKey(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Stacks = fittedStacks.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var list = new List<ParameterSpec>();
        var d = initial.Defaults;
        AddStack(list, null, d);
        foreach (var s in Stacks)
        {
            AddStack(list, s, initial.Stacks.TryGetValue(s, out var p) ? p : d, EfficiencySource(s) == s);
        }

        list.Add(new("attentionEfficiency", null, 0.05, 1, d.AttentionEfficiency, 1.0));
        list.Add(new("attentionHalfSaturation", null, 1, 5000, Math.Max(1, d.AttentionHalfSaturation), 2.0));
        list.Add(new("interconnectEfficiency", null, 0.1, 1, d.InterconnectEfficiency, 0.5));
        list.Add(new("collectiveLatencyMicroseconds", null, 1, 200, d.CollectiveLatency.Microseconds, 1.0));

        // Closed-loop benchmarks start every client at once; one wave in ten (InferenceX sends 10 prompts per client) is the prior.
        list.Add(new("synchronizedArrivalFraction", null, 0.01, 0.6, d.SynchronizedArrivalFraction > 0 ? Math.Clamp(d.SynchronizedArrivalFraction, 0.01, 0.6) : 0.1, 0.7));
        foreach (var f in FittedFormats)
        {
            list.Add(new("weightFormatEfficiency." + f, null, 0.2, 1.25, d.WeightFormatEfficiency.TryGetValue(f, out var v) ? v : 0.8, 0.5));
        }

        foreach (var f in FittedComputeFormats)
        {
            // Prior 1 (a 4-bit GEMM reaches the same share of its doubled peak as an FP8 GEMM); σ 0.3; at most 1.25.
            list.Add(new("computeFormatEfficiency." + f, null, 0.2, 1.25, d.ComputeFormatEfficiency.TryGetValue(f, out var v) ? v : 1.0, 0.3));
        }

        foreach (var v in Vendors)
        {
            // Prior 1 (the reference vendor's achieved bandwidth), narrow: only data from several of the vendor's devices and stacks move it.
            list.Add(new("vendorBandwidthFactor." + v, null, 0.5, 1.25, 1.0, 0.15));
        }

        list.Add(new("power.idleFraction", null, 0.02, 0.7, initial.Power.IdleFraction, 0.7));
        list.Add(new("power.memoryFraction", null, 0.01, 1.5, Math.Max(0.01, initial.Power.MemoryFraction), 0.7));
        list.Add(new("power.computeFraction", null, 0.01, 3, Math.Max(0.01, initial.Power.ComputeFraction), 0.7));
        Parameters = list;
    }

    public IReadOnlyList<string> Stacks { get; }

    /// <summary>Gets the vendors (other than <see cref="ReferenceVendor"/>) whose bandwidth factor is fitted.</summary>
    public IReadOnlyList<string> Vendors { get; }

    public IReadOnlyList<ParameterSpec> Parameters { get; }

    public int Count => Parameters.Count;

    public static double ToValue(ParameterSpec p, double u) => p.Lower * Math.Pow(p.Upper / p.Lower, Sigmoid(u));

    public static double ToUnconstrained(ParameterSpec p, double x)
    {
        var s = Math.Log(Math.Clamp(x, p.Lower, p.Upper) / p.Lower) / Math.Log(p.Upper / p.Lower);
        s = Math.Clamp(s, 1e-6, 1 - 1e-6);
        return Math.Log(s / (1 - s));
    }

    public double[] Initial() => Parameters.Select(p => ToUnconstrained(p, p.Prior)).ToArray();

    /// <summary>Prior residuals: each stack's log-value relative to the generic (defaults) value; generic and shared values relative to their priors.</summary>
    public void PriorResiduals(double[] u, Span<double> into)
    {
        var index = 0;
        for (var i = 0; i < Count; i++)
        {
            var p = Parameters[i];
            var x = ToValue(p, u[i]);
            double reference;
            if (p.Stack is null)
            {
                reference = p.Prior;
            }
            else
            {
                // A stack stays near the generic value times its prior ratio to the generic prior: a stack whose prior says it
                // launches op by op (eager PyTorch) keeps its multiple of the generic per-layer overhead unless the data move it.
                var generic = Array.IndexOf(StackParameters, p.Name);
                reference = PriorMultiple(ToValue(Parameters[generic], u[generic]), p);
            }

            into[index++] = Math.Log(x / reference) / p.Sigma;
        }
    }

    public ServingProfiles ToProfiles(double[] u, string provenance)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var p = Parameters[i];
            values[(p.Stack is null ? "" : p.Stack + "/") + p.Name] = ToValue(p, u[i]);
        }

        Dictionary<string, double> Fitted(IReadOnlyDictionary<string, double> initial, string[] fitted, string key)
        {
            var factors = new Dictionary<string, double>(initial, StringComparer.Ordinal);
            foreach (var f in fitted)
            {
                factors[f] = values[key + "." + f];
            }

            return factors;
        }

        var formats = Fitted(_initial.Defaults.WeightFormatEfficiency, FittedFormats, "weightFormatEfficiency");
        var computeFormats = Fitted(_initial.Defaults.ComputeFormatEfficiency, FittedComputeFormats, "computeFormatEfficiency");

        EfficiencyProfile Shared(EfficiencyProfile b) => b with
        {
            AttentionEfficiency = values["attentionEfficiency"],
            AttentionHalfSaturation = values["attentionHalfSaturation"],
            InterconnectEfficiency = values["interconnectEfficiency"],
            CollectiveLatency = TimeInterval.FromMicroseconds(values["collectiveLatencyMicroseconds"]),
            SynchronizedArrivalFraction = values["synchronizedArrivalFraction"],
            WeightFormatEfficiency = formats,
            ComputeFormatEfficiency = computeFormats,
        };

        EfficiencyProfile StackValues(EfficiencyProfile b, string prefix) => b with
        {
            BandwidthEfficiency = values[EfficiencyPrefix(prefix) + "bandwidthEfficiency"],
            ComputeEfficiency = values[EfficiencyPrefix(prefix) + "computeEfficiency"],
            LayerOverhead = TimeInterval.FromMicroseconds(values[prefix + "layerOverheadMicroseconds"]),
            StepOverhead = TimeInterval.FromMilliseconds(values[prefix + "stepOverheadMilliseconds"]),
            SequenceOverhead = TimeInterval.FromMicroseconds(values[EfficiencyPrefix(prefix) + "sequenceOverheadMicroseconds"]),
            KvReadEfficiency = values[EfficiencyPrefix(prefix) + "kvReadEfficiency"],
            IterationOverhead = TimeInterval.FromMilliseconds(values[prefix + "iterationOverheadMilliseconds"]),
            StreamingSequenceOverhead = TimeInterval.FromMicroseconds(values[prefix + "streamingSequenceOverheadMicroseconds"]),
            MoeLayerOverhead = TimeInterval.FromMicroseconds(values[prefix + "moeLayerOverheadMicroseconds"]),
        };

        var defaults = StackValues(Shared(_initial.Defaults), "");
        var stacks = new Dictionary<string, EfficiencyProfile>(StringComparer.Ordinal);
        foreach (var (id, profile) in _initial.Stacks)
        {
            if (!Stacks.Contains(id, StringComparer.Ordinal))
            {
                // A stack without cases sits at the mode of its prior given the fitted generic values: the generic value times the
                // stack's prior ratio to the generic prior (the reference PriorResiduals pulls a fitted stack towards), within its bounds.
                var specs = new List<ParameterSpec>();
                AddStack(specs, id, profile);
                foreach (var s in specs)
                {
                    values[id + "/" + s.Name] = Math.Clamp(PriorMultiple(values[s.Name], s), s.Lower, s.Upper);
                }
            }

            stacks[id] = StackValues(Shared(profile), id + "/");
        }

        foreach (var id in Stacks.Where(s => !stacks.ContainsKey(s)))
        {
            stacks[id] = StackValues(defaults, id + "/");
        }

        return new ServingProfiles
        {
            Defaults = defaults,
            Stacks = stacks,
            HardwareBandwidthFactors = HardwareFactors(values),
            Power = new PowerModel { IdleFraction = values["power.idleFraction"], MemoryFraction = values["power.memoryFraction"], ComputeFraction = values["power.computeFraction"] },
            Provenance = provenance,
        };
    }

    /// <summary>The initial per-hardware factors, with each fitted vendor factor written for every device of that vendor in the catalog.</summary>
    private Dictionary<string, double> HardwareFactors(Dictionary<string, double> values)
    {
        var factors = new Dictionary<string, double>(_initial.HardwareBandwidthFactors, StringComparer.Ordinal);
        foreach (var v in Vendors)
        {
            foreach (var id in _vendorHardware[v])
            {
                factors[id] = values["vendorBandwidthFactor." + v];
            }
        }

        return factors;
    }

    private string EfficiencySource(string stack) =>
        SameKernelsAs.TryGetValue(stack, out var other) && Stacks.Contains(other, StringComparer.Ordinal) ? other : stack;

    private string EfficiencyPrefix(string prefix) => prefix.Length == 0 ? prefix : EfficiencySource(prefix[..^1]) + "/";

    private static void AddStack(List<ParameterSpec> list, string? stack, EfficiencyProfile p, bool ownEfficiencies = true)
    {
        if (ownEfficiencies)
        {
            list.Add(new("bandwidthEfficiency", stack, 0.1, 1, p.BandwidthEfficiency, stack is null ? 1.0 : 0.5));
            list.Add(new("computeEfficiency", stack, 0.1, 1, p.ComputeEfficiency, stack is null ? 1.0 : 0.5));
        }

        // A layer's fixed cost is its kernels' launches and synchronisation: about ten kernels of a few µs each, so at most ~50 µs for
        // a compiled or graph-launched stack. Only stacks whose priors say they launch op by op from Python (eager PyTorch,
        // Hugging Face transformers: priors of 140–150 µs) may go beyond that; the bound is 4 × the prior, at least 50 µs.
        var layerPrior = Math.Max(0.1, p.LayerOverhead.Microseconds);
        // Static per-layer and per-step overheads trade off against each other on few cases; priors of width e (log-width 1) keep
        // each near its physical scale, and a step's host work (sampling, scheduling, Python) stays below 10 ms.
        list.Add(new("layerOverheadMicroseconds", stack, 0.1, Math.Min(500, Math.Max(50, 4 * layerPrior)), layerPrior, 1.0));
        list.Add(new("stepOverheadMilliseconds", stack, 0.001, 10, Math.Clamp(p.StepOverhead.Milliseconds, 0.001, 10), 1.0));
        if (ownEfficiencies)
        {
            list.Add(new("sequenceOverheadMicroseconds", stack, 0.01, 500, Math.Max(0.01, p.SequenceOverhead.Microseconds), stack is null ? 2.0 : 1.5));
            list.Add(new("kvReadEfficiency", stack, 0.1, 1.25, p.KvReadEfficiency, stack is null ? 0.5 : 0.7));
        }

        list.Add(new("iterationOverheadMilliseconds", stack, 0.01, 20, Math.Max(0.01, p.IterationOverhead.Milliseconds), stack is null ? 1.5 : 1.0));
        list.Add(new("streamingSequenceOverheadMicroseconds", stack, 0.1, 500, Math.Max(0.1, p.StreamingSequenceOverhead.Microseconds), stack is null ? 1.5 : 1.0));

        // The routed layer's extra kernels (docs/roofline.md, "Per-layer cost of a routed layer"): five to eight small kernels of
        // 5–10 µs each, so 20–80 µs, bounded to what kernels can take. Each stack has its own MoE kernel family (TensorRT-LLM's CUTLASS
        // MoE, SGLang's and vLLM's fused Triton / DeepGEMM kernels), so each stack keeps its own value, pulled toward the generic one.
        list.Add(new("moeLayerOverheadMicroseconds", stack, 5, 150, p.MoeLayerOverhead.Microseconds > 0 ? Math.Clamp(p.MoeLayerOverhead.Microseconds, 5, 150) : 40, 0.5));
    }

    /// <summary>A stack parameter's reference: the generic value times the stack's prior ÷ the generic prior (the generic parameters come first, in <see cref="StackParameters"/> order).</summary>
    private double PriorMultiple(double genericValue, ParameterSpec stackParameter) =>
        genericValue * stackParameter.Prior / Parameters[Array.IndexOf(StackParameters, stackParameter.Name)].Prior;

    private static double Sigmoid(double u) => 1 / (1 + Math.Exp(-u));
}

/// <summary>One fitted parameter: name, owning stack (null = generic or shared), bounds, prior value and prior width in natural-log units.</summary>
internal sealed record ParameterSpec(string Name, string? Stack, double Lower, double Upper, double Prior, double Sigma)
{
    public string FullName => Stack is null ? Name : Stack + "." + Name;
}
