using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Serving.Layouts;

namespace TokenCost.Serving.Load;

/// <content>Disaggregated prefill/decode deployments under a closed loop or an offline run.</content>
public sealed partial class ContinuousBatchingEstimator
{
    /// <summary>
    /// Estimates a disaggregated prefill/decode deployment serving a workload: the prefill pool prefills arriving prompts, each request's
    /// KV cache crosses to the decode pool, which decodes under continuous batching (docs/roofline.md, "MoE serving layouts"; the same
    /// solver predicts the <c>disagg</c> validation cases).
    /// </summary>
    /// <param name="deployment">The two pools.</param>
    /// <param name="workload">The nominal prompt and output tokens per request (its batch is ignored).</param>
    /// <param name="load">A closed loop (clients of the whole deployment) or an offline run (every decode slot busy).</param>
    /// <returns>
    /// The loaded estimate: <see cref="LoadedEstimate.Configuration"/> is the decode pool, <see cref="LoadedEstimate.Disaggregated"/> the
    /// deployment; rates per device count the devices of both pools, the power per device is their mean (the prefill pool busy for the share
    /// of time its prompts need), TTFT includes the prefill queue, the prefill and the KV transfer, and no decode iteration carries prefill.
    /// </returns>
    /// <exception cref="ArgumentException">The deployment is inconsistent, the load is static or Poisson (the disaggregated model is a
    /// closed loop), or the weights leave the decode pool no memory for a KV cache.</exception>
    public LoadedEstimate Estimate(DisaggregatedDeployment deployment, Workload workload, ServingLoad load)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(load);
        deployment.Validate();
        if (load.Kind is not (LoadKind.Closed or LoadKind.Offline))
        {
            throw new ArgumentException($"a disaggregated deployment is modelled under a closed loop or an offline run, not a {load.Kind.ToString().ToLowerInvariant()} load.", nameof(load));
        }

        var decode = deployment.Decode;
        var prefill = deployment.Prefill;
        var profile = Estimator.ProfileFor(decode);
        var cb = profile.ForContinuousBatching(streaming: load.Kind != LoadKind.Offline);
        var input = workload.InputTokens * load.MeanLengthFraction;
        var output = Math.Max(1, workload.OutputTokens * load.MeanLengthFraction);
        var context = input + (output / 2);
        double Step(double running) => RooflineEstimator.Iteration(decode, new SequenceGroup(running, 1, context), default, cb).Time.Seconds;

        var memory = RooflineEstimator.PlanMemory(decode, (int)Math.Max(1, Math.Ceiling(profile.AdmissionContext(input, output))), 1, profile).MaxBatch;
        var slots = Math.Max(0, Math.Min(memory, profile.MaxBatch));
        var clients = load.Kind == LoadKind.Closed ? (double)load.Concurrency!.Value : (double)decode.Replicas * slots;
        var s = DisaggregatedSolver.Solve(prefill, decode, profile, clients, input, output, Step);
        var running = Math.Max(1, (int)Math.Round(s.DecodingPerReplica));
        var staticEstimate = Estimator.Estimate(decode, workload with { Batch = running });
        var decodeStep = RooflineEstimator.Iteration(decode, new SequenceGroup(Math.Max(1e-3, s.DecodingPerReplica), 1, context), default, cb);

        var warnings = new List<string>(staticEstimate.Warnings.Where(w => !w.StartsWith("batch ", StringComparison.Ordinal)));
        var kvLimited = clients / decode.Replicas > slots;
        if (kvLimited)
        {
            warnings.Add(FormattableString.Invariant($"KV-cache memory holds {slots} sequences per decode worker at the mean context of {context:F0} tokens: further requests wait for a slot."));
        }

        var busy = Math.Clamp(s.RequestsPerSecond / s.PrefillCapacityRequestsPerSecond, 0, 1);
        warnings.Add(s.PrefillLimited
            ? FormattableString.Invariant($"the prefill pool's {prefill.Replicas} workers are busy all the time and limit the rate: requests queue for a prefill (more prefill or fewer decode workers would balance the pools).")
            : FormattableString.Invariant($"the prefill pool is busy {busy:P0} of the time ({s.BalancedPrefillReplicas:F1} of its {prefill.Replicas} workers would do); KV transfer {s.KvTransferSeconds * 1000:F1} ms per request."));

        return new LoadedEstimate
        {
            Load = load,
            Static = staticEstimate,
            Disaggregated = deployment,
            PrefillPoolUtilization = busy,
            KvTransferTime = TimeInterval.FromSeconds(s.KvTransferSeconds),
            MeanInputTokens = input,
            MeanOutputTokens = output,
            RunningSequences = running,
            DecodingSequences = s.DecodingPerReplica,
            MaxRunningSequences = slots,
            KvCacheLimited = kvLimited,
            Saturated = false,
            IterationTime = TimeInterval.FromSeconds(s.TpotSeconds),
            DecodeIterationTime = TimeInterval.FromSeconds(s.TpotSeconds),
            MixedIterationTime = TimeInterval.FromSeconds(s.TpotSeconds),
            PrefillIterationFraction = 0,
            MeanTimePerOutputToken = TimeInterval.FromSeconds(s.TpotSeconds),
            MedianTimePerOutputToken = TimeInterval.FromSeconds(s.TpotSeconds),
            MeanTimeToFirstToken = TimeInterval.FromSeconds(s.TtftSeconds),
            RequestsPerSecondPerReplica = s.RequestsPerSecond / decode.Replicas,
            AveragePowerPerDevice = MeanPower(deployment, cb, decodeStep, input, busy),
            Bound = decodeStep.Bound,
            Warnings = warnings,
        };
    }

    // Device-weighted mean board power: the decode pool at its iteration's utilisation, the prefill pool at a batched prefill's when busy
    // and idle otherwise.
    private Power? MeanPower(DisaggregatedDeployment deployment, EfficiencyProfile cb, StepEstimate decodeStep, double input, double prefillBusy)
    {
        if (deployment.Decode.Hardware.ThermalDesignPower is not { } tdp)
        {
            return null;
        }

        var power = Estimator.Profiles.Power;
        var prompt = Math.Max(1, (int)Math.Round(input));
        var prefillStep = RooflineEstimator.Forward(deployment.Prefill, Math.Max(1, cb.MaxBatchedTokens / prompt), prompt, 0, cb);
        var decodePower = power.Estimate(tdp, decodeStep.BandwidthUtilization, decodeStep.ComputeUtilization);
        var prefillPower = (power.Estimate(tdp, prefillStep.BandwidthUtilization, prefillStep.ComputeUtilization) * prefillBusy) + (power.Estimate(tdp, 0, 0) * (1 - prefillBusy));
        double p = deployment.Prefill.Devices, d = deployment.Decode.Devices;
        return (prefillPower * (p / (p + d))) + (decodePower * (d / (p + d)));
    }
}
