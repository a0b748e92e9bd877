using TokenCost.Quantities;

namespace TokenCost.Economics.Scenarios;

/// <summary>Self-hosting against an API's list prices: cost at the scenario's volume and the break-even volume.</summary>
/// <remarks>
/// This type is immutable and thread-safe. API cost per request = (input × (1 − cached) × input price + input × cached × cached price
/// + output × output price) ÷ 10⁶. Self-hosting costs whole deployments, so its cost per day is a step function of volume; the first
/// break-even is at one deployment: requests per day = cost of a deployment-day ÷ API cost per request, provided the deployment's
/// marginal cost per request at the target utilisation is below the API's (else self-hosting never breaks even).
/// </remarks>
public sealed record ApiComparison
{
    /// <summary>Gets the API's prices.</summary>
    public ApiPricing Api { get; internal init; } = null!;

    /// <summary>Gets the API's cost per request.</summary>
    public Money ApiCostPerRequest { get; internal init; }

    /// <summary>Gets the API's cost per day at the scenario's volume.</summary>
    public Money ApiCostPerDay { get; internal init; }

    /// <summary>Gets the self-hosted fleet's cost per day at the scenario's volume.</summary>
    public Money SelfHostedCostPerDay { get; internal init; }

    /// <summary>Gets the requests per day above which self-hosting is cheaper, or null when it never is.</summary>
    public double? BreakEvenRequestsPerDay { get; internal init; }

    /// <summary>Gets the output tokens per day at the break-even, or null when self-hosting never breaks even.</summary>
    public double? BreakEvenOutputTokensPerDay { get; internal init; }

    /// <summary>Gets the cheaper option at the scenario's volume (self-hosting on a tie).</summary>
    public ServingOption Cheaper => SelfHostedCostPerDay <= ApiCostPerDay ? ServingOption.SelfHosted : ServingOption.Api;
}
