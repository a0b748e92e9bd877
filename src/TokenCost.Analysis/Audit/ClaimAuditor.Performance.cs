using TokenCost.Estimation;
using static TokenCost.Audit.AuditFormat;

namespace TokenCost.Audit;

/// <content>Latency and throughput claims: capacity, the weight-read floor, then the calibrated estimator.</content>
public sealed partial class ClaimAuditor
{
    private ClaimAudit AuditPerformance(Claim claim)
    {
        var isLatency = claim.Metric == "time_per_output_token_ms";
        if (!isLatency && claim.Metric != "per_user_output_tokens_per_s")
        {
            return Unsupported(claim);
        }

        var model = Need(claim.Model, "model");
        var hardware = Need(claim.Hardware, "hardware");
        var batch = claim.Batch ?? 1;
        var candidates = claim.Weights is { } w ? [w] : Assumptions.CandidateWeights;
        var results = candidates.Select(f => PerformanceScenario(claim, model, hardware, f, batch, isLatency)).ToList();
        var shared = new List<string> { ContextText, StackText };
        if (claim.Batch is null)
        {
            shared.Add("batch 1 (one interactive user; the claim states no batch)");
        }

        if (results.Count == 1)
        {
            var only = results[0];
            return only.Audit with { Assumptions = [.. shared, .. only.Audit.Assumptions] };
        }

        return Combine(claim, results, shared, "weights");
    }

    /// <summary>Combines candidate scenarios for an open field: one verdict if all agree, else unverifiable naming the candidates that are consistent.</summary>
    private static ClaimAudit Combine(Claim claim, List<Scenario> results, List<string> shared, string field)
    {
        var names = string.Join("; ", results.Select(r => r.Name));
        var first = results[0].Audit;
        if (results.All(r => r.Audit.Verdict == first.Verdict))
        {
            return first with
            {
                Assumptions = [.. shared, Inv($"{field} not stated: tried {names}; all give '{ClaimMapper.Word(first.Verdict)}' (figures shown for {results[0].Name})"), .. first.Assumptions],
            };
        }

        if (IsClaimOfPossibility(claim) && results.Any(r => r.Audit.Verdict == ClaimVerdict.Consistent))
        {
            return CombineClaimOfPossibility(claim, results, shared);
        }

        var good = results.Where(r => r.Audit.Verdict == ClaimVerdict.Consistent).Select(r => r.Name).ToList();
        var detail = string.Join("; ", results.Select(r => r.Audit.Modeled is double m
            ? Inv($"{r.Name}: {ClaimMapper.Word(r.Audit.Verdict)}, modelled {N(m)}")
            : Inv($"{r.Name}: {ClaimMapper.Word(r.Audit.Verdict)}")));
        var pick = results.FirstOrDefault(r => r.Audit.Verdict == ClaimVerdict.Consistent) ?? results[0];
        return pick.Audit with
        {
            Verdict = ClaimVerdict.Unverifiable,
            Assumptions = [.. shared, Inv($"{field} not stated: tried {names} ({detail}); figures shown for {pick.Name}"), .. pick.Audit.Assumptions],
            Explanation = Inv($"The claim does not state its {field}, and the verdict depends on it ({detail}). ")
                + (good.Count > 0 ? Inv($"It is consistent under {string.Join(" or ", good.Select(g => "(" + g + ")"))}. ") : "No candidate makes it consistent. ")
                + pick.Audit.Explanation,
        };
    }

    private Scenario PerformanceScenario(Claim claim, string model, string hardware, string weights, int batch, bool isLatency)
    {
        var claimed = claim.Claimed!.Value;
        var layout = Place(model, hardware, weights, claim.Devices, batch);
        var config = layout.Configuration;
        var assumptions = new List<string>();
        if (layout.DevicesAssumed)
        {
            assumptions.Add(Inv($"devices not stated: the fewest that hold the {weights} weights and KV cache, {LayoutText(layout)}"));
        }

        var hwName = config.Hardware.Name;
        if (!layout.Fits)
        {
            var cap = CapacityBound(layout, batch);
            return new Scenario(weights, new ClaimAudit
            {
                Claim = claim,
                Verdict = ClaimVerdict.Infeasible,
                Bound = cap,
                Assumptions = assumptions,
                Explanation = Inv($"{config.Model.Name} in {weights} needs {N(layout.Plan.WeightsPerDevice.Gigabytes)} GB of weights per device, and with the KV cache of {batch} sequence(s) {N(cap.Value!.Value)} GB, but one {hwName} ({LayoutText(layout)}) has {N(layout.Plan.Capacity.Gigabytes)} GB. The configuration cannot run as stated, so no {(isLatency ? "latency" : "throughput")} can be measured on it."),
            });
        }

        var step = Estimator.Forward(config, batch, 1, Assumptions.DecodeContext);
        var weightFloor = PhysicalBounds.WeightReadFloor(step, config);
        var floor = PhysicalBounds.StepFloor(step, config);
        var estimate = Estimator.Estimate(config, new Workload { Batch = batch, InputTokens = Assumptions.InputTokens, OutputTokens = Assumptions.OutputTokens });
        var estimatorMs = estimate.TimePerOutputToken.Milliseconds;
        var floorMs = floor.Milliseconds;
        var claimedMs = isLatency ? claimed : 1000 / claimed;
        var beats = isLatency ? AuditTolerance.BelowFloor(claimed, floorMs) : AuditTolerance.AboveCeiling(claimed, 1000 / floorMs);
        var bwNeeded = weightFloor.Milliseconds / claimedMs;
        var bound = new AuditBound
        {
            Name = isLatency ? "least time per output token at 100 % of peak bandwidth and compute (weight-read floor)" : "most tokens/s per user at 100 % of peak bandwidth and compute (1 ÷ weight-read floor)",
            Value = isLatency ? floorMs : 1000 / floorMs,
            Unit = isLatency ? "ms" : "tokens/s",
            Formula = Inv($"{N(step.WeightBytesPerDevice.Gigabytes)} GB weights per device ÷ {N(config.Hardware.MemoryBandwidth.BytesPerSecond / 1e12)} TB/s = {N(weightFloor.Milliseconds)} ms; with KV reads and peak compute: max(memory {N(PhysicalBounds.MemoryFloor(step, config).Milliseconds)} ms, compute {N(PhysicalBounds.ComputeFloor(step, config).Milliseconds)} ms) = {N(floorMs)} ms per step at batch {batch}"),
        };
        var modeled = isLatency ? estimatorMs : 1000 / estimatorMs;
        var unit = isLatency ? "ms" : "tokens/s";
        var estimatorText = Inv($"The calibrated estimator ({Assumptions.Stack} profile) predicts {N(modeled)} {unit} ({N(estimate.Decode.BandwidthUtilization * 100)} % of peak bandwidth, {estimate.Bound.ToString().ToLowerInvariant()}-bound).");
        string explanation;
        ClaimVerdict verdict;
        if (beats)
        {
            verdict = ClaimVerdict.Optimistic;
            explanation = Inv($"At batch {batch}, each token requires reading {N(step.WeightBytesPerDevice.Gigabytes)} GB of {weights} weights per device ({LayoutText(layout)} of {hwName}) plus the KV cache; even at the full {N(config.Hardware.MemoryBandwidth.BytesPerSecond / 1e12)} TB/s that takes {N(floorMs)} ms, so the claimed {N(claimed)} {unit} would need {Percent(bwNeeded)} of peak memory bandwidth. {estimatorText}");
        }
        else
        {
            verdict = ClaimVerdict.Consistent;
            var match = AuditTolerance.Matches(claimed, modeled) ? "matches" : (isLatency ? claimed > modeled : claimed < modeled) ? "is slower than" : "is faster than";
            explanation = Inv($"At batch {batch} the weight-read floor on {LayoutText(layout)} of {hwName} is {N(floorMs)} ms per token ({N(step.WeightBytesPerDevice.Gigabytes)} GB of {weights} weights ÷ {N(config.Hardware.MemoryBandwidth.BytesPerSecond / 1e12)} TB/s), so the claimed {N(claimed)} {unit} is physically possible: it needs {Percent(bwNeeded)} of peak bandwidth. {estimatorText} The claim {match} that prediction.");
        }

        return new Scenario(weights, new ClaimAudit
        {
            Claim = claim,
            Verdict = verdict,
            Modeled = modeled,
            Bound = bound,
            Assumptions = assumptions,
            Explanation = explanation,
        });
    }

    /// <summary>
    /// Gets whether a claim is worded as a possibility ("can double", "capable of running", "up to"): such a claim is consistent when
    /// some candidate assumption makes it so, and the audit names that assumption.
    /// </summary>
    private static bool IsClaimOfPossibility(Claim claim) =>
        claim.Kind == ClaimKind.Fits
        || System.Text.RegularExpressions.Regex.IsMatch(claim.Quote, @"\b(can|could|capable|up to|may)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private sealed record Scenario(string Name, ClaimAudit Audit);
}
