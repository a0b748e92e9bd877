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

        var servingContext = context with { HardwareAndEnergyCostPerHour = baseCost };
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
            CostPerHour = h.Rate,
            CostPerMillionInputTokens = Money.FromUsd(h.Rate.UsdPerHour * hoursPerMillionInput),
            CostPerMillionOutputTokens = Money.FromUsd(h.Rate.UsdPerHour * hoursPerMillionOutput),
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
        var atPoint = estimate.Static with { PrefillPowerPerDevice = estimate.AveragePowerPerDevice, DecodePowerPerDevice = estimate.AveragePowerPerDevice };
        var staticReport = Calculate(atPoint);
        var devices = (double)estimate.Configuration.Devices;
        var inputPerHour = estimate.InputTokensPerSecondPerDevice * devices * 3600;
        var outputPerHour = estimate.OutputTokensPerSecondPerDevice * devices * 3600;
        var extra = estimate.PrefillIterationFraction * Math.Max(0, (estimate.MixedIterationTime - estimate.DecodeIterationTime).Seconds);
        var inputShare = inputPerHour > 0 ? Math.Clamp(extra / estimate.IterationTime.Seconds, 0, 1) : 0;
        var components = staticReport.Components.Select(c => c with
        {
            CostPerMillionInputTokens = Money.FromUsd(inputPerHour > 0 ? c.CostPerHour.UsdPerHour * inputShare * 1e6 / inputPerHour : 0),
            CostPerMillionOutputTokens = Money.FromUsd(outputPerHour > 0 ? c.CostPerHour.UsdPerHour * (1 - inputShare) * 1e6 / outputPerHour : 0),
        }).ToList();
        var total = components.Sum(c => c.CostPerHour.UsdPerHour);
        return new LoadedCostReport
        {
            Estimate = estimate,
            Components = components,
            InputTimeShare = inputShare,
            CostPerMillionTotalTokens = Money.FromUsd(Guard.Result(total * 1e6 / (inputPerHour + outputPerHour))),
        };
    }
}
