using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Pricing;
using TokenCost.Quantities;

namespace TokenCost.Economics.Batching;

/// <summary>
/// Queueing models of a deployment under Poisson arrivals, with every step time from the roofline estimator.
/// </summary>
/// <remarks>
/// <para>This type is stateless and thread-safe. Arrivals are split evenly over replicas (rate λ each).</para>
/// <para><b>Continuous batching</b> — M/G/c with c = slots, Allen–Cunneen approximation: Wq ≈ Wq(M/M/c) × (1 + c_s²) ÷ 2, with
/// Wq(M/M/c) = C(c, a) ÷ (c ÷ S − λ), C the Erlang-C probability of waiting and a = λS. Service S = prefill(1 sequence) + (output − 1) ×
/// TPOT, where TPOT is the decode step at the mean occupancy n = λS (fixed point) divided by (1 − λ × prefill), the share of time
/// prefills of arriving requests stall decoding. Capacity λ* solves λ·(P + D ÷ (1 − λP)) = c (P prefill, D decode time at c sequences). Waiting time tail: P(W &gt; t) = C·exp(−t·C ÷ Wq). Occupancy percentiles for TPOT:
/// Poisson(a) truncated at c (the Erlang busy-server distribution). c_s² = 1 for exponential output lengths, 0 for fixed.</para>
/// <para><b>Static batching</b> — gated batch service: the server takes everything waiting (up to the batch limit b) and runs it to the
/// end. The typical batch k solves k = clamp(⌈λ·T(k)⌉, 1, b); T(k) = prefill(k) + (output − 1) × H_k × TPOT(k) for exponential output
/// lengths (the batch lasts as long as its longest sequence; H_k is the k-th harmonic number) or (output − 1) × TPOT(k) for fixed lengths.
/// A request waits for the residual of the running batch: P(busy) = min(1, λT(k) ÷ k), residual uniform on [0, T(k)].
/// Capacity b ÷ T(b). Both are approximations; see docs/economics.md.</para>
/// </remarks>
public static class ServingUnderLoad
{
    /// <summary>Analyzes a deployment at an arrival rate.</summary>
    /// <param name="context">The pricing context whose roofline estimator (serving profiles) times the steps.</param>
    /// <param name="configuration">The deployment.</param>
    /// <param name="inputTokens">Prompt tokens per request, ≥ 1.</param>
    /// <param name="outputTokens">Output tokens per request (the mean when lengths vary), ≥ 1.</param>
    /// <param name="slots">Sequences per replica that fit (see <see cref="KvCacheAllocation"/>), ≥ 1.</param>
    /// <param name="requestsPerSecond">Arrivals per second for the whole deployment, ≥ 0.</param>
    /// <param name="policy">The batching policy.</param>
    /// <param name="variableOutputLengths">Whether output lengths are exponentially distributed (true) or all equal (false).</param>
    /// <returns>The load estimate.</returns>
    public static LoadEstimate Analyze(PricingContext context, DeploymentConfiguration configuration, int inputTokens, int outputTokens, int slots, double requestsPerSecond, BatchingPolicy policy, bool variableOutputLengths = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(configuration);
        Guard.Positive(inputTokens);
        Guard.Positive(outputTokens);
        Guard.Positive(slots);
        Guard.NonNegativeFinite(requestsPerSecond);
        var steps = new StepTimes(context.Estimator, configuration, inputTokens, outputTokens);
        var lambda = requestsPerSecond / configuration.Replicas;
        return policy == BatchingPolicy.Continuous
            ? Continuous(steps, configuration.Replicas, slots, lambda, variableOutputLengths)
            : Static(steps, configuration.Replicas, slots, lambda, variableOutputLengths);
    }

    /// <summary>Finds the largest arrival rate whose p90 TTFT and p90 TPOT meet the limits (bisection; the latencies rise with load).</summary>
    /// <param name="context">The pricing context whose roofline estimator (serving profiles) times the steps.</param>
    /// <param name="configuration">The deployment.</param>
    /// <param name="inputTokens">Prompt tokens per request, ≥ 1.</param>
    /// <param name="outputTokens">Output tokens per request, ≥ 1.</param>
    /// <param name="slots">Sequences per replica, ≥ 1.</param>
    /// <param name="policy">The batching policy.</param>
    /// <param name="maxTimeToFirstTokenP90">The p90 TTFT limit.</param>
    /// <param name="maxTimePerOutputTokenP90">The p90 TPOT limit.</param>
    /// <param name="variableOutputLengths">Whether output lengths are exponentially distributed.</param>
    /// <returns>The largest rate in requests per second for the whole deployment (0 when even a lone request misses the limits).</returns>
    public static double MaxRequestsPerSecond(PricingContext context, DeploymentConfiguration configuration, int inputTokens, int outputTokens, int slots, BatchingPolicy policy, TimeInterval maxTimeToFirstTokenP90, TimeInterval maxTimePerOutputTokenP90, bool variableOutputLengths = true)
    {
        bool Meets(double rate)
        {
            var e = Analyze(context, configuration, inputTokens, outputTokens, slots, rate, policy, variableOutputLengths);
            return e.Stable && e.TimeToFirstTokenP90 <= maxTimeToFirstTokenP90 && e.TimePerOutputTokenP90 <= maxTimePerOutputTokenP90;
        }

        var capacity = Analyze(context, configuration, inputTokens, outputTokens, slots, 0, policy, variableOutputLengths).CapacityRequestsPerSecond;
        if (!Meets(capacity * 1e-9))
        {
            return 0;
        }

        double lo = capacity * 1e-9, hi = capacity;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (Meets(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static LoadEstimate Continuous(StepTimes steps, int replicas, int slots, double lambda, bool variable)
    {
        var prefill = steps.Prefill(1);
        var stall = lambda * prefill;
        // Capacity λ* solves λ·(P + D ÷ (1 − λP)) = c with P the prefill and D the decode time at full slots:
        // P²λ² − (P + D + cP)λ + c = 0, smaller root.
        var d = (steps.Output - 1) * steps.Tpot(slots);
        var bq = prefill + d + (slots * prefill);
        var capacity = (bq - Math.Sqrt(Math.Max(0, (bq * bq) - (4 * prefill * prefill * slots)))) / (2 * prefill * prefill);
        double Service(double n, double s) => prefill + ((steps.Output - 1) * steps.Tpot(n) / (1 - s));
        var result = new LoadEstimate
        {
            Policy = BatchingPolicy.Continuous,
            RequestsPerSecond = lambda * replicas,
            Slots = slots,
            CapacityRequestsPerSecond = capacity * replicas,
            MeanSequencesInFlight = 0,
            MeanQueueDelay = null,
            TimeToFirstTokenP50 = null,
            TimeToFirstTokenP90 = null,
            TimePerOutputTokenP50 = null,
            TimePerOutputTokenP90 = null,
        };
        if (stall >= 1)
        {
            return result with { MeanSequencesInFlight = slots };
        }

        // Fixed point n = λ·S(n), capped at the slots.
        var n = 1.0;
        var service = Service(n, stall);
        for (var i = 0; i < 100; i++)
        {
            service = Service(Math.Clamp(n, 1, slots), stall);
            var next = Math.Min(slots, lambda * service);
            if (Math.Abs(next - n) < 1e-9)
            {
                break;
            }

            n = next;
        }

        result = result with { MeanSequencesInFlight = Math.Min(slots, lambda * service) };
        var a = lambda * service;
        if (a >= slots || lambda >= capacity)
        {
            return result;
        }

        var erlangC = Queueing.ErlangC(slots, a);
        var cs2 = variable ? 1.0 : 0.0;
        var wq = erlangC / ((slots / service) - lambda) * (1 + cs2) / 2;
        double Wait(double p) => wq <= 0 || erlangC <= 1 - p ? 0 : wq / erlangC * Math.Log(erlangC / (1 - p));
        var tpot50 = steps.Tpot(Math.Max(1, Queueing.TruncatedPoissonQuantile(a, slots, 0.5))) / (1 - stall);
        var tpot90 = steps.Tpot(Math.Max(1, Queueing.TruncatedPoissonQuantile(a, slots, 0.9))) / (1 - stall);
        return result with
        {
            MeanQueueDelay = TimeInterval.FromSeconds(wq),
            TimeToFirstTokenP50 = TimeInterval.FromSeconds(Wait(0.5) + prefill),
            TimeToFirstTokenP90 = TimeInterval.FromSeconds(Wait(0.9) + prefill),
            TimePerOutputTokenP50 = TimeInterval.FromSeconds(tpot50),
            TimePerOutputTokenP90 = TimeInterval.FromSeconds(tpot90),
        };
    }

    private static LoadEstimate Static(StepTimes steps, int replicas, int slots, double lambda, bool variable)
    {
        double Duration(int k) => steps.Prefill(k) + ((steps.Output - 1) * (variable ? Queueing.Harmonic(k) : 1) * steps.Tpot(k));
        var capacity = slots / Duration(slots);
        var k = 1;
        for (var i = 0; i < 64; i++)
        {
            var next = (int)Math.Clamp(Math.Ceiling(lambda * Duration(k)), 1, slots);
            if (next == k)
            {
                break;
            }

            k = next;
        }

        var t = Duration(k);
        var stable = lambda < capacity;
        var busy = Math.Min(1, lambda * t / k);
        double Wait(double p) => busy <= 1 - p ? 0 : t * (1 - ((1 - p) / busy));
        var tpot = steps.Tpot(k);
        return new LoadEstimate
        {
            Policy = BatchingPolicy.Static,
            RequestsPerSecond = lambda * replicas,
            Slots = slots,
            CapacityRequestsPerSecond = capacity * replicas,
            MeanSequencesInFlight = k * busy,
            MeanQueueDelay = stable ? TimeInterval.FromSeconds(busy * t / 2) : null,
            TimeToFirstTokenP50 = stable ? TimeInterval.FromSeconds(Wait(0.5) + steps.Prefill(k)) : null,
            TimeToFirstTokenP90 = stable ? TimeInterval.FromSeconds(Wait(0.9) + steps.Prefill(k)) : null,
            TimePerOutputTokenP50 = stable ? TimeInterval.FromSeconds(tpot) : null,
            TimePerOutputTokenP90 = stable ? TimeInterval.FromSeconds(tpot) : null,
        };
    }

    /// <summary>Step times from the estimator, cached per batch.</summary>
    private sealed class StepTimes(RooflineEstimator estimator, DeploymentConfiguration configuration, int input, int output)
    {
        private readonly Dictionary<int, double> _tpot = [];
        private readonly Dictionary<int, double> _prefill = [];

        public int Output => output;

        public double Prefill(int batch)
        {
            if (!_prefill.TryGetValue(batch, out var t))
            {
                t = estimator.Forward(configuration, batch, input, 0).Time.Seconds;
                _prefill[batch] = t;
            }

            return t;
        }

        /// <summary>Decode step at the mid-generation context, linearly interpolated between integer batches.</summary>
        public double Tpot(double batch)
        {
            var lo = Math.Max(1, (int)Math.Floor(batch));
            var hi = Math.Max(1, (int)Math.Ceiling(batch));
            var f = batch - lo;
            return hi == lo ? At(lo) : ((1 - f) * At(lo)) + (f * At(hi));
        }

        private double At(int batch)
        {
            if (!_tpot.TryGetValue(batch, out var t))
            {
                t = estimator.Forward(configuration, batch, 1, input + (output / 2.0)).Time.Seconds;
                _tpot[batch] = t;
            }

            return t;
        }
    }
}
