using TokenCost.Economics.Curves;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Serving.Layouts;

namespace TokenCost.Economics.Optimization;

/// <content>The layouts the search under load tries: single replicas and disaggregated prefill/decode pools (docs/economics.md, "Layout search").</content>
public static partial class DeploymentOptimizer
{
    /// <summary>
    /// The deployments to search: every configuration (already expanded to its single-replica layouts) and, for each plain tensor-parallel
    /// one, the disaggregated deployments of <see cref="OptimizerSearchSpace.Layouts"/> whose decode pool holds the weights with room for at
    /// least one sequence's KV cache (deployments that cannot run are not counted against the work limit).
    /// </summary>
    private static List<SearchCandidate> Candidates(PricingContext context, List<DeploymentConfiguration> configurations, OptimizerSearchSpace space, Workload workload, List<string> skipped)
    {
        var list = configurations.Select(c => new SearchCandidate(
            $"{c.Hardware.Id} × {c.Devices} {c.LayoutNotation} {c.Weights.Id}",
            c.Replicas,
            (x, w, n, r) => InteractivityCurve.Evaluate(x, c, w, n, r))).ToList();
        var tokens = (int)Math.Max(1, workload.InputTokens + (workload.OutputTokens / 2));
        foreach (var worker in configurations.Where(c => c.Layout.IsTensorParallelOnly))
        {
            var pools = space.Layouts.Disaggregations(worker);
            var fitting = pools.Where(d => RooflineEstimator.PlanMemory(d.Decode, tokens, 1, context.Estimator.ProfileFor(d.Decode)).MaxBatch >= 1).ToList();
            if (fitting.Count < pools.Count)
            {
                skipped.Add(FormattableString.Invariant($"{worker.Hardware.Id} × {worker.DevicesPerReplica} {worker.Weights.Id}: {pools.Count - fitting.Count} of {pools.Count} disaggregated deployments leave the decode pool no memory for a KV cache."));
            }

            list.AddRange(fitting.Select(d => new SearchCandidate(
                $"{d.Decode.Hardware.Id} × {d.Devices} {d.Notation} {d.Decode.Weights.Id}",
                d.Decode.Replicas,
                (x, w, n, r) => InteractivityCurve.EvaluateDisaggregated(x, d, w, n, r))));
        }

        return list;
    }

    /// <summary>One deployment of the search: its label for skipped lines, the replicas (decode workers) that serve its users, and how to evaluate it at a concurrency.</summary>
    private sealed record SearchCandidate(string Label, int Replicas, Func<PricingContext, Workload, int, double, CurvePoint> Evaluate);
}
