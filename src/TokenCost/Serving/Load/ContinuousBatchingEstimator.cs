using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Serving.Load;

/// <summary>
/// Estimates a deployment under a load with a steady-state model of a continuous-batching engine: each iteration decodes the running
/// sequences and processes up to a budget of prefill tokens (chunked prefill), its time from the roofline operators on the mixed batch.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. A short damped fixed-point iteration (at most <see cref="MaxIterations"/> rounds of two
/// roofline steps) gives one operating point in microseconds. The derivation is in docs/roofline.md, "Serving under load".</para>
/// <para>Per replica: requests complete at rate X; prefill tokens arrive at P = X × T × I per iteration (T the mean iteration time,
/// I the mean prompt); a fraction f = P ÷ s of iterations carry a chunk of s = clamp(P, min(I, budget), budget) tokens, the rest only decode.
/// TPOT = T; TTFT = T ÷ 2 (the running iteration) + the M/D/1 wait for prefill budget + ⌈I ÷ budget⌉ mixed iterations (+ the wait for a slot
/// when memory or the stack's limit caps the running sequences). Closed loop: X = running ÷ (TTFT + (O − 1) × TPOT); Poisson: X = λ and
/// running = λ × that time, with an Erlang-C wait for a slot.</para>
/// </remarks>
public sealed partial class ContinuousBatchingEstimator
{
    /// <summary>The largest number of fixed-point rounds per operating point.</summary>
    public static int MaxIterations { get; } = 60;

    /// <summary>Initializes a new instance of the <see cref="ContinuousBatchingEstimator"/> class.</summary>
    /// <remarks>A <see cref="Pricing.PricingContext"/> builds one as its <see cref="Pricing.PricingContext.LoadEstimator"/>.</remarks>
    /// <param name="estimator">The roofline estimator whose profiles and operators are used.</param>
    public ContinuousBatchingEstimator(RooflineEstimator estimator) => Estimator = Guard.NotNull(estimator);

    /// <summary>Gets the roofline estimator in use.</summary>
    public RooflineEstimator Estimator { get; }

    /// <summary>Estimates a deployment serving a workload under a load.</summary>
    /// <param name="configuration">The deployment.</param>
    /// <param name="workload">The workload: nominal prompt and output tokens per request (its batch is used only by <see cref="LoadKind.Static"/>).</param>
    /// <param name="load">The load.</param>
    /// <returns>The loaded estimate.</returns>
    /// <exception cref="ArgumentException">The configuration is inconsistent, or its weights leave no memory for a KV cache under a continuous-batching load.</exception>
    public LoadedEstimate Estimate(DeploymentConfiguration configuration, Workload workload, ServingLoad load)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(load);
        configuration.Validate();
        if (load.Kind == LoadKind.Static)
        {
            return FromStatic(Estimator.Estimate(configuration, workload), load);
        }

        var profile = Estimator.ProfileFor(configuration);
        var input = workload.InputTokens * load.MeanLengthFraction;
        var output = Math.Max(1, workload.OutputTokens * load.MeanLengthFraction);
        var replicas = configuration.Replicas;
        var amount = load.Kind switch
        {
            LoadKind.Closed => Math.Ceiling((double)load.Concurrency!.Value / replicas),
            LoadKind.Poisson => load.RequestsPerSecond!.Value / replicas,
            _ => 0,
        };
        var s = Solve(configuration, profile, load.Kind, amount, input, output, load.LengthRangeRatio);
        var running = Math.Max(1, (int)Math.Round(s.Running));
        var staticEstimate = Estimator.Estimate(configuration, workload with { Batch = running });
        var warnings = new List<string>(staticEstimate.Warnings.Where(w => !w.StartsWith("batch ", StringComparison.Ordinal)));
        if (s.KvLimited)
        {
            warnings.Add(FormattableString.Invariant($"KV-cache memory holds {s.MaxRunning} sequences per replica at the mean context of {input + (output / 2):F0} tokens: further requests wait for a slot."));
        }

        if (s.Saturated)
        {
            warnings.Add(FormattableString.Invariant($"arrivals exceed the capacity of {s.RequestsPerSecond * replicas:G4} requests/s: the queue grows without bound; figures are at capacity."));
        }

        Power? power = null;
        if (configuration.Hardware.ThermalDesignPower is { } tdp)
        {
            var pMix = Estimator.Profiles.Power.Estimate(tdp, s.Mixed.BandwidthUtilization, s.Mixed.ComputeUtilization);
            var pDec = Estimator.Profiles.Power.Estimate(tdp, s.Decode.BandwidthUtilization, s.Decode.ComputeUtilization);
            var mixShare = s.PrefillFraction * s.Mixed.Time.Seconds / s.IterationSeconds;
            power = (pMix * mixShare) + (pDec * (1 - mixShare));
        }

        return new LoadedEstimate
        {
            Load = load,
            Static = staticEstimate,
            MeanInputTokens = input,
            MeanOutputTokens = output,
            RunningSequences = running,
            DecodingSequences = s.Decoding,
            MaxRunningSequences = s.MaxRunning,
            KvCacheLimited = s.KvLimited,
            Saturated = s.Saturated,
            IterationTime = TimeInterval.FromSeconds(s.IterationSeconds),
            DecodeIterationTime = s.Decode.Time,
            MixedIterationTime = s.Mixed.Time,
            PrefillIterationFraction = s.PrefillFraction,
            MeanTimePerOutputToken = TimeInterval.FromSeconds(s.TpotSeconds),
            MedianTimePerOutputToken = TimeInterval.FromSeconds(s.TpotSeconds),
            MeanTimeToFirstToken = TimeInterval.FromSeconds(s.TtftSeconds),
            RequestsPerSecondPerReplica = s.RequestsPerSecond,
            AveragePowerPerDevice = power,
            Bound = s.PrefillFraction * s.Mixed.Time.Seconds > (1 - s.PrefillFraction) * s.Decode.Time.Seconds ? s.Mixed.Bound : s.Decode.Bound,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// Solves the steady state of one replica. <paramref name="amount"/> is the closed loop's clients per replica, or the Poisson arrival
    /// rate per replica in requests/s (ignored for offline). <paramref name="input"/> and <paramref name="output"/> are mean lengths.
    /// With a <paramref name="draft"/> (self-speculative decoding, e.g. DeepSeek's MTP module) every decode iteration first drafts
    /// <paramref name="draftTokens"/> tokens per decoding sequence with the drafter, then verifies them in the iteration's forward pass
    /// (1 + γ new tokens per decoding sequence), and each sequence gains (1 − α^(γ+1)) ÷ (1 − α) tokens per iteration
    /// (docs/roofline.md, "Speculative decoding under load").
    /// </summary>
    internal static SteadyState Solve(DeploymentConfiguration c, EfficiencyProfile profile, LoadKind kind, double amount, double input, double output, double lengthRangeRatio = 1, DeploymentConfiguration? draft = null, int draftTokens = 0, double acceptance = 0)
    {
        var cb = profile.ForContinuousBatching(streaming: kind != LoadKind.Offline);
        var gamma = draft is null ? 0 : Math.Max(1, draftTokens);
        var perIteration = draft is null ? 1.0 : Speculative.SpeculativeDecoding.ExpectedTokensPerStep(acceptance, gamma);
        // The drafter runs inside the same captured iteration: its kernels cost their roofline time plus the routed-layer floor, no host overhead.
        var draftProfile = cb with { StepOverhead = TimeInterval.Zero, SequenceOverhead = TimeInterval.Zero };
        double DraftSeconds(double sequences, double context) => draft is null ? 0
            : gamma * RooflineEstimator.Iteration(draft, new SequenceGroup(sequences, 1, context), default, draftProfile).Time.Seconds;
        var prompt = Math.Max(1, input);
        var decodeContext = input + (output / 2);
        var memoryLimit = RooflineEstimator.PlanMemory(c, (int)Math.Max(1, Math.Ceiling(profile.AdmissionContext(input, output))), 1, profile).MaxBatch;
        if (memoryLimit < 1)
        {
            throw new ArgumentException($"the weights of {c.Model.Id} leave no memory for a KV cache on {c.Hardware.Id} with this layout, so no sequence can run.", nameof(c));
        }

        var cap = (double)Math.Min(memoryLimit, profile.MaxBatch);
        var decodeSteps = Math.Max(0, output - 1) / perIteration;
        var clients = kind switch
        {
            LoadKind.Closed => amount,
            LoadKind.Offline => cap,
            _ => double.PositiveInfinity,
        };
        var lambda = kind == LoadKind.Poisson ? amount : 0;
        var running = kind == LoadKind.Poisson ? 1 : Math.Min(clients, cap);

        // Start from a pure decode with one prefill per request cycle.
        var dec = RooflineEstimator.Iteration(c, new SequenceGroup(running, 1 + gamma, decodeContext), default, cb);
        var mixed = RooflineEstimator.Iteration(c, new SequenceGroup(running, 1 + gamma, decodeContext), new SequenceGroup(1, Math.Min(prompt, profile.MaxBatchedTokens), 0), cb);
        var iteration = dec.Time.Seconds + DraftSeconds(running, decodeContext);
        var x = kind == LoadKind.Poisson ? lambda : running / (mixed.Time.Seconds + (decodeSteps * iteration));
        double f = 0, ttftSlot = mixed.Time.Seconds, decoding = running, slotTime = ttftSlot + (decodeSteps * iteration);
        for (var round = 0; round < MaxIterations; round++)
        {
            decoding = Math.Clamp(running - (x * ttftSlot), Math.Min(running, 1e-3), running);
            var budget = Math.Max(1, profile.MaxBatchedTokens - (decoding * (1 + gamma)));
            var demand = x * iteration * prompt;
            var chunk = Math.Clamp(demand, Math.Min(prompt, budget), budget);
            f = Math.Min(1, demand / chunk);
            var prefill = prompt <= budget
                ? new SequenceGroup(chunk / prompt, prompt, 0)
                : new SequenceGroup(1, chunk, Math.Max(0, (prompt - chunk) / 2));
            var decodeGroup = new SequenceGroup(decoding, 1 + gamma, decodeContext);
            dec = RooflineEstimator.Iteration(c, decodeGroup, default, cb);
            mixed = RooflineEstimator.Iteration(c, decodeGroup, prefill, cb);
            var newIteration = (f * mixed.Time.Seconds) + ((1 - f) * dec.Time.Seconds) + DraftSeconds(decoding, decodeContext);
            var rho = Math.Min(0.98, demand / budget);
            var budgetWait = rho / (2 * (1 - rho)) * mixed.Time.Seconds;
            var chunks = Math.Max(1, prompt / budget);
            ttftSlot = (newIteration / 2) + budgetWait + (chunks * mixed.Time.Seconds);
            slotTime = ttftSlot + (decodeSteps * newIteration);
            double change;
            if (kind == LoadKind.Poisson)
            {
                // Little's law; the slot time depends only weakly on the running sequences, so plain substitution converges (damped
                // only once the occupancy nears the slots, where the iteration could oscillate).
                var newRunning = Math.Min(cap, lambda * slotTime);
                change = Math.Abs(newRunning - running) / Math.Max(running, 1e-9);
                running = newRunning > 0.9 * cap ? (0.5 * running) + (0.5 * newRunning) : newRunning;
            }
            else
            {
                var newX = running / slotTime;
                change = Math.Abs(newX - x) / x;
                x = (0.5 * x) + (0.5 * newX);
            }

            change = Math.Max(change, Math.Abs(newIteration - iteration) / iteration);
            iteration = newIteration;
            if (change < 1e-5)
            {
                break;
            }
        }

        var ttft = ttftSlot;
        var saturated = false;
        if (kind == LoadKind.Poisson)
        {
            var offered = lambda * slotTime;
            if (offered >= cap * 0.999)
            {
                saturated = true;
                x = cap / slotTime;
            }
            else
            {
                // Erlang-C wait for a slot (Allen–Cunneen: service-time variability of uniformly drawn lengths).
                var r = lengthRangeRatio;
                var cs2 = (1 - r) * (1 - r) / (3 * (1 + r) * (1 + r));
                var servers = (int)Math.Min(int.MaxValue, cap);
                ttft += Economics.Batching.Queueing.ErlangC(servers, offered) * slotTime / (cap - offered) * (1 + cs2) / 2;
            }
        }
        else if (clients > cap)
        {
            // Clients beyond the slots wait for one: the whole loop turns over every clients ÷ X seconds.
            ttft += Math.Max(0, (clients / x) - slotTime);
        }

        if (kind == LoadKind.Closed && profile.SynchronizedArrivalFraction > 0)
        {
            // A synchronized wave: min(clients, slots) prompts arrive at once and are prefilled budget by budget; the k-th gets its
            // first token after ⌈k·I ÷ budget⌉ prefill iterations, on average (n + 1) ÷ 2 of the n = wave tokens ÷ budget.
            var wave = Math.Min(clients, cap);
            var waveTokens = wave * prompt;
            var perIterationTokens = Math.Min(waveTokens, profile.MaxBatchedTokens);
            var waveGroup = prompt <= perIterationTokens
                ? new SequenceGroup(perIterationTokens / prompt, prompt, 0)
                : new SequenceGroup(1, perIterationTokens, Math.Max(0, (prompt - perIterationTokens) / 2));
            var full = RooflineEstimator.Iteration(c, waveGroup, default, cb).Time.Seconds;
            var waveTtft = full * (Math.Max(1, waveTokens / perIterationTokens) + 1) / 2;
            var steadyLatency = ttft + (decodeSteps * iteration);
            ttft = ((1 - profile.SynchronizedArrivalFraction) * ttft) + (profile.SynchronizedArrivalFraction * Math.Max(ttft, waveTtft));

            // Little's law holds over the whole run: the clients' time spent waiting in waves is time they do not send requests.
            x *= steadyLatency / (ttft + (decodeSteps * iteration));
        }

        return new SteadyState
        {
            Running = running,
            Decoding = decoding,
            MaxRunning = (int)cap,
            KvLimited = kind switch
            {
                LoadKind.Closed => clients > memoryLimit,
                LoadKind.Poisson => lambda * slotTime > memoryLimit * 0.999,
                _ => memoryLimit < profile.MaxBatch,
            },
            Saturated = saturated,
            Decode = dec,
            Mixed = mixed,
            PrefillFraction = f,
            IterationSeconds = iteration,
            TpotSeconds = iteration / perIteration,
            TtftSeconds = Guard.Result(ttft),
            RequestsPerSecond = Guard.Result(x),
        };
    }

    private static LoadedEstimate FromStatic(PerformanceEstimate e, ServingLoad load)
    {
        var latency = e.RequestLatency.Seconds;
        return new LoadedEstimate
        {
            Load = load,
            Static = e,
            MeanInputTokens = e.Workload.InputTokens,
            MeanOutputTokens = Math.Max(1, e.Workload.OutputTokens),
            RunningSequences = e.Batch,
            DecodingSequences = e.Batch,
            MaxRunningSequences = e.Memory.MaxBatch,
            KvCacheLimited = !e.Memory.Fits,
            Saturated = false,
            IterationTime = e.Decode.Time,
            DecodeIterationTime = e.Decode.Time,
            MixedIterationTime = e.Prefill.Time,
            PrefillIterationFraction = 0,
            MeanTimePerOutputToken = e.TimePerOutputToken,
            MedianTimePerOutputToken = e.TimePerOutputToken,
            MeanTimeToFirstToken = e.TimeToFirstToken,
            RequestsPerSecondPerReplica = latency > 0 ? e.Batch / latency : 0,
            AveragePowerPerDevice = e.AveragePowerPerDevice,
            Bound = e.Bound,
            Warnings = e.Warnings,
        };
    }
}
