namespace TokenCost.Contracts;

/// <summary>Self-hosting against an API's list prices.</summary>
public sealed record ApiComparisonResponse
{
    /// <summary>Gets the API's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the API's price of one request, in USD.</summary>
    public required double ApiCostPerRequestUsd { get; init; }

    /// <summary>Gets the API's price of the day's traffic, in USD.</summary>
    public required double ApiCostPerDayUsd { get; init; }

    /// <summary>Gets the self-hosted fleet's cost per day, in USD.</summary>
    public required double SelfHostedCostPerDayUsd { get; init; }

    /// <summary>Gets the traffic at which self-hosting costs what the API does, in requests per day, or null when it never does.</summary>
    public required double? BreakEvenRequestsPerDay { get; init; }

    /// <summary>Gets the break-even traffic in output tokens per day, or null.</summary>
    public required double? BreakEvenOutputTokensPerDay { get; init; }

    /// <summary>Gets which is cheaper at the scenario's traffic: api or self-hosted.</summary>
    public required string Cheaper { get; init; }
}
