using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Quantities;
using TokenCost.Serving.Load;

namespace TokenCost.Costs;

/// <summary>Prices a performance estimate with a cost model: each component's $/h divided by the tokens produced in an hour of each phase.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class TokenCostCalculator
{
    /// <summary>Initializes a new instance of the <see cref="TokenCostCalculator"/> class.</summary>
    /// <remarks>A <see cref="Pricing.PricingContext"/> builds one from its cost model and data-centre parameters; build one directly only to price with parameters no context holds.</remarks>
    /// <param name="costModel">The components (for example <see cref="CostModel.Default"/>).</param>
    /// <param name="dataCenter">The data-centre parameters (electricity price, PUE, server overhead, carbon intensity), for example a catalog's <see cref="Catalog.DataCenter"/>.</param>
    public TokenCostCalculator(CostModel costModel, DataCenterDefaults dataCenter)
    {
        CostModel = Guard.NotNull(costModel);
        DataCenter = Guard.NotNull(dataCenter);
    }

    /// <summary>Gets the cost model.</summary>
    public CostModel CostModel { get; }

    /// <summary>Gets the data-centre parameters.</summary>
    public DataCenterDefaults DataCenter { get; }

    /// <summary>Prices an estimate.</summary>
    /// <param name="estimate">The performance estimate.</param>
    /// <returns>The token cost report.</returns>
    /// <exception cref="ArgumentException">A component cannot price this hardware (for example no catalog price).</exception>
    public TokenCostReport Calculate(PerformanceEstimate estimate)
    {
        Guard.NotNull(estimate);
        var context = new CostContext { Estimate = estimate, DataCenter = DataCenter };
        var hourly = new List<(Costs.ICostComponent Component, HourlyRate Rate)>();
        var baseCost = HourlyRate.Zero;
        foreach (var component in CostModel.Components.Where(c => c.Category != CostCategory.Serving))
        {
            var rate = component.GetHourlyCost(context);
            hourly.Add((component, rate));
            baseCost += rate;
        }

        var servingContext = context with { HardwareAndEnergyCostPerHour = baseCost };
        foreach (var component in CostModel.Components.Where(c => c.Category == CostCategory.Serving))
        {
            hourly.Add((component, component.GetHourlyCost(servingContext)));
        }

        // Each phase's tokens are priced at that phase's rate (TokenFormulas): input at the prefill rate, output at the decode rate.
        var inputRate = estimate.Workload.InputTokens > 0 ? estimate.PrefillTokensPerSecond.TokensPerSecond : 0;
        var outputRate = estimate.DecodeTokensPerSecond.TokensPerSecond;
        var components = hourly.Select(h => new ComponentCost
        {
            Name = h.Component.Name,
            Category = h.Component.Category,
            CostPerHour = h.Rate,
            CostPerMillionInputTokens = Money.FromUsd(TokenFormulas.UsdPerMillionTokens(h.Rate.UsdPerHour, inputRate)),
            CostPerMillionOutputTokens = Money.FromUsd(TokenFormulas.UsdPerMillionTokens(h.Rate.UsdPerHour, outputRate)),
        }).ToList();

        var overhead = DataCenter.ServerPowerOverhead * DataCenter.PowerUsageEffectiveness;
        var facilityEnergy = estimate.EnergyPerOutputToken is { } e ? e * overhead : (Energy?)null;
        return new TokenCostReport
        {
            Estimate = estimate,
            Components = components,
            FacilityPower = Costs.EnergyCost.FacilityPower(context),
            FacilityEnergyPerOutputToken = facilityEnergy,
            GramsCo2ePerMillionOutputTokens = facilityEnergy is { } f ? f.KilowattHours * 1e6 * DataCenter.GridCarbonIntensity.GramsCo2ePerKilowattHour : null,
        };
    }

    /// <summary>Prices a loaded operating point: $/1M prompt, output and total tokens at the throughput and power of that point.</summary>
    /// <param name="estimate">The loaded estimate.</param>
    /// <returns>The cost report.</returns>
    /// <exception cref="ArgumentException">A component cannot price this hardware (for example no catalog price).</exception>
    public LoadedCostReport Calculate(LoadedEstimate estimate)
    {
        Guard.NotNull(estimate);
        var atPoint = estimate.StaticAtAveragePower();
        var staticReport = Calculate(atPoint);
        var devices = (double)estimate.Devices;
        var inputRate = estimate.InputTokensPerSecondPerDevice * devices;
        var outputRate = estimate.OutputTokensPerSecondPerDevice * devices;
        var extra = estimate.PrefillIterationFraction * Math.Max(0, (estimate.MixedIterationTime - estimate.DecodeIterationTime).Seconds);
        var inputShare = inputRate > 0 ? Math.Clamp(extra / estimate.IterationTime.Seconds, 0, 1) : 0;

        // Disaggregated: every component is per device (at the devices' mean power), so the prefill pool scales the decode pool's hourly
        // cost by all devices ÷ decode devices; prompt tokens pay for the prefill pool's busy time, output tokens for the rest (the decode
        // pool and an idle prefill pool alike, so an oversized prefill pool raises the cost of output).
        var scale = devices / estimate.Configuration.Devices;
        if (estimate.Disaggregated is { } pools)
        {
            inputShare = inputRate > 0 ? pools.Prefill.Devices * estimate.PrefillPoolUtilization / devices : 0;
        }

        var components = staticReport.Components.Select(c => c with { CostPerHour = c.CostPerHour * scale }).Select(c => c with
        {
            CostPerMillionInputTokens = Money.FromUsd(TokenFormulas.UsdPerMillionTokens(c.CostPerHour.UsdPerHour * inputShare, inputRate)),
            CostPerMillionOutputTokens = Money.FromUsd(TokenFormulas.UsdPerMillionTokens(c.CostPerHour.UsdPerHour * (1 - inputShare), outputRate)),
        }).ToList();
        var total = components.Sum(c => c.CostPerHour.UsdPerHour);

        // The static report prices the decode pool's devices (all devices when not disaggregated); the prefill pool costs as much per device.
        return new LoadedCostReport
        {
            Estimate = estimate,
            Components = components,
            InputTimeShare = inputShare,
            CostPerMillionTotalTokens = Money.FromUsd(Guard.Result(total * TokenFormulas.TokensPerMillion / ((inputRate + outputRate) * TokenFormulas.SecondsPerHour))),
            FacilityPower = staticReport.FacilityPower * scale,
            AcceleratorEnergyPerOutputToken = staticReport.AcceleratorEnergyPerOutputToken * scale,
            GramsCo2ePerMillionOutputTokens = staticReport.GramsCo2ePerMillionOutputTokens * scale,
            DecodePoolCostPerHour = estimate.Disaggregated is null ? null : staticReport.TotalCostPerHour,
            PrefillPoolCostPerHour = estimate.Disaggregated is { } d ? staticReport.TotalCostPerHour * (d.Prefill.Devices / (double)estimate.Configuration.Devices) : null,
        };
    }
}
