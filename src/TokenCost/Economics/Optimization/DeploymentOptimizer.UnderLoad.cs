using TokenCost.Catalogs;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Serving.Layouts;
using TokenCost.Serving.Load;

namespace TokenCost.Economics.Optimization;

/// <content>The search under continuous batching: the cheapest token at a target per-user speed.</content>
public static partial class DeploymentOptimizer
{
    /// <summary>
    /// Finds the cheapest configuration — hardware, device count (one tensor-parallel replica; for MoE models also EP and DP-attention layouts, and disaggregated prefill/decode pools, see <see cref="OptimizerSearchSpace.Layouts"/>), weight format and closed-loop concurrency —
    /// whose users all get at least the objective's speed within its TTFT limit, under continuous batching.
    /// </summary>
    /// <param name="context">The pricing context: catalog searched, continuous-batching estimator and cost calculator.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="workload">The prompt and output tokens per request (its batch is ignored).</param>
    /// <param name="objective">The per-user limits.</param>
    /// <param name="space">The search space, or null for the default (every catalog platform; 1, 2, 4, 8 devices; bf16, fp8, int8, int4; concurrency searched).</param>
    /// <param name="lengthRangeRatio">The shortest request as a fraction of the nominal lengths, in (0, 1] (see <see cref="ServingLoad.LengthRangeRatio"/>).</param>
    /// <returns>The result; <see cref="LoadedOptimizationResult.Feasible"/> is false when nothing meets the objective.</returns>
    /// <remarks>
    /// <para>Cost is $/1M output tokens at the loaded operating point (<see cref="TokenCostCalculator.Calculate(LoadedEstimate)"/>). Replicas
    /// only multiply a configuration (each serves its own users at the same cost per token), so the answer is one replica and its concurrency is
    /// the users one replica serves; serve N users with ⌈N ÷ concurrency⌉ replicas.</para>
    /// <para>Without a concurrency list, each configuration is searched by bisection for the largest concurrency that meets the objective,
    /// between 1 and the sequences its KV-cache memory holds (per replica, or per decode worker of a disaggregated deployment; more clients only wait for a slot): per-user speed falls and TTFT rises with
    /// concurrency while the cost per token falls, so that concurrency is the configuration's cheapest feasible point (the cheapest feasible
    /// point evaluated is kept, should the model not be monotone). At most 2 + ⌈log₂ (<see cref="OptimizerSearchSpace.MaxConcurrency"/> × replicas)⌉
    /// points are evaluated per deployment; a space above <see cref="OptimizerSearchSpace.MaxEvaluatedPoints"/> is refused.</para>
    /// </remarks>
    /// <exception cref="UnknownIdException">The model or a listed hardware id is not in the catalog.</exception>
    /// <exception cref="ArgumentException">The space would evaluate more than <see cref="OptimizerSearchSpace.MaxEvaluatedPoints"/> points, or a listed concurrency is below 1.</exception>
    public static LoadedOptimizationResult OptimizeUnderLoad(PricingContext context, string modelId, Workload workload, UserSpeedObjective objective, OptimizerSearchSpace? space = null, double lengthRangeRatio = 1)
    {
        ArgumentNullException.ThrowIfNull(context);
        var catalog = context.Catalog;
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(objective);
        space ??= new OptimizerSearchSpace();
        catalog.GetModel(modelId);
        var skipped = new List<string>();
        var configurations = Configurations(catalog, modelId, space, skipped);
        var levels = space.Concurrencies?.Distinct().Order().ToList();
        if (levels is not null && (levels.Count == 0 || levels[0] < 1))
        {
            throw new ArgumentException("the concurrencies to try must be at least one integer ≥ 1.", nameof(space));
        }

        // MoE models: disaggregated prefill/decode pools of the plain-TP replicas as well (space.Layouts; DeploymentOptimizer.Layouts.cs).
        var candidates = Candidates(context, configurations, space, workload, skipped);
        // Bisection evaluates at most 2 + ⌈log₂ max⌉ points per deployment, max = MaxConcurrency per (decode) replica.
        var points = candidates.Sum(c => (long)(levels?.Count ?? (2 + (int)Math.Ceiling(Math.Log2((double)space.MaxConcurrency * c.Replicas)))));
        if (points > space.MaxEvaluatedPoints)
        {
            throw new ArgumentException($"the search space has {candidates.Count} deployments (with their layouts) × their concurrencies = up to {points} points, more than the limit of {space.MaxEvaluatedPoints}; narrow it.", nameof(space));
        }

        var evaluated = 0;
        var feasible = new List<CurvePoint>();
        CurvePoint? fastest = null;
        foreach (var candidate in candidates)
        {
            var tried = new List<CurvePoint>();
            CurvePoint At(int concurrency)
            {
                evaluated++;
                var p = candidate.Evaluate(context, workload, concurrency, lengthRangeRatio);
                tried.Add(p);
                return p;
            }

            try
            {
                if (levels is not null)
                {
                    levels.ForEach(c => At(c));
                }
                else
                {
                    Bisect(At, objective, (int)Math.Min(int.MaxValue, (long)space.MaxConcurrency * candidate.Replicas), candidate.Replicas);
                }
            }
            catch (ArgumentException ex)
            {
                skipped.Add($"{candidate.Label}: {ex.Message.Split(" (Parameter", 2)[0]}");
                continue;
            }

            var top = tried.MaxBy(p => p.OutputTokensPerSecondPerUser)!;
            fastest = fastest is null || top.OutputTokensPerSecondPerUser > fastest.OutputTokensPerSecondPerUser ? top : fastest;
            var best = tried.Where(objective.IsMetBy).OrderBy(p => p.CostPerMillionOutputTokens.Usd).ThenBy(p => p.Concurrency).FirstOrDefault();
            if (best is not null)
            {
                feasible.Add(best);
            }
        }

        return new LoadedOptimizationResult
        {
            Objective = objective,
            Candidates = feasible.OrderBy(p => p.CostPerMillionOutputTokens.Usd).ThenByDescending(p => p.OutputTokensPerSecondPerUser).ToList(),
            Fastest = fastest,
            Evaluated = evaluated,
            Skipped = skipped,
        };
    }

    // Largest concurrency in [1, min(max, KV slots × replicas)] meeting the objective, assuming feasibility falls with concurrency.
    private static void Bisect(Func<int, CurvePoint> at, UserSpeedObjective objective, int max, int replicas)
    {
        var first = at(1);
        if (!objective.IsMetBy(first))
        {
            return;
        }

        var hi = (int)Math.Min(max, Math.Max(1L, (long)first.Estimate.MaxRunningSequences * replicas));
        if (hi == 1 || objective.IsMetBy(at(hi)))
        {
            return;
        }

        var lo = 1;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (objective.IsMetBy(at(mid)))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
    }

    private static List<DeploymentConfiguration> Configurations(Catalog catalog, string modelId, OptimizerSearchSpace space, List<string> skipped)
    {
        var hardware = space.Hardware is { } ids ? ids.Select(catalog.GetHardware).ToList() : catalog.Hardware.ToList();
        var configurations = new List<DeploymentConfiguration>();
        foreach (var hw in hardware)
        {
            foreach (var devices in space.DeviceCounts)
            {
                if (devices > 1 && hw.InterconnectBandwidth is null)
                {
                    skipped.Add($"{hw.Id} × {devices}: no interconnect bandwidth listed, so tensor parallelism cannot be modelled.");
                    continue;
                }

                foreach (var format in space.WeightFormats)
                {
                    try
                    {
                        // MoE models: also expert parallelism and data-parallel attention over the replica (space.Layouts, at most 3 layouts).
                        configurations.AddRange(space.Layouts.Replicas(DeploymentConfiguration.Create(catalog, modelId, hw.Id, format, null, null, space.Stack, devices, devices, 1)));
                    }
                    catch (ArgumentException ex)
                    {
                        skipped.Add($"{hw.Id} × {devices} {format}: {ex.Message.Split(" (Parameter", 2)[0]}");
                    }
                }
            }
        }

        return configurations;
    }
}
