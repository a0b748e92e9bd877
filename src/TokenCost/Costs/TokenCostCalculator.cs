using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>Prices a performance estimate with a cost model: each component's $/h divided by the tokens produced in an hour of each phase.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class TokenCostCalculator
{
    /// <summary>Initializes a new instance of the <see cref="TokenCostCalculator"/> class.</summary>
    /// <param name="costModel">The components, or null for <see cref="CostModel.Default"/>.</param>
    /// <param name="dataCenter">The data-centre parameters, or null for the embedded catalog's.</param>
    public TokenCostCalculator(CostModel? costModel = null, DataCenterDefaults? dataCenter = null)
    {
        CostModel = costModel ?? CostModel.Default;
        DataCenter = dataCenter ?? Catalog.Default.DataCenter;
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

        var servingContext = context with { HardwareAndEnergyPerHour = baseCost };
        foreach (var component in CostModel.Components.Where(c => c.Category == CostCategory.Serving))
        {
            hourly.Add((component, component.GetHourlyCost(servingContext)));
        }

        // Hours of deployment time per million tokens of each phase.
        var replicas = estimate.Configuration.Replicas;
        var inputTokensPerPrefill = (double)estimate.Batch * estimate.Workload.InputTokens * replicas;
        var hoursPerMillionInput = inputTokensPerPrefill > 0 ? estimate.TimeToFirstToken.Hours * 1e6 / inputTokensPerPrefill : 0;
        var hoursPerMillionOutput = estimate.TimePerOutputToken.Hours * 1e6 / ((double)estimate.Batch * replicas);
        var components = hourly.Select(h => new ComponentCost
        {
            Name = h.Component.Name,
            Category = h.Component.Category,
            PerHour = h.Rate,
            PerMillionInputTokens = Money.FromUsd(h.Rate.UsdPerHour * hoursPerMillionInput),
            PerMillionOutputTokens = Money.FromUsd(h.Rate.UsdPerHour * hoursPerMillionOutput),
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
}
