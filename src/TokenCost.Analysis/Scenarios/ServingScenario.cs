using TokenCost.Estimation;
using TokenCost.Internal;
using TokenCost.Quantities;

namespace TokenCost.Economics.Scenarios;

/// <summary>
/// A business scenario: a deployment serving a daily request volume, with optional upgrade, hybrid routing and API comparisons.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Load one from JSON with <see cref="ScenarioFile.Load"/>; the schema is in docs/economics.md.</remarks>
public sealed record ServingScenario
{
    private readonly double _requestsPerDay;
    private readonly double _cachedInputFraction;
    private readonly double _targetUtilization = 0.7;
    private readonly int _input = 512;
    private readonly int _output = 256;

    /// <summary>Gets the scenario's name.</summary>
    public string Name { get; init; } = "scenario";

    /// <summary>Gets the deployment (one replica group; the fleet is as many copies as the traffic needs).</summary>
    public required DeploymentConfiguration Deployment { get; init; }

    /// <summary>Gets the batch per replica, or null for as many as fit.</summary>
    public int? Batch { get; init; }

    /// <summary>Gets the rental price per device-hour, or null for the catalog's cloud price.</summary>
    public HourlyRate? PricePerDeviceHour { get; init; }

    /// <summary>Gets the prompt tokens per request, ≥ 0.</summary>
    /// <value>The default value is 512.</value>
    public int InputTokens { get => _input; init => _input = Guard.NonNegative(value, nameof(InputTokens)); }

    /// <summary>Gets the output tokens per request, ≥ 1.</summary>
    /// <value>The default value is 256.</value>
    public int OutputTokens { get => _output; init => _output = Guard.Positive(value, nameof(OutputTokens)); }

    /// <summary>Gets the requests per day, ≥ 0.</summary>
    public required double RequestsPerDay { get => _requestsPerDay; init => _requestsPerDay = Guard.NonNegativeFinite(value, nameof(RequestsPerDay)); }

    /// <summary>Gets the fraction of input tokens an API would bill at its cached-input price, in [0, 1].</summary>
    /// <value>The default value is 0.</value>
    public double CachedInputFraction { get => _cachedInputFraction; init => _cachedInputFraction = Guard.Fraction(value, nameof(CachedInputFraction)); }

    /// <summary>Gets the average utilisation the fleet is sized for (headroom for peaks), in (0, 1].</summary>
    /// <value>The default value is 0.7.</value>
    public double TargetUtilization { get => _targetUtilization; init => _targetUtilization = Guard.PositiveFraction(value, nameof(TargetUtilization)); }

    /// <summary>Gets the upgrade to evaluate, or null.</summary>
    public UpgradeOption? Upgrade { get; init; }

    /// <summary>Gets the hybrid routing to evaluate, or null.</summary>
    public HybridRoutingOption? Routing { get; init; }

    /// <summary>Gets the API to compare with, or null.</summary>
    public ApiPricing? Api { get; init; }
}
