using TokenCost.Estimation;
using TokenCost.Quantities;

namespace TokenCost.Costs;

/// <summary>
/// Token Cost = (Hardware + Energy + Serving) / Tokens, with the breakdown by component and category, energy and emissions per token.
/// </summary>
/// <remarks>
/// <para>This type is immutable and thread-safe. Totals are the sums of the components, so the breakdown adds up exactly.</para>
/// <para>Input tokens are priced by the prefill time (TTFT per batch × replicas), output tokens by the decode time (one decode step
/// produces batch × replicas tokens); the first output token of a sequence comes out of the prefill.</para>
/// </remarks>
public sealed partial record TokenCostReport
{
    /// <summary>Gets the performance estimate priced.</summary>
    public PerformanceEstimate Estimate { get; internal init; } = null!;

    /// <summary>Gets each component's cost.</summary>
    public IReadOnlyList<ComponentCost> Components { get; internal init; } = null!;

    /// <summary>Gets the total cost per hour of the deployment (sum of the components).</summary>
    public HourlyRate TotalCostPerHour => Sum(c => c.CostPerHour.UsdPerHour, HourlyRate.FromUsdPerHour);

    /// <summary>Gets the cost of one million input tokens (sum of the components).</summary>
    public Money CostPerMillionInputTokens => Sum(c => c.CostPerMillionInputTokens.Usd, Money.FromUsd);

    /// <summary>Gets the cost of one million output tokens (sum of the components).</summary>
    public Money CostPerMillionOutputTokens => Sum(c => c.CostPerMillionOutputTokens.Usd, Money.FromUsd);

    /// <summary>Gets the hourly cost of the hardware components.</summary>
    public HourlyRate HardwareCostPerHour => CategoryPerHour(CostCategory.Hardware);

    /// <summary>Gets the hourly cost of the energy components.</summary>
    public HourlyRate EnergyCostPerHour => CategoryPerHour(CostCategory.Energy);

    /// <summary>Gets the hourly cost of the serving components.</summary>
    public HourlyRate ServingCostPerHour => CategoryPerHour(CostCategory.Serving);

    /// <summary>Gets the facility power of the deployment (accelerators × server overhead × PUE).</summary>
    public Power FacilityPower { get; internal init; }

    /// <summary>Gets the accelerator (board-level) energy per output token during decode, or null when the hardware lists no TDP.</summary>
    public Energy? AcceleratorEnergyPerOutputToken => Estimate.EnergyPerOutputToken;

    /// <summary>Gets the facility energy per output token during decode (accelerator energy × server overhead × PUE), or null without a TDP.</summary>
    public Energy? FacilityEnergyPerOutputToken { get; internal init; }

    /// <summary>Gets the operational emissions of one million output tokens in grams CO2e (facility energy × grid intensity), or null without a TDP.</summary>
    public double? GramsCo2ePerMillionOutputTokens { get; internal init; }

    private HourlyRate CategoryPerHour(CostCategory category) =>
        HourlyRate.FromUsdPerHour(Components.Where(c => c.Category == category).Sum(c => c.CostPerHour.UsdPerHour));

    private T Sum<T>(Func<ComponentCost, double> value, Func<double, T> create)
    {
        var total = 0.0;
        foreach (var c in Components)
        {
            total += value(c);
        }

        return create(total);
    }
}
