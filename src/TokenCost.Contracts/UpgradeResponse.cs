namespace TokenCost.Contracts;

/// <summary>Moving the scenario's traffic to another fleet.</summary>
public sealed record UpgradeResponse
{
    /// <summary>Gets the new fleet.</summary>
    public required FleetResponse NewFleet { get; init; }

    /// <summary>Gets the rented savings per year (negative: the new fleet costs more), in USD.</summary>
    public required double AnnualSavingsUsd { get; init; }

    /// <summary>Gets the purchase price of the new fleet, in USD, or null when it has no purchase price.</summary>
    public required double? CapitalExpenseUsd { get; init; }

    /// <summary>Gets the yearly cost of running the purchased fleet, in USD, or null.</summary>
    public required double? PurchasedOperatingCostPerYearUsd { get; init; }

    /// <summary>Gets the years until the purchase pays back, or null when it never does.</summary>
    public required double? PaybackYears { get; init; }
}
