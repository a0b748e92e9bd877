using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Economics.Scenarios;
using TokenCost.Estimation;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost scenario</c>: daily and yearly cost, energy and emissions of a fleet, with upgrade payback, hybrid routing and API break-even.</summary>
public static class ScenarioCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var file = new Option<string>("--file") { Description = "Scenario JSON file (schema: docs/economics.md; examples: samples/scenarios/)", Required = true };
        var options = new DeploymentOptions();
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("scenario", "Answer a business scenario: fleet size and cost per day and year, energy (kWh) and emissions (tCO2e/yr, operational and embodied), upgrade savings and payback, hybrid on-device/cloud routing, self-hosting vs an API's list prices and the break-even volume.\n\nExample:\n  tokencost scenario --file samples/scenarios/chat-assistant.json --json") { file };
        options.AddCatalogOptionsTo(command);
        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(
            result,
            format =>
            {
                var catalog = options.ResolveCatalog(result);
                var scenario = ScenarioFile.Load(result.GetValue(file)!, catalog);
                var report = new ScenarioAnalyzer(new RooflineEstimator(catalog.Profiles), catalog.DataCenter).Analyze(scenario);
                if (format == OutputFormat.Json)
                {
                    JsonOutput.Write(ToResponse(report), JsonOutput.Contracts.ScenarioResponse);
                }
                else
                {
                    WriteSummary(report);
                }

                return ExitCodes.Success;
            },
            [.. options.Inputs(result), ("--file", result.GetValue(file))])));
        return command;
    }

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
            Fleet = Fleet(report.Fleet),
            Upgrade = report.Upgrade is { } u ? new UpgradeResponse
            {
                NewFleet = Fleet(u.NewFleet),
                AnnualSavingsUsd = u.AnnualSavingsUsd,
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
                CloudFleet = Fleet(r.CloudFleet),
                BlendedCostPerDayUsd = r.BlendedPerDay.Usd,
                SavingsPerDayUsd = r.SavingsPerDayUsd,
                BlendedQuality = ContractJson.Finite(r.BlendedQuality),
            } : null,
            Api = report.Api is { } a ? new ApiComparisonResponse
            {
                Name = a.Api.Name,
                ApiCostPerRequestUsd = a.ApiPerRequest.Usd,
                ApiCostPerDayUsd = a.ApiPerDay.Usd,
                SelfHostedCostPerDayUsd = a.SelfHostedPerDay.Usd,
                BreakEvenRequestsPerDay = ContractJson.Finite(a.BreakEvenRequestsPerDay),
                BreakEvenOutputTokensPerDay = ContractJson.Finite(a.BreakEvenOutputTokensPerDay),
                Cheaper = a.Cheaper,
            } : null,
        };
    }

    private static FleetResponse Fleet(FleetCost f)
    {
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
            CostPerDayUsd = f.PerDay.Usd,
            CostPerYearUsd = f.PerYear.Usd,
            CostPerRequestUsd = ContractJson.Finite(f.PerRequest?.Usd),
            CostPerMillionOutputTokensUsd = f.Report.PerMillionOutputTokens.Usd,
            EnergyPerDayKwh = f.EnergyPerDay.KilowattHours,
            EnergyPerYearKwh = f.EnergyPerDay.KilowattHours * 365,
            OperationalTonnesCo2ePerYear = f.OperationalTonnesCo2ePerYear,
            EmbodiedTonnesCo2ePerYear = f.EmbodiedTonnesCo2ePerYear,
        };
    }

    private static void WriteSummary(ScenarioReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var f = report.Fleet;
        var c = f.Report.Estimate.Configuration;
        var lines = new List<string>
        {
            string.Create(inv, $"Scenario '{report.Scenario.Name}': {report.Scenario.RequestsPerDay:N0} requests/day ({report.Scenario.InputTokens} in + {report.Scenario.OutputTokens} out tokens)."),
            string.Create(inv, $"Fleet: {f.Deployments} × ({c.Devices} × {c.Hardware.Id}, {c.Weights.Id}, batch {f.Report.Estimate.Batch}) = {f.Devices} devices, busy {f.BusyFraction:P0}; ${f.PerDay.Usd:N0}/day, ${f.PerYear.Usd:N0}/year."),
            string.Create(inv, $"Energy {f.EnergyPerDay.KilowattHours:N0} kWh/day; emissions {f.OperationalTonnesCo2ePerYear:N1} tCO2e/yr operational + {f.EmbodiedTonnesCo2ePerYear:N1} tCO2e/yr embodied."),
        };
        if (report.Upgrade is { } u)
        {
            var rented = u.AnnualSavingsUsd >= 0 ? string.Create(inv, $"saves ${u.AnnualSavingsUsd:N0}/year") : string.Create(inv, $"costs ${-u.AnnualSavingsUsd:N0}/year more");
            var bought = u.CapitalExpenseUsd is double capex
                ? string.Create(inv, $"; bought: ${capex:N0} capex, ${u.PurchasedOperatingCostPerYearUsd:N0}/year to run, payback {(u.PaybackYears is double y ? y.ToString("F2", inv) + " years" : "never")}")
                : "";
            lines.Add(string.Create(inv, $"Upgrade to {u.NewFleet.Deployments} × ({u.NewFleet.Report.Estimate.Configuration.Devices} × {u.NewFleet.Report.Estimate.Configuration.Hardware.Id}) = {u.NewFleet.Devices} devices: rented ${u.NewFleet.PerYear.Usd:N0}/year, {rented}{bought}."));
        }

        if (report.Routing is { } r)
        {
            lines.Add(string.Create(inv, $"Routing {r.OnDeviceShare:P0} on device: {r.DeviceEnergyPerQuery?.KilowattHours * 1000:F3} Wh/query on device; blended ${r.BlendedPerDay.Usd:N0}/day (saving ${r.SavingsPerDayUsd:N0}/day); blended quality {(r.BlendedQuality is double q ? q.ToString("F3", inv) : "n/a")}."));
        }

        if (report.Api is { } a)
        {
            lines.Add(string.Create(inv, $"API '{a.Api.Name}': ${a.ApiPerDay.Usd:N0}/day vs self-hosted ${a.SelfHostedPerDay.Usd:N0}/day → {a.Cheaper} is cheaper; break-even {(a.BreakEvenRequestsPerDay is double be ? be.ToString("N0", inv) + " requests/day" : "never")}."));
        }

        foreach (var line in lines)
        {
            AnsiConsole.MarkupLine(Markup.Escape(line));
        }
    }
}
