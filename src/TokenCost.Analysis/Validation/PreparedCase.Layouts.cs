using TokenCost.Estimation;
using TokenCost.Serving;
using TokenCost.Serving.Layouts;
using TokenCost.Speculative;

namespace TokenCost.Validation;

// Layout tags (expert_parallel, attention_dp, disagg) mapped onto ServingLayout and the disaggregated solver
// (docs/roofline.md, "MoE serving layouts").
internal sealed partial class PreparedCase
{
    /// <summary>Gets the prefill pool of a disaggregated case (then <see cref="Target"/> is the decode pool), or null.</summary>
    public DeploymentConfiguration? PrefillPool { get; private init; }

    /// <summary>The layout of a (non-disaggregated) replica from the tags: EP from <c>expert_parallel</c>, DP attention from <c>attention_dp</c>.</summary>
    internal static ServingLayout LayoutOf(CaseTags tags) => tags.DecodePool is { } decode
        ? LayoutOf(decode)
        : new ServingLayout { ExpertParallel = tags.ExpertParallel ?? 1, AttentionDataParallel = tags.AttentionDataParallel };

    private static ServingLayout LayoutOf(DisaggregatedPool pool) =>
        new() { ExpertParallel = pool.ExpertParallel, AttentionDataParallel = pool.AttentionDataParallel };

    /// <summary>
    /// For a <c>disagg</c> case: makes <paramref name="config"/> the decode pool (its devices, TP and layout) and returns the prefill
    /// pool; null (and <paramref name="config"/> unchanged) otherwise.
    /// </summary>
    private static DeploymentConfiguration? DisaggregatedPools(ValidationCase c, ref DeploymentConfiguration config)
    {
        if (c.Tags.PrefillPool is not { } p || c.Tags.DecodePool is not { } d)
        {
            return null;
        }

        config = config with { Devices = d.Devices, TensorParallel = d.TensorParallel, PipelineParallel = 1, Layout = LayoutOf(d) };
        var prefill = config with { Devices = p.Devices, TensorParallel = p.TensorParallel, Layout = LayoutOf(p) };
        prefill.Validate();
        return prefill;
    }

    /// <summary>
    /// Evaluates a disaggregated case: the closed loop's clients over both pools, the decode step (with MTP / speculative drafting where
    /// the case uses it) in the decode pool, prefill and KV transfer in TTFT; per-device figures count the devices of both pools.
    /// </summary>
    private double EvaluateDisaggregated(EfficiencyProfile profile, out Bound bound)
    {
        var c = Case;
        if (MaxBatchedTokens is int budget)
        {
            profile = profile with { MaxBatchedTokens = budget };
        }

        var fraction = (1 + LengthRangeRatio) / 2;
        var input = Input * fraction;
        var output = Math.Max(1, Output * fraction);
        var context = input + (output / 2);
        var cb = profile.ForContinuousBatching();
        var decode = Target;
        var draft = Draft;
        double Step(double running)
        {
            var group = new SequenceGroup(running, 1, context);
            var plain = RooflineEstimator.Iteration(decode, group, default, cb).Time.Seconds;
            if (draft is null)
            {
                return plain;
            }

            var drafting = RooflineEstimator.Iteration(draft, group, default, cb).Time.Seconds;
            var verify = RooflineEstimator.Iteration(decode, new SequenceGroup(running, DraftTokens + 1, context), default, cb).Time.Seconds;
            return ((DraftTokens * drafting) + verify) / SpeculativeDecoding.ExpectedTokensPerStep(Acceptance, DraftTokens);
        }

        var clients = c.Batch ?? (double)Target.Replicas * profile.MaxBatch;
        var s = DisaggregatedSolver.Solve(PrefillPool!, decode, profile, clients, input, output, Step);
        bound = RooflineEstimator.Iteration(decode, new SequenceGroup(Math.Max(1e-3, s.DecodingPerReplica), 1, context), default, cb).Bound;
        var devices = (double)decode.Devices + PrefillPool!.Devices;
        switch (c.Metric)
        {
            case CaseMetric.OutputTokensPerSecond:
                return s.RequestsPerSecond * output;
            case CaseMetric.OutputTokensPerSecondPerDevice:
                return s.RequestsPerSecond * output / devices;
            case CaseMetric.TotalTokensPerSecondPerDevice:
                return s.RequestsPerSecond * (input + output) / devices;
            case CaseMetric.OutputTokensPerSecondPerUser:
                return c.Tags.Timebase == RateTimebase.EndToEnd ? output / (s.TtftSeconds + ((output - 1) * s.TpotSeconds)) : 1 / s.TpotSeconds;
            case CaseMetric.TimePerOutputToken:
                return s.TpotSeconds * 1000;
            case CaseMetric.TimeToFirstToken:
                return s.TtftSeconds * 1000;
            case CaseMetric.EndToEndLatency:
                return (s.TtftSeconds + ((output - 1) * s.TpotSeconds)) * 1000;
            default:
                throw new InvalidOperationException($"metric {c.Metric} is not modelled for a disaggregated deployment");
        }
    }
}
