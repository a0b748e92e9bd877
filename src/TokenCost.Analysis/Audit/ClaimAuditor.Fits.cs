using static TokenCost.Audit.AuditFormat;

namespace TokenCost.Audit;

/// <content>Fit claims: weights + KV cache of one sequence versus memory capacity, with no runtime reserve.</content>
public sealed partial class ClaimAuditor
{
    private ClaimAudit AuditFits(Claim claim)
    {
        if (claim.Metric != "fits")
        {
            return Unsupported(claim);
        }

        var model = Need(claim.Model, "model");
        var hardware = Need(claim.Hardware, "hardware");
        var batch = claim.Batch ?? 1;
        var candidates = claim.Weights is { } w ? [w] : Assumptions.CandidateWeights;
        var layouts = candidates.Select(f => (Format: f, Layout: Place(model, hardware, f, claim.Devices ?? 1, batch))).ToList();
        var fitting = layouts.Where(l => l.Layout.Fits).ToList();
        var shown = fitting.Count > 0 ? fitting[0] : layouts[^1];
        var fits = fitting.Count > 0;
        var claimedFits = claim.ClaimedFlag ?? true;
        var assumptions = new List<string> { ContextText, Inv($"batch {batch}; no runtime reserve (the hard check)") };
        if (claim.Weights is null)
        {
            assumptions.Add(Inv($"weights not stated: tried {string.Join(", ", candidates)}; a claim that something can run is judged by the widest format that fits ({shown.Format})"));
        }

        var l = shown.Layout;
        var plan = l.Plan;
        var verdict = fits == claimedFits ? ClaimVerdict.Consistent : fits ? ClaimVerdict.Inconsistent : ClaimVerdict.Infeasible;
        var spare = plan.Capacity - plan.WeightsPerDevice - (plan.KvCachePerSequence * batch);
        var per = string.Join("; ", layouts.Select(x => Inv($"{x.Format}: {N(x.Layout.Plan.WeightsPerDevice.Gigabytes)} GB weights, {(x.Layout.Fits ? "fits" : "does not fit")}")));
        var estimatorPlan = Estimator.PlanMemory(l.Configuration, Assumptions.ContextTokens, batch);
        var explanation = fits
            ? Inv($"{l.Configuration.Model.Name} in {shown.Format} needs {N(plan.WeightsPerDevice.Gigabytes)} GB of weights and {N(plan.KvCachePerSequence.Gigabytes)} GB of KV cache per sequence; one {l.Configuration.Hardware.Name} has {N(plan.Capacity.Gigabytes)} GB, leaving {N(spare.Gigabytes)} GB ({per}). With the {Assumptions.Stack} profile's {N(estimatorPlan.Reserve.Gigabytes)} GB runtime reserve it holds {estimatorPlan.MaxBatch} such sequences.")
            : Inv($"No candidate format fits {l.Configuration.Model.Name} on {LayoutText(l)} of {l.Configuration.Hardware.Name} ({N(plan.Capacity.Gigabytes)} GB): {per}.");
        return new ClaimAudit
        {
            Claim = claim,
            Verdict = verdict,
            ModeledFlag = fits,
            Bound = CapacityBound(l, batch),
            Assumptions = assumptions,
            Explanation = explanation,
        };
    }
}
