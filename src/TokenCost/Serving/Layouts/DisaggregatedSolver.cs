using TokenCost.Estimation;

namespace TokenCost.Serving.Layouts;

/// <summary>
/// Solves a disaggregated prefill/decode deployment under a closed loop of clients (docs/roofline.md, "MoE serving layouts"): the
/// prefill pool runs only prefill iterations, the decode pool only decode iterations, and each request's KV cache crosses the link
/// between them before its first decode.
/// </summary>
/// <remarks>
/// <para>Prefill: a worker batches k = max(1, ⌊budget ÷ I⌋) prompts per iteration of time Tₚ(k); the pool takes at most
/// Cₚ = replicasₚ × k ÷ Tₚ(k) requests/s. A request's TTFT = Tₚ(1) + the M/D/1 wait ρ ÷ (2(1 − ρ)) × Tₚ(k) (ρ = X ÷ Cₚ) + the KV transfer.</para>
/// <para>Decode: D sequences per decode replica, TPOT = the decode step at D; closed loop X = N ÷ (TTFT + (O − 1) × TPOT) and
/// D = X (O − 1) TPOT ÷ replicas_d (capped by the KV memory). When X would exceed Cₚ the prefill pool limits: X = Cₚ and the
/// clients wait in its queue (TTFT = N ÷ X − (O − 1) TPOT). The throughput is therefore min(prefill rate, decode rate).</para>
/// </remarks>
internal static class DisaggregatedSolver
{
    private const int Rounds = 80;

    /// <summary>Solves the steady state.</summary>
    /// <param name="prefill">The prefill pool (all its devices).</param>
    /// <param name="decode">The decode pool (all its devices).</param>
    /// <param name="profile">The efficiency profile.</param>
    /// <param name="clients">Closed-loop clients of the whole deployment.</param>
    /// <param name="input">Mean prompt tokens.</param>
    /// <param name="output">Mean output tokens.</param>
    /// <param name="decodeStepSeconds">Seconds per output token of one decode replica at a given number of decoding sequences.</param>
    public static DisaggregatedSteadyState Solve(DeploymentConfiguration prefill, DeploymentConfiguration decode, EfficiencyProfile profile, double clients, double input, double output, Func<double, double> decodeStepSeconds)
    {
        ArgumentNullException.ThrowIfNull(decodeStepSeconds);
        var cb = profile.ForContinuousBatching();
        var prompt = Math.Max(1, (int)Math.Round(input));
        var k = Math.Max(1, profile.MaxBatchedTokens / prompt);
        var batchPrefill = RooflineEstimator.Forward(prefill, k, prompt, 0, cb).Time.Seconds;
        var onePrefill = RooflineEstimator.Forward(prefill, 1, prompt, 0, cb).Time.Seconds;
        var capacity = prefill.Replicas * k / batchPrefill;
        var transfer = KvTransferSeconds(prefill, decode, input, profile);
        var replicas = (double)decode.Replicas;
        var memory = RooflineEstimator.PlanMemory(decode, (int)Math.Max(1, Math.Ceiling(profile.AdmissionContext(input, output))), 1, profile).MaxBatch;
        if (memory < 1)
        {
            throw new ArgumentException($"the weights of {decode.Model.Id} leave no memory for a KV cache on the decode pool's {decode.Hardware.Id}.", nameof(decode));
        }

        var slots = Math.Min(memory, profile.MaxBatch);
        var perReplica = clients / replicas;
        var steps = Math.Max(1, output - 1);
        var decoding = Math.Min(perReplica, slots);
        var tpot = decodeStepSeconds(decoding);
        var x = Math.Min(capacity, clients / (onePrefill + transfer + (steps * tpot)));
        double ttft = onePrefill + transfer;
        var limited = false;
        for (var round = 0; round < Rounds; round++)
        {
            decoding = Math.Clamp(x * steps * tpot / replicas, Math.Min(perReplica, 1e-3), Math.Min(perReplica, slots));
            tpot = decodeStepSeconds(decoding);
            var rho = Math.Min(0.98, x / capacity);
            ttft = onePrefill + (rho / (2 * (1 - rho)) * batchPrefill) + transfer;
            var decodeRate = replicas * Math.Min(perReplica, slots) / (steps * tpot);
            var next = Math.Min(clients / (ttft + (steps * tpot)), decodeRate);
            limited = next >= capacity;
            next = Math.Min(next, capacity);
            x = (0.5 * x) + (0.5 * next);
        }

        // Clients that neither decode nor prefill wait: in the prefill queue, or for a decode slot.
        ttft = Math.Max(ttft, (clients / x) - (steps * tpot));

        if (profile.SynchronizedArrivalFraction > 0)
        {
            // A synchronized wave (docs/roofline.md, "Disaggregated prefill and decode"): the clients' prompts arrive at once and the
            // prefill pool works through them k per worker and iteration, all workers in parallel; the j-th prompt's first token comes
            // after ⌈j ÷ (replicasₚ·k)⌉ iterations of Tₚ(k), on average (n + 1) ÷ 2 of the n = wave ÷ (replicasₚ·k), plus its KV transfer.
            var wave = Math.Min(clients, replicas * slots);
            var waveTtft = (batchPrefill * (Math.Max(1, wave / (prefill.Replicas * k)) + 1) / 2) + transfer;
            var steadyLatency = ttft + (steps * tpot);
            ttft = ((1 - profile.SynchronizedArrivalFraction) * ttft) + (profile.SynchronizedArrivalFraction * Math.Max(ttft, waveTtft));

            // Little's law over the whole run: time spent waiting in waves is time the clients do not send requests.
            x *= steadyLatency / (ttft + (steps * tpot));
        }
        return new DisaggregatedSteadyState
        {
            TpotSeconds = tpot,
            TtftSeconds = ttft,
            KvTransferSeconds = transfer,
            RequestsPerSecond = x,
            PrefillCapacityRequestsPerSecond = capacity,
            DecodingPerReplica = decoding,
            BalancedPrefillReplicas = x / (capacity / prefill.Replicas),
            PrefillLimited = limited,
        };
    }

    /// <summary>
    /// Seconds to move one request's KV cache (prompt × layers × KV elements per token per layer, unsharded, × KV bytes) from a prefill
    /// worker to a decode worker: the devices of the smaller worker send in parallel, each at its scale-up link when both pools fit one
    /// scale-up domain, else at its scale-out link (per direction), plus one collective latency.
    /// </summary>
    public static double KvTransferSeconds(DeploymentConfiguration prefill, DeploymentConfiguration decode, double input, EfficiencyProfile profile)
    {
        var m = decode.Model;
        var bytes = m.CachedTokenLayers(input) * m.KvElementsPerTokenPerLayer * decode.KvCache.BytesPerElement;
        var lanes = Math.Min(prefill.DevicesPerReplica, decode.DevicesPerReplica);
        var span = prefill.Devices + decode.Devices;
        var link = RooflineEstimator.LayoutLinkPerDirection(decode, span) * profile.InterconnectEfficiency;
        return profile.CollectiveLatency.Seconds + (bytes / (lanes * link));
    }
}
