using TokenCost.Quantities;

namespace TokenCost.Economics.Scenarios;

/// <summary>Fleet savings and payback of moving the same traffic to new hardware.</summary>
/// <remarks>This type is immutable and thread-safe. Savings are signed: negative means the upgrade costs more.</remarks>
public sealed record UpgradeReport
{
    /// <summary>Gets the new fleet, priced as rentals.</summary>
    public FleetCost NewFleet { get; internal init; } = null!;

    /// <summary>Gets the yearly saving comparing rentals: current fleet per year − new fleet per year (signed: negative when the new fleet costs more).</summary>
    public MoneyDifference AnnualSavings { get; internal init; }

    /// <summary>Gets the purchase cost of the new fleet (devices × purchase price), in USD, or null when no purchase price is given.</summary>
    public double? CapitalExpenseUsd { get; internal init; }

    /// <summary>Gets the yearly operating cost of the purchased new fleet (energy and serving, no hardware rental), in USD, or null without a purchase price.</summary>
    public double? PurchasedOperatingCostPerYearUsd { get; internal init; }

    /// <summary>Gets the payback period in years: capital expense ÷ (current fleet per year − purchased operating cost per year), or null when it never pays back.</summary>
    public double? PaybackYears { get; internal init; }
}
