using TokenCost.Quantities;

namespace TokenCost.Economics.Scenarios;

/// <summary>A hosted API's list prices per million tokens.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ApiPricing
{
    /// <summary>Gets the API's name, for reports.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the price of one million (uncached) input tokens.</summary>
    public required Money CostPerMillionInputTokens { get; init; }

    /// <summary>Gets the price of one million output tokens.</summary>
    public required Money CostPerMillionOutputTokens { get; init; }

    /// <summary>Gets the price of one million cached input tokens, or null when the API has no cache discount (cached tokens then cost the input price).</summary>
    public Money? CostPerMillionCachedInputTokens { get; init; }
}
