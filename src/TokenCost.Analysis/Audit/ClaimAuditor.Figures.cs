using TokenCost.Quantities;
using static TokenCost.Audit.AuditFormat;

namespace TokenCost.Audit;

/// <content>Spec, arithmetic and power claims.</content>
public sealed partial class ClaimAuditor
{
    private ClaimAudit AuditSpec(Claim claim)
    {
        var claimed = claim.Claimed!.Value;
        (double Value, string Unit, string Source, string What) spec;
        switch (claim.Metric)
        {
            case "active_params_b":
                var m = Catalog.GetModel(Need(claim.Model, "model"));
                spec = (m.ActiveParametersPerToken / 1e9, "billion parameters", m.Source, Inv($"active parameters per token of {m.Name}, derived from its architecture (attention + top-{m.ExpertsPerToken} of {m.Experts} experts + router + embeddings)"));
                break;
            case "total_params_b":
                var t = Catalog.GetModel(Need(claim.Model, "model"));
                spec = (t.TotalParameters / 1e9, "billion parameters", t.Source, Inv($"total parameters of {t.Name}, derived from its architecture"));
                break;
            case "memory_gb":
                var h = Catalog.GetHardware(Need(claim.Hardware, "hardware"));
                spec = (h.ListedMemoryGigabytes, "GB", h.Sources, Inv($"memory capacity of {h.Name} as listed by the vendor"));
                break;
            case "memory_bandwidth_tbps":
                var hb = Catalog.GetHardware(Need(claim.Hardware, "hardware"));
                spec = (hb.MemoryBandwidth.TerabytesPerSecond, "TB/s", hb.Sources, Inv($"peak memory bandwidth of {hb.Name}"));
                break;
            default:
                return Unsupported(claim);
        }

        var ok = AuditTolerance.MatchesSpecification(claimed, spec.Value);
        return new ClaimAudit
        {
            Claim = claim,
            Verdict = ok ? ClaimVerdict.Consistent : ClaimVerdict.Inconsistent,
            Modeled = spec.Value,
            Bound = new AuditBound { Name = "catalog specification", Value = spec.Value, Unit = spec.Unit, Formula = spec.What + " (source: " + spec.Source + ")" },
            Explanation = Inv($"The catalog gives {N(spec.Value, 4)} {spec.Unit} for the {spec.What}; the claimed {N(claimed, 4)} {(ok ? "matches it" : "does not match it")} within the audit's 5 % tolerance for specification figures."),
        };
    }

    private static ClaimAudit AuditArithmetic(Claim claim)
    {
        var claimed = claim.Claimed!.Value;
        double value;
        string formula;
        switch (claim.Metric)
        {
            case "usd_per_day":
                var perDay = Need(claim.TokensPerDay, "tokens_per_day");
                var price = Need(claim.UsdPerMillionTokens, "usd_per_million_tokens");
                value = perDay / 1e6 * price;
                formula = Inv($"{N(perDay / 1e6, 4)} M tokens/day × {N(price, 4)} $/1M = {N(value, 4)} $/day");
                break;
            case "usd_per_year":
                var tokens = Need(claim.TokensPerDay, "tokens_per_day");
                var from = Need(claim.UsdPerMillionTokensFrom, "usd_per_million_tokens_from");
                var to = Need(claim.UsdPerMillionTokensTo, "usd_per_million_tokens_to");
                var instances = claim.Instances ?? 1;
                value = (from - to) * tokens / 1e6 * 365 * instances;
                formula = Inv($"({N(from, 4)} − {N(to, 4)}) $/1M × {N(tokens / 1e6, 4)} M tokens/day × 365 days{(instances > 1 ? Inv($" × {instances:N0} instances") : "")} = {N(value, 4)} $/year");
                break;
            case "relative_difference":
                var a = Need(claim.UsdPerMillionTokens, "usd_per_million_tokens");
                var b = Need(claim.BaselineUsdPerMillionTokens, "baseline_usd_per_million_tokens");
                value = (a / b) - 1;
                formula = Inv($"{N(a, 4)} ÷ {N(b, 4)} − 1 = {N(value, 4)}");
                break;
            case "cagr":
                var v0 = Need(claim.FromValue, "from_value");
                var v1 = Need(claim.ToValue, "to_value");
                var years = (claim.ToYear ?? throw new ArgumentException("the claim does not state 'to_year'.", nameof(claim))) - (claim.FromYear ?? throw new ArgumentException("the claim does not state 'from_year'.", nameof(claim)));
                if (years <= 0 || v0 <= 0)
                {
                    throw new ArgumentException("a growth rate needs to_year > from_year and from_value > 0.", nameof(claim));
                }

                value = Math.Pow(v1 / v0, 1.0 / years) - 1;
                formula = Inv($"({N(v1, 4)} ÷ {N(v0, 4)})^(1/{years}) − 1 = {N(value, 4)}");
                break;
            default:
                return Unsupported(claim);
        }

        if (!double.IsFinite(value))
        {
            // The figures overflow: nothing can be checked, and the claim is not judged consistent.
            return new ClaimAudit
            {
                Claim = claim,
                Verdict = ClaimVerdict.Inconsistent,
                Modeled = null,
                Bound = new AuditBound { Name = "exact arithmetic on the claim's own figures", Value = null, Unit = claim.Metric, Formula = "the product of the stated figures is too large to compute" },
                Explanation = "Recomputing from the figures the article states overflows: they cannot describe a real quantity, so the claim's arithmetic does not hold.",
            };
        }

        var ok = AuditTolerance.Matches(claimed, value);
        return new ClaimAudit
        {
            Claim = claim,
            Verdict = ok ? ClaimVerdict.Consistent : ClaimVerdict.Inconsistent,
            Modeled = value,
            Bound = new AuditBound { Name = "exact arithmetic on the claim's own figures", Value = value, Unit = claim.Metric, Formula = formula },
            Explanation = ok
                ? Inv($"Recomputing from the figures the article states: {formula}. The claimed {N(claimed, 4)} agrees within the audit's tolerance (5 %, or half a unit in the claim's last digit, ±{N(AuditTolerance.HalfUnitOfLastDigit(claimed), 2)}).")
                : Inv($"Recomputing from the figures the article states: {formula}. The claimed {N(claimed, 4)} is off by {Percent(Math.Abs((claimed - value) / (value == 0 ? 1 : value)))}, more than the audit's tolerance (5 %, or ±{N(AuditTolerance.HalfUnitOfLastDigit(claimed), 2)} from the claim's rounding)."),
        };
    }

    private ClaimAudit AuditPower(Claim claim)
    {
        if (claim.Metric != "facility_megawatts")
        {
            return Unsupported(claim);
        }

        var claimed = claim.Claimed!.Value;
        var hw = Catalog.GetHardware(Need(claim.Hardware, "hardware"));
        var devices = claim.Devices ?? throw new ArgumentException("the claim does not state 'devices'.", nameof(claim));
        if (hw.ThermalDesignPower is not { } tdp)
        {
            return Unverifiable(claim, "TDP", Inv($"hardware '{hw.Id}' lists no TDP."));
        }

        var dc = Catalog.DataCenter;
        var overhead = dc.ServerPowerOverhead * dc.PowerUsageEffectiveness;
        var ceiling = tdp * (devices * overhead);
        var idle = Catalog.Profiles.Power.Estimate(tdp, 0, 0) * (devices * overhead);

        // Modelled: every device decoding the reference model at the largest batch the profile fits.
        var layout = Place(Assumptions.ReferenceModel, hw.Id, Assumptions.ReferenceWeights, null, 1);
        var estimate = Estimator.Estimate(layout.Configuration, Workload(null));
        var report = Calculator.Calculate(estimate);
        var modeled = report.FacilityPower * ((double)devices / layout.Configuration.Devices);
        var above = AuditTolerance.AboveCeiling(claimed, ceiling.Megawatts);
        var below = AuditTolerance.BelowFloor(claimed, idle.Megawatts);
        var verdict = above || below ? ClaimVerdict.Inconsistent : ClaimVerdict.Consistent;
        var assumptions = new List<string>
        {
            Inv($"server power overhead {N(dc.ServerPowerOverhead)} × PUE {N(dc.PowerUsageEffectiveness)} (catalog data-centre defaults)"),
            Inv($"modelled load: every device decoding {Assumptions.ReferenceModel} ({Assumptions.ReferenceWeights}) at the largest batch the {Assumptions.Stack} profile fits ({estimate.Batch}), {ContextText}"),
        };
        var core = Inv($"{devices:N0} × {hw.Name} at their {N(tdp.Watts)} W TDP draw {N(tdp.Watts * devices / 1e6)} MW; with server overhead {N(dc.ServerPowerOverhead)} and PUE {N(dc.PowerUsageEffectiveness)} the facility can draw at most {N(ceiling.Megawatts)} MW (idle floor {N(idle.Megawatts)} MW). Under a busy inference load TokenCost's power model gives {N(estimate.AveragePowerPerDevice?.Watts ?? 0)} W per device, {N(modeled.Megawatts)} MW at the facility.");
        var explanation = above
            ? core + Inv($" The claimed {N(claimed)} MW exceeds even the all-at-TDP ceiling (it would need {N(claimed * 1e6 / devices)} W per device slot, {N(claimed * 1e6 / devices / tdp.Watts)} × TDP), so it does not match the device's spec figures.")
            : below
                ? core + Inv($" The claimed {N(claimed)} MW is below the idle floor, so it does not match the spec figures.")
                : core + Inv($" The claimed {N(claimed)} MW lies between the idle floor and the TDP ceiling.");
        return new ClaimAudit
        {
            Claim = claim,
            Verdict = verdict,
            Modeled = modeled.Megawatts,
            Bound = new AuditBound
            {
                Name = "facility power ceiling: devices × TDP × server overhead × PUE",
                Value = ceiling.Megawatts,
                Unit = "MW",
                Formula = Inv($"{devices:N0} × {N(tdp.Watts)} W × {N(dc.ServerPowerOverhead)} × {N(dc.PowerUsageEffectiveness)} = {N(ceiling.Megawatts)} MW"),
            },
            Assumptions = assumptions,
            Explanation = explanation,
        };
    }
}
