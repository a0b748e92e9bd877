using TokenCost.Quantities;
using TokenCost.Serving.Load;

namespace TokenCost.Costs;

/// <summary>
/// The cost of tokens at a loaded operating point: the deployment's hourly cost (energy at the power of that point) divided by the
/// tokens it processes in an hour.
/// </summary>
/// <remarks>
/// This type is immutable and thread-safe. The hourly cost is split between prompt and output tokens by the share of engine time their
/// work takes (<see cref="InputTimeShare"/>: the extra time of prefill-carrying iterations over decode-only ones), so that
/// input cost × input tokens + output cost × output tokens = total cost × (input + output tokens).
/// </remarks>
public sealed record LoadedCostReport
{
    /// <summary>Gets the loaded estimate priced.</summary>
    public LoadedEstimate Estimate { get; internal init; } = null!;

    /// <summary>Gets each component's hourly cost and its share of the cost of a million prompt and output tokens.</summary>
    public IReadOnlyList<ComponentCost> Components { get; internal init; } = null!;

    /// <summary>Gets the fraction of the hourly cost charged to prompt tokens, in [0, 1].</summary>
    public double InputTimeShare { get; internal init; }

    /// <summary>Gets the hourly cost of the whole deployment.</summary>
    public HourlyRate TotalCostPerHour => HourlyRate.FromUsdPerHour(Components.Sum(c => c.CostPerHour.UsdPerHour));

    /// <summary>Gets the cost of one million prompt tokens.</summary>
    public Money CostPerMillionInputTokens => Money.FromUsd(Components.Sum(c => c.CostPerMillionInputTokens.Usd));

    /// <summary>Gets the cost of one million output tokens.</summary>
    public Money CostPerMillionOutputTokens => Money.FromUsd(Components.Sum(c => c.CostPerMillionOutputTokens.Usd));

    /// <summary>Gets the cost of one million tokens, prompt and output counted alike (the InferenceX "cost per 1M total tokens").</summary>
    public Money CostPerMillionTotalTokens { get; internal init; }

    /// <summary>Gets the hourly cost of the hardware components of the whole deployment, in USD per hour.</summary>
    public HourlyRate HardwareCostPerHour => CategoryPerHour(CostCategory.Hardware);

    /// <summary>Gets the hourly cost of the energy components of the whole deployment, in USD per hour.</summary>
    public HourlyRate EnergyCostPerHour => CategoryPerHour(CostCategory.Energy);

    /// <summary>Gets the hourly cost of the serving components of the whole deployment, in USD per hour.</summary>
    public HourlyRate ServingCostPerHour => CategoryPerHour(CostCategory.Serving);

    /// <summary>
    /// Gets the facility power of the whole deployment at this operating point: every device (both pools when disaggregated) at
    /// <see cref="LoadedEstimate.AveragePowerPerDevice"/> × server overhead × PUE, in watts (zero when the hardware lists no TDP).
    /// </summary>
    public Power FacilityPower { get; internal init; }

    /// <summary>
    /// Gets the accelerator (board-level) energy per output token at this operating point, counting every device of the deployment (a
    /// disaggregated deployment's prefill pool included): the static estimate's decode-step energy at <see cref="LoadedEstimate.AveragePowerPerDevice"/>,
    /// in joules per token, or null when the hardware lists no TDP.
    /// </summary>
    public Energy? AcceleratorEnergyPerOutputToken { get; internal init; }

    /// <summary>
    /// Gets the operational emissions of one million output tokens (facility energy × grid intensity) counting every device of the deployment,
    /// in grams CO2e, or null when the hardware lists no TDP.
    /// </summary>
    public double? GramsCo2ePerMillionOutputTokens { get; internal init; }

    /// <summary>
    /// Gets the hourly cost of a disaggregated deployment's prefill pool (its devices at the deployment's cost per device-hour at this
    /// operating point, energy at the devices' mean power), in USD per hour, or null when the deployment is not disaggregated.
    /// </summary>
    /// <value>The default value is null.</value>
    public HourlyRate? PrefillPoolCostPerHour { get; internal init; }

    /// <summary>
    /// Gets the hourly cost of a disaggregated deployment's decode pool (its devices at the deployment's cost per device-hour at this
    /// operating point), in USD per hour, or null when the deployment is not disaggregated. With <see cref="PrefillPoolCostPerHour"/> it
    /// makes up <see cref="TotalCostPerHour"/>.
    /// </summary>
    /// <value>The default value is null.</value>
    public HourlyRate? DecodePoolCostPerHour { get; internal init; }

    private HourlyRate CategoryPerHour(CostCategory category) =>
        HourlyRate.FromUsdPerHour(Components.Where(c => c.Category == category).Sum(c => c.CostPerHour.UsdPerHour));
}
