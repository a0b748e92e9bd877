using TokenCost.Estimation;
using TokenCost.Hardware;
using TokenCost.Speculative;
using static TokenCost.Audit.AuditFormat;

namespace TokenCost.Audit;

/// <content>Ratio claims: weight bytes, throughput, token cost, energy and speculative speedup.</content>
public sealed partial class ClaimAuditor
{
    private ClaimAudit AuditRatio(Claim claim) => claim.Metric switch
    {
        "weight_bytes_ratio" => WeightBytesRatio(claim),
        "throughput_ratio" => ThroughputRatio(claim),
        "token_cost_reduction_fraction" => CostReduction(claim),
        "energy_per_op_ratio" => EnergyPerOperation(claim),
        "energy_cost_reduction_fraction" => EnergyReduction(claim),
        "speedup" => Speedup(claim),
        _ => Unsupported(claim),
    };

    /// <summary>An improvement claim (a reduction or speedup) is consistent when it does not exceed the modelled improvement beyond tolerance.</summary>
    private static bool WithinImprovement(double claimed, double modeled) => claimed <= modeled || AuditTolerance.Matches(claimed, modeled);

    private ClaimAudit WeightBytesRatio(Claim claim)
    {
        var claimed = claim.Claimed!.Value;
        var model = Need(claim.Model, "model");
        var from = Need(claim.WeightsFrom, "weights_from");
        var to = Need(claim.WeightsTo, "weights_to");
        var hardware = claim.Hardware ?? Assumptions.ReferenceHardware;
        var a = Estimator.PlanMemory(Configure(model, hardware, from, 1), 1, 1).WeightsPerDevice;
        var b = Estimator.PlanMemory(Configure(model, hardware, to, 1), 1, 1).WeightsPerDevice;
        var ratio = a / b;
        var fa = Catalog.GetFormat(from);
        var fb = Catalog.GetFormat(to);
        var nominal = fa.BytesPerElement / fb.BytesPerElement;
        // Compared with the modelled ratio within the audit tolerance: a claim far below it (0, 1×, a negative ratio) is as wrong as one above.
        var verdict = AuditTolerance.Matches(claimed, ratio) ? ClaimVerdict.Consistent : claimed > ratio ? ClaimVerdict.Optimistic : ClaimVerdict.Inconsistent;
        return new ClaimAudit
        {
            Claim = claim,
            Verdict = verdict,
            Modeled = ratio,
            Bound = new AuditBound
            {
                Name = "whole-model weight bytes ratio (group scales and 16-bit embeddings included)",
                Value = ratio,
                Unit = "×",
                Formula = Inv($"{N(a.Gigabytes)} GB ({from}) ÷ {N(b.Gigabytes)} GB ({to}) = {N(ratio)}"),
            },
            Assumptions = [Inv($"{to} as catalogued: {N(fb.BytesPerElement, 4)} bytes per weight including group scales; embeddings and output head stay 16-bit")],
            Explanation = Inv($"Per weight, {from} → {to} is {N(nominal)}× fewer bytes ({N(fa.BytesPerElement, 4)} → {N(fb.BytesPerElement, 4)} B, scales included), and the 16-bit embeddings and output head do not shrink, so the whole model goes from {N(a.Gigabytes)} GB to {N(b.Gigabytes)} GB, {N(ratio)}×. ")
                + (verdict == ClaimVerdict.Consistent
                    ? Inv($"The claimed {N(claimed)}× agrees at the precision it is stated with (the nominal bit ratio); the bytes read per token, which set the batch-1 time, fall by {N(ratio)}×.")
                    : verdict == ClaimVerdict.Optimistic
                        ? Inv($"The claimed {N(claimed)}× exceeds what the format can deliver.")
                        : Inv($"The claimed {N(claimed)}× is well below the {N(ratio)}× the formats give (beyond the audit's tolerance: 5 %, or half a unit in the claim's last digit).")),
        };
    }

    private ClaimAudit ThroughputRatio(Claim claim)
    {
        var claimed = claim.Claimed!.Value;
        var model = Need(claim.Model, "model");
        var hardware = Need(claim.Hardware, "hardware");
        var from = Need(claim.WeightsFrom, "weights_from");
        var to = Need(claim.WeightsTo, "weights_to");
        var batch = claim.Batch ?? 1;
        var la = Place(model, hardware, from, claim.Devices ?? 1, batch);
        var lb = Place(model, hardware, to, claim.Devices ?? 1, batch);
        var sa = Estimator.Forward(la.Configuration, batch, 1, Assumptions.DecodeContext);
        var sb = Estimator.Forward(lb.Configuration, batch, 1, Assumptions.DecodeContext);
        var floorRatio = PhysicalBounds.StepFloor(sa, la.Configuration) / PhysicalBounds.StepFloor(sb, lb.Configuration);
        var assumptions = new List<string> { ContextText, StackText, Inv($"batch {batch}, {LayoutText(la)} for both") };
        if (!la.Fits || !lb.Fits)
        {
            var bad = !la.Fits ? la : lb;
            var badFormat = !la.Fits ? from : to;
            return new ClaimAudit
            {
                Claim = claim,
                Verdict = ClaimVerdict.Infeasible,
                Modeled = floorRatio,
                Bound = CapacityBound(bad, batch),
                Assumptions = assumptions,
                Explanation = Inv($"The comparison rests on {la.Configuration.Model.Name} in {badFormat} running on {LayoutText(bad)} of {bad.Configuration.Hardware.Name}, but its weights alone take {N(bad.Plan.WeightsPerDevice.Gigabytes)} GB of the {N(bad.Plan.Capacity.Gigabytes)} GB: the {badFormat} baseline cannot run as stated. Were it to fit (more memory at the same bandwidth), both would be memory-bound at batch {batch} and the throughput ratio would be the ratio of bytes read per token, {N(floorRatio)}×.") + QualityNote(model, to),
            };
        }

        var ea = Estimator.Estimate(la.Configuration, Workload(batch));
        var eb = Estimator.Estimate(lb.Configuration, Workload(batch));
        var modeled = ea.TimePerOutputToken / eb.TimePerOutputToken;
        var verdict = WithinImprovement(claimed, Math.Max(modeled, floorRatio)) ? ClaimVerdict.Consistent : ClaimVerdict.Optimistic;
        return new ClaimAudit
        {
            Claim = claim,
            Verdict = verdict,
            Modeled = modeled,
            Bound = new AuditBound { Name = "ratio of roofline floors (both at 100 % of peak)", Value = floorRatio, Unit = "×", Formula = Inv($"{N(PhysicalBounds.StepFloor(sa, la.Configuration).Milliseconds)} ms ÷ {N(PhysicalBounds.StepFloor(sb, lb.Configuration).Milliseconds)} ms") },
            Assumptions = assumptions,
            Explanation = Inv($"At batch {batch} the floors give {N(floorRatio)}× and the calibrated estimator {N(modeled)}×; the claimed {N(claimed)}× is {(verdict == ClaimVerdict.Consistent ? "within" : "beyond")} that.") + QualityNote(model, to),
        };
    }

    private ClaimAudit EnergyPerOperation(Claim claim)
    {
        var claimed = claim.Claimed!.Value;
        var devices = claim.Hardware is { } id
            ? [Catalog.GetHardware(id)]
            : Catalog.Hardware.Where(h => h.PeakFor(ComputePrecision.Fp8) is not null && h.PeakFor(ComputePrecision.Bf16) is not null && h.ThermalDesignPower is not null).ToList();
        if (devices.Count == 0)
        {
            return Unverifiable(claim, "catalog", "no hardware lists both FP8 and BF16 peaks and a TDP.");
        }

        // At full compute utilization the power model gives the same board power for either precision; energy per op = power ÷ peak rate.
        double Ratio(HardwarePlatform h)
        {
            var p = Catalog.Profiles.Power.Estimate(h.ThermalDesignPower!.Value, 0, 1);
            return (p.Watts / h.PeakFor(ComputePrecision.Bf16)!.Value.FlopsPerSecond) / (p.Watts / h.PeakFor(ComputePrecision.Fp8)!.Value.FlopsPerSecond);
        }

        var reference = devices.FirstOrDefault(h => h.Id == Assumptions.ReferenceHardware) ?? devices[0];
        var ratios = devices.Select(Ratio).ToList();
        var modeled = Ratio(reference);
        var ok = AuditTolerance.Matches(claimed, modeled);
        return new ClaimAudit
        {
            Claim = claim,
            Verdict = ok ? ClaimVerdict.Consistent : ClaimVerdict.Inconsistent,
            Modeled = modeled,
            Bound = new AuditBound
            {
                Name = "dense FP8 ÷ BF16 peak at equal board power",
                Value = modeled,
                Unit = "×",
                Formula = Inv($"{reference.Name}: {N(reference.PeakFor(ComputePrecision.Fp8)!.Value.TeraflopsPerSecond, 4)} ÷ {N(reference.PeakFor(ComputePrecision.Bf16)!.Value.TeraflopsPerSecond, 4)} TFLOP/s at {N(reference.ThermalDesignPower!.Value.Watts)} W"),
            },
            Assumptions = [claim.Hardware is null ? Inv($"hardware not stated: {reference.Name} shown; {devices.Count} catalog devices with FP8, BF16 and a TDP give {N(ratios.Min())}–{N(ratios.Max())}×") : "hardware as stated", "energy per operation at full compute utilization = board power ÷ dense peak rate (TokenCost's power model gives the same power for either precision)"],
            Explanation = Inv($"FP8 tensor cores run twice the dense operations per second of FP16/BF16 within the same board power, so energy per operation halves: {reference.Name} lists {N(reference.PeakFor(ComputePrecision.Fp8)!.Value.TeraflopsPerSecond, 4)} vs {N(reference.PeakFor(ComputePrecision.Bf16)!.Value.TeraflopsPerSecond, 4)} TFLOP/s, {N(modeled)}×. The claimed {N(claimed)}× {(ok ? "matches" : "does not match")} the spec figures. Note that decode is memory-bound, so per-token energy falls with the bytes moved, not with this ratio."),
        };
    }

    private ClaimAudit CostReduction(Claim claim)
    {
        var claimed = claim.Claimed!.Value;
        var model = Need(claim.Model, "model");
        var hardware = Need(claim.Hardware, "hardware");
        var baseline = Need(claim.BaselineHardware, "baseline_hardware");
        var candidates = claim.Weights is { } w ? [w] : Assumptions.CandidateWeights;
        var scenarios = new List<Scenario>();
        foreach (var f in candidates)
        {
            foreach (var batch in new int?[] { 1, null })
            {
                var a = Place(model, hardware, f, claim.Devices, 1);
                var b = Place(model, baseline, f, null, 1);
                if (!a.Fits || !b.Fits)
                {
                    continue;
                }

                var ca = Calculator.Calculate(Estimator.Estimate(a.Configuration, Workload(batch)));
                var cb = Calculator.Calculate(Estimator.Estimate(b.Configuration, Workload(batch)));
                var reduction = 1 - (ca.CostPerMillionOutputTokens.Usd / cb.CostPerMillionOutputTokens.Usd);
                var regime = batch is null ? "largest batch that fits" : "batch 1";
                var name = Inv($"{f}, {regime}");
                scenarios.Add(new Scenario(name, new ClaimAudit
                {
                    Claim = claim,
                    Verdict = WithinImprovement(claimed, reduction) ? ClaimVerdict.Consistent : ClaimVerdict.Optimistic,
                    Modeled = reduction,
                    Bound = new AuditBound
                    {
                        Name = "modelled token-cost ratio at equal serving efficiency (same stack profile on both)",
                        Value = reduction,
                        Unit = "fraction",
                        Formula = Inv($"1 − {N(ca.CostPerMillionOutputTokens.Usd)} $/1M ({LayoutText(a)} {a.Configuration.Hardware.Name}, batch {ca.Estimate.Batch}) ÷ {N(cb.CostPerMillionOutputTokens.Usd)} $/1M ({LayoutText(b)} {b.Configuration.Hardware.Name}, batch {cb.Estimate.Batch}) = {N(reduction)}"),
                    },
                    Explanation = Inv($"With {f} weights at {regime}, {a.Configuration.Hardware.Name} ({LayoutText(a)}, {N(a.Configuration.Hardware.CloudPricePerDeviceHour?.UsdPerHour ?? 0)} $/h each) costs {N(ca.CostPerMillionOutputTokens.Usd)} $/1M output tokens and {b.Configuration.Hardware.Name} ({LayoutText(b)}, {N(b.Configuration.Hardware.CloudPricePerDeviceHour?.UsdPerHour ?? 0)} $/h each) {N(cb.CostPerMillionOutputTokens.Usd)} $/1M: a {Percent(reduction)} reduction against the claimed {Percent(claimed)}."),
                }));
            }
        }

        var shared = new List<string> { ContextText, StackText, "catalog cloud prices; the baseline uses the fewest devices that hold the weights; full cost (rental + energy + serving overhead)" };
        if (scenarios.Count == 0)
        {
            return Unverifiable(claim, "memory capacity", "no candidate format fits both platforms.");
        }

        return Combine(claim, scenarios, shared, "weights and batch");
    }

    private ClaimAudit EnergyReduction(Claim claim)
    {
        var claimed = claim.Claimed!.Value;
        var model = Need(claim.Model, "model");
        var hardware = Need(claim.Hardware, "hardware");
        var from = Need(claim.WeightsFrom, "weights_from");
        var to = Need(claim.WeightsTo, "weights_to");
        var scenarios = new List<Scenario>();
        foreach (var batch in new int?[] { 1, null })
        {
            var a = Place(model, hardware, from, claim.Devices, 1);
            var b = Place(model, hardware, to, claim.Devices, 1);
            if (!a.Fits || !b.Fits)
            {
                continue;
            }

            var ra = Calculator.Calculate(Estimator.Estimate(a.Configuration, Workload(batch)));
            var rb = Calculator.Calculate(Estimator.Estimate(b.Configuration, Workload(batch)));
            if (ra.FacilityEnergyPerOutputToken is not { } ea || rb.FacilityEnergyPerOutputToken is not { } eb)
            {
                return Unverifiable(claim, "TDP", Inv($"hardware '{hardware}' lists no TDP."));
            }

            var reduction = 1 - (eb.Joules / ea.Joules);
            var regime = batch is null ? "largest batch that fits" : "batch 1";
            scenarios.Add(new Scenario(regime, new ClaimAudit
            {
                Claim = claim,
                Verdict = WithinImprovement(claimed, reduction) ? ClaimVerdict.Consistent : ClaimVerdict.Optimistic,
                Modeled = reduction,
                Bound = new AuditBound
                {
                    Name = "modelled facility energy per output token, same power model and profile on both",
                    Value = reduction,
                    Unit = "fraction",
                    Formula = Inv($"1 − {N(eb.Joules)} J ({to}, {LayoutText(b)}, batch {rb.Estimate.Batch}) ÷ {N(ea.Joules)} J ({from}, {LayoutText(a)}, batch {ra.Estimate.Batch}) = {N(reduction)}"),
                },
                Explanation = Inv($"At {regime}, {from} on {LayoutText(a)} uses {N(ea.Joules)} J of facility energy per output token and {to} on {LayoutText(b)} {N(eb.Joules)} J: {Percent(reduction)} less, because decode is memory-bound and {to} moves about half the bytes (and here needs fewer devices). The claimed {Percent(claimed)} is {(WithinImprovement(claimed, reduction) ? "within" : "beyond")} that."),
            }));
        }

        var shared = new List<string> { ContextText, StackText, "devices not stated: the fewest that hold each format's weights and KV cache", "energy cost ∝ facility energy per output token (same electricity price)" };
        return scenarios.Count == 0
            ? Unverifiable(claim, "memory capacity", "one of the formats does not fit on the stated hardware.")
            : Combine(claim, scenarios, shared, "batch");
    }

    private ClaimAudit Speedup(Claim claim)
    {
        var claimed = claim.Claimed!.Value;
        var model = claim.Model ?? Assumptions.ReferenceModel;
        var hardware = claim.Hardware ?? Assumptions.ReferenceHardware;
        var weights = claim.Weights ?? Assumptions.ReferenceWeights;
        var target = Place(model, hardware, weights, claim.Devices, 1).Configuration;
        var draft = target with { Model = SpeculativeDecoding.EagleHead(target.Model) };
        var alpha = Assumptions.SpeculativeAcceptanceRate;
        var scenarios = new List<Scenario>();
        foreach (var batch in new[] { claim.Batch ?? 1, 64 }.Distinct())
        {
            var best = SpeculativeDecoding.Optimize(Context, target, draft, alpha, batch, Assumptions.DecodeContext, Assumptions.MaxDraftTokens);
            var ok = WithinImprovement(claimed, best.Speedup);
            scenarios.Add(new Scenario(Inv($"batch {batch}"), new ClaimAudit
            {
                Claim = claim,
                Verdict = ok ? ClaimVerdict.Consistent : ClaimVerdict.Optimistic,
                Modeled = best.Speedup,
                Bound = new AuditBound
                {
                    Name = "expected tokens per verification step (1 − α^(γ+1)) ÷ (1 − α), less the draft and verification cost",
                    Value = best.Speedup,
                    Unit = "×",
                    Formula = Inv($"α = {N(alpha)}, γ = {best.DraftTokens}: {N(best.ExpectedTokensPerStep)} tokens per step of {N(best.StepTime.Milliseconds)} ms vs {N(best.BaselineTimePerOutputToken.Milliseconds)} ms per token plain = {N(best.Speedup)}×"),
                },
                Explanation = Inv($"With an EAGLE-style one-layer drafter at acceptance α = {N(alpha)} and the best draft length γ = {best.DraftTokens}, each verification step yields {N(best.ExpectedTokensPerStep)} tokens; at batch {batch} the modelled speedup is {N(best.Speedup)}× (the bound is γ + 1 at α = 1). The claimed {N(claimed)}× is {(ok ? "within" : "beyond")} that; speculation pays at small batch, where decode is memory-bound, and fades as the batch grows."),
            }));
        }

        var shared = new List<string> { Inv($"model, hardware and weights not stated: {model} in {weights} on {LayoutText(Place(model, hardware, weights, claim.Devices, 1))} of {hardware}"), Inv($"per-token acceptance rate α = {N(alpha)}, draft length γ ≤ {Assumptions.MaxDraftTokens} chosen for speed"), ContextText, StackText };
        return scenarios.Count == 1 ? scenarios[0].Audit with { Assumptions = shared } : Combine(claim, scenarios, shared, "batch");
    }

    /// <summary>A claim of possibility ("can double") is consistent when some candidate reaches it; the audit names that candidate and lists the others.</summary>
    private static ClaimAudit CombineClaimOfPossibility(Claim claim, List<Scenario> scenarios, List<string> shared)
    {
        var good = scenarios.FirstOrDefault(s => s.Audit.Verdict == ClaimVerdict.Consistent) ?? scenarios[0];
        var others = string.Join("; ", scenarios.Where(s => s != good).Select(s => s.Audit.Modeled is double m
            ? Inv($"{s.Name}: {ClaimMapper.Word(s.Audit.Verdict)}, modelled {N(m)}")
            : Inv($"{s.Name}: {ClaimMapper.Word(s.Audit.Verdict)}")));
        return good.Audit with
        {
            Assumptions = [.. shared, Inv($"the claim is worded as a possibility, so it is judged under the candidate most favourable to it ({good.Name}); {others}")],
            Explanation = good.Audit.Explanation + Inv($" For comparison, {others}."),
        };
    }
}
