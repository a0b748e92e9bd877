using TokenCost.Audit;
using TokenCost.Economics.Scenarios;
using TokenCost.Validation;

namespace TokenCost.Contracts;

/// <summary>Builds the contracts of the analysis package's results (scenarios, claim audits, validation and calibration accuracy).</summary>
public static class AnalysisMapper
{
    /// <summary>Maps a scenario report to its contract.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The contract.</returns>
    public static ScenarioResponse ToResponse(ScenarioReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Scenario;
        return new ScenarioResponse
        {
            Name = s.Name,
            RequestsPerDay = s.RequestsPerDay,
            InputTokensPerDay = s.RequestsPerDay * s.InputTokens,
            OutputTokensPerDay = s.RequestsPerDay * s.OutputTokens,
            Fleet = ToResponse(report.Fleet),
            Upgrade = report.Upgrade is { } u ? new UpgradeResponse
            {
                NewFleet = ToResponse(u.NewFleet),
                AnnualSavingsUsd = u.AnnualSavings.Usd,
                CapitalExpenseUsd = ContractJson.Finite(u.CapitalExpenseUsd),
                PurchasedOperatingCostPerYearUsd = ContractJson.Finite(u.PurchasedOperatingCostPerYearUsd),
                PaybackYears = ContractJson.Finite(u.PaybackYears),
            } : null,
            Routing = report.Routing is { } r ? new RoutingResponse
            {
                OnDeviceShare = r.OnDeviceShare,
                DeviceRequestLatencyMs = r.DeviceRequestLatency.Milliseconds,
                DeviceEnergyPerQueryWh = ContractJson.Finite(r.DeviceEnergyPerQuery?.KilowattHours * 1000),
                DeviceCostPerQueryUsd = ContractJson.Finite(r.DeviceCostPerQuery?.Usd),
                CloudFleet = ToResponse(r.CloudFleet),
                BlendedCostPerDayUsd = r.BlendedCostPerDay.Usd,
                SavingsPerDayUsd = r.SavingsPerDay.Usd,
                BlendedQuality = ContractJson.Finite(r.BlendedQuality),
            } : null,
            Api = report.Api is { } a ? new ApiComparisonResponse
            {
                Name = a.Api.Name,
                ApiCostPerRequestUsd = a.ApiCostPerRequest.Usd,
                ApiCostPerDayUsd = a.ApiCostPerDay.Usd,
                SelfHostedCostPerDayUsd = a.SelfHostedCostPerDay.Usd,
                BreakEvenRequestsPerDay = ContractJson.Finite(a.BreakEvenRequestsPerDay),
                BreakEvenOutputTokensPerDay = ContractJson.Finite(a.BreakEvenOutputTokensPerDay),
                Cheaper = a.Cheaper == ServingOption.SelfHosted ? "self-hosted" : "api",
            } : null,
        };
    }

    /// <summary>Maps a fleet to its contract.</summary>
    /// <param name="f">The fleet.</param>
    /// <returns>The contract.</returns>
    public static FleetResponse ToResponse(FleetCost f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var c = f.Report.Estimate.Configuration;
        return new FleetResponse
        {
            Model = c.Model.Id,
            Hardware = c.Hardware.Id,
            DevicesPerDeployment = c.Devices,
            Weights = c.Weights.Id,
            Batch = f.Report.Estimate.Batch,
            CapacityRequestsPerSecond = f.CapacityRequestsPerSecond,
            Deployments = f.Deployments,
            Devices = f.Devices,
            BusyFraction = f.BusyFraction,
            CostPerDayUsd = f.CostPerDay.Usd,
            CostPerYearUsd = f.CostPerYear.Usd,
            CostPerRequestUsd = ContractJson.Finite(f.CostPerRequest?.Usd),
            CostPerMillionOutputTokensUsd = f.Report.CostPerMillionOutputTokens.Usd,
            EnergyPerDayKwh = f.EnergyPerDay.KilowattHours,
            EnergyPerYearKwh = f.EnergyPerDay.KilowattHours * 365,
            OperationalTonnesCo2ePerYear = f.OperationalTonnesCo2ePerYear,
            EmbodiedTonnesCo2ePerYear = f.EmbodiedTonnesCo2ePerYear,
        };
    }

    /// <summary>Maps the audits to their contract, one object per claim in file order.</summary>
    /// <param name="audits">The audits.</param>
    /// <returns>The contract.</returns>
    public static IReadOnlyList<ClaimAuditResponse> ToResponse(IEnumerable<ClaimAudit> audits)
    {
        ArgumentNullException.ThrowIfNull(audits);
        return audits.Select(a => new ClaimAuditResponse
        {
            Id = a.Claim.Id,
            Kind = KindWord(a.Claim.Kind),
            Metric = a.Claim.Metric,
            Verdict = a.Verdict.ToString().ToLowerInvariant(),
            Claimed = a.Claim.ClaimedFlag is null ? ContractJson.Finite(a.Claim.Claimed) : null,
            ClaimedFlag = a.Claim.ClaimedFlag,
            Modeled = a.ModeledFlag is null ? ContractJson.Finite(a.Modeled) : null,
            ModeledFlag = a.ModeledFlag,
            Bound = new AuditBoundResponse { Name = a.Bound.Name, Value = ContractJson.Finite(a.Bound.Value), Unit = a.Bound.Unit, Formula = a.Bound.Formula, Holds = a.Bound.Holds },
            Assumptions = a.Assumptions.ToArray(),
            Explanation = a.Explanation,
        }).ToArray();
    }

    private static string KindWord(ClaimKind kind) => kind switch
    {
        ClaimKind.TokenCost => "token_cost",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Maps an accuracy summary to its contract.</summary>
    /// <param name="s">The summary.</param>
    /// <returns>The contract.</returns>
    public static AccuracySummaryResponse ToResponse(AccuracySummary s) => new()
    {
        Cases = s.Cases,
        Coverage = s.Coverage,
        MedianApePercent = ContractJson.Finite(s.MedianApe),
        P90ApePercent = ContractJson.Finite(s.P90Ape),
    };
}
