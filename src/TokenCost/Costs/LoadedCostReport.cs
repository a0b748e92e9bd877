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
}
