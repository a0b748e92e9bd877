using TokenCost.Costs;
using TokenCost.Estimation;
using TokenCost.Quantities;
using static TokenCost.Audit.AuditFormat;

namespace TokenCost.Audit;

/// <content>Token-cost claims: the throughput a price implies at the catalog $/device-hour, the batch that reaches it and its latency.</content>
public sealed partial class ClaimAuditor
{
    private static readonly CostModel RentalOnly = CostModel.Create(new RentalHardwareCost());

    private ClaimAudit AuditTokenCost(Claim claim)
    {
        if (claim.Metric != "usd_per_million_output_tokens")
        {
            return Unsupported(claim);
        }

        var model = Need(claim.Model, "model");
        var hardware = Need(claim.Hardware, "hardware");
        var candidates = claim.Weights is { } w ? [w] : Assumptions.CandidateWeights;
        var shared = new List<string> { ContextText, StackText };
        var results = candidates.Select(f => CostScenario(claim, model, hardware, f)).ToList();
        if (results.Count == 1)
        {
            return results[0].Audit with { Assumptions = [.. shared, .. results[0].Audit.Assumptions] };
        }

        return Combine(claim, results, shared, "weights");
    }

    private Scenario CostScenario(Claim claim, string model, string hardware, string weights)
    {
        var claimed = claim.Claimed!.Value;
        var layout = Place(model, hardware, weights, claim.Devices, 1);
        var config = layout.Configuration;
        var assumptions = new List<string>();
        if (layout.DevicesAssumed)
        {
            assumptions.Add(Inv($"devices not stated: the fewest that hold the {weights} weights and KV cache, {LayoutText(layout)}"));
        }

        if (!layout.Fits)
        {
            return new Scenario(weights, new ClaimAudit
            {
                Claim = claim,
                Verdict = ClaimVerdict.Infeasible,
                Bound = CapacityBound(layout, 1),
                Assumptions = assumptions,
                Explanation = Inv($"{config.Model.Name} in {weights} does not fit on {LayoutText(layout)} of {config.Hardware.Name}, so it cannot be served at any price."),
            });
        }

        if (config.Hardware.CloudPricePerDeviceHour is not { } price)
        {
            return new Scenario(weights, Unverifiable(claim, "price", Inv($"hardware '{config.Hardware.Id}' has no catalog $/device-hour, so the throughput the price implies cannot be derived.")));
        }

        assumptions.Add(Inv($"price {N(price.UsdPerHour)} $/device-hour (catalog cloud price, {config.Hardware.PriceDate}); the claim's $/1M is compared with rental hardware cost only, so energy and serving overhead count in the claim's favour"));
        var hourly = price * config.Devices;
        var impliedTokensPerSecond = TokenFormulas.TokensPerSecondAt(hourly.UsdPerHour, claimed);

        // Hard bound: the largest batch memory holds, stepped at 100 % of peak bandwidth and compute.
        var hardMax = Math.Max(1, Math.Min(PhysicalBounds.MaxBatch(layout.Plan), 1 << 16));
        var ceilingStep = Estimator.Forward(config, hardMax, 1, Assumptions.DecodeContext);
        var ceilingRate = TokenFormulas.DecodeTokensPerSecond(hardMax, config.Replicas, PhysicalBounds.StepFloor(ceilingStep, config).Seconds);
        var costFloor = TokenFormulas.UsdPerMillionTokens(hourly.UsdPerHour, ceilingRate);
        var bound = new AuditBound
        {
            Name = "least $ per 1M output tokens: rental price ÷ the most tokens/s memory and compute allow (largest batch that fits, 100 % of peak)",
            Value = costFloor,
            Unit = "USD per 1M output tokens",
            Formula = Inv($"{N(hourly.UsdPerHour)} $/h ÷ ({hardMax} sequences ÷ {N(PhysicalBounds.StepFloor(ceilingStep, config).Milliseconds)} ms per step = {N(ceilingRate)} tokens/s) = {N(costFloor)} $/1M"),
        };

        // Calibrated estimator: the smallest batch whose decode throughput reaches the implied rate.
        var profile = Estimator.ProfileFor(config);
        var estimatorMax = Math.Max(1, Math.Min(Estimator.PlanMemory(config, Assumptions.ContextTokens, 1).MaxBatch, profile.MaxBatch));
        PerformanceEstimate? reaching = null;
        PerformanceEstimate? best = null;
        for (var b = 1; b <= estimatorMax; b = b < 16 ? b + 1 : b + Math.Max(1, b / 32))
        {
            var e = Estimator.Estimate(config, Workload(b));
            best = e;
            if (e.DecodeTokensPerSecond.TokensPerSecond >= impliedTokensPerSecond)
            {
                reaching = e;
                break;
            }
        }

        var atMax = Estimator.Estimate(config, Workload(estimatorMax));
        var full = Calculator.Calculate(atMax);
        var rentalAtMax = new TokenCostCalculator(RentalOnly, Catalog.DataCenter).Calculate(atMax);
        assumptions.Add(Inv($"modelled value: TokenCost's full $/1M output tokens (rental + energy + serving overhead) at the largest batch the {Assumptions.Stack} profile fits, {estimatorMax}"));
        var reachText = reaching is { } r
            ? Inv($"The calibrated estimator reaches that at batch {r.Batch}, where one user sees {N(r.TimePerOutputToken.Milliseconds)} ms per token ({N(r.OutputTokensPerSecondPerUser.TokensPerSecond)} tokens/s).")
            : Inv($"The calibrated estimator does not reach it: at its largest batch, {best?.Batch}, it gives {N(atMax.DecodeTokensPerSecond.TokensPerSecond)} tokens/s at {N(atMax.TimePerOutputToken.Milliseconds)} ms per token.");
        var tail = Inv($" At its largest batch ({estimatorMax}) TokenCost models {N(rentalAtMax.CostPerMillionOutputTokens.Usd)} $/1M for rental alone and {N(full.CostPerMillionOutputTokens.Usd)} $/1M with energy and serving overhead.");
        var beats = AuditTolerance.BelowFloor(claimed, costFloor);
        var head = Inv($"At {N(hourly.UsdPerHour)} $/h for {LayoutText(layout)} of {config.Hardware.Name}, {N(claimed)} $ per 1M output tokens means {N(impliedTokensPerSecond)} output tokens/s. ");
        var explanation = beats
            ? head + Inv($"Even at 100 % of peak bandwidth and compute with the largest batch memory holds ({hardMax}) the hardware produces at most {N(ceilingRate)} tokens/s, a floor of {N(costFloor)} $/1M, so the price beats physics. ") + reachText + tail
            : head + Inv($"Physics allows up to {N(ceilingRate)} tokens/s (largest batch {hardMax} at 100 % of peak), a floor of {N(costFloor)} $/1M, so the price is possible. ") + reachText + tail;
        return new Scenario(weights, new ClaimAudit
        {
            Claim = claim,
            Verdict = beats ? ClaimVerdict.Optimistic : ClaimVerdict.Consistent,
            Modeled = full.CostPerMillionOutputTokens.Usd,
            Bound = bound,
            Assumptions = assumptions,
            Explanation = explanation,
        });
    }

    private Workload Workload(int? batch) => new() { Batch = batch, InputTokens = Assumptions.InputTokens, OutputTokens = Assumptions.OutputTokens };
}
