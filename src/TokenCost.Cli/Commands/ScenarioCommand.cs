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
                var pricing = options.ResolveContext(result);
                var scenario = ScenarioFile.Load(result.GetValue(file)!, pricing.Catalog);
                var report = new ScenarioAnalyzer(pricing).Analyze(scenario);
                if (format == OutputFormat.Json)
                {
                    JsonOutput.Write(AnalysisMapper.ToResponse(report), JsonOutput.Contracts.ScenarioResponse);
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

    private static void WriteSummary(ScenarioReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        var f = report.Fleet;
        var c = f.Report.Estimate.Configuration;
        var lines = new List<string>
        {
            string.Create(inv, $"Scenario '{report.Scenario.Name}': {report.Scenario.RequestsPerDay:N0} requests/day ({report.Scenario.InputTokens} in + {report.Scenario.OutputTokens} out tokens)."),
            string.Create(inv, $"Fleet: {f.Deployments} × ({c.Devices} × {c.Hardware.Id}, {c.Weights.Id}, batch {f.Report.Estimate.Batch}) = {f.Devices} devices, busy {f.BusyFraction:P0}; ${f.CostPerDay.Usd:N0}/day, ${f.CostPerYear.Usd:N0}/year."),
            string.Create(inv, $"Energy {f.EnergyPerDay.KilowattHours:N0} kWh/day; emissions {f.OperationalTonnesCo2ePerYear:N1} tCO2e/yr operational + {f.EmbodiedTonnesCo2ePerYear:N1} tCO2e/yr embodied."),
        };
        if (report.Upgrade is { } u)
        {
            var rented = !u.AnnualSavings.IsNegative ? string.Create(inv, $"saves ${u.AnnualSavings.Usd:N0}/year") : string.Create(inv, $"costs ${u.AnnualSavings.Magnitude.Usd:N0}/year more");
            var bought = u.CapitalExpenseUsd is double capex
                ? string.Create(inv, $"; bought: ${capex:N0} capex, ${u.PurchasedOperatingCostPerYearUsd:N0}/year to run, payback {(u.PaybackYears is double y ? y.ToString("F2", inv) + " years" : "never")}")
                : "";
            lines.Add(string.Create(inv, $"Upgrade to {u.NewFleet.Deployments} × ({u.NewFleet.Report.Estimate.Configuration.Devices} × {u.NewFleet.Report.Estimate.Configuration.Hardware.Id}) = {u.NewFleet.Devices} devices: rented ${u.NewFleet.CostPerYear.Usd:N0}/year, {rented}{bought}."));
        }

        if (report.Routing is { } r)
        {
            lines.Add(string.Create(inv, $"Routing {r.OnDeviceShare:P0} on device: {r.DeviceEnergyPerQuery?.KilowattHours * 1000:F3} Wh/query on device; blended ${r.BlendedCostPerDay.Usd:N0}/day (saving {r.SavingsPerDay.ToString("N0", inv)}/day); blended quality {(r.BlendedQuality is double q ? q.ToString("F3", inv) : "n/a")}."));
        }

        if (report.Api is { } a)
        {
            lines.Add(string.Create(inv, $"API '{a.Api.Name}': ${a.ApiCostPerDay.Usd:N0}/day vs self-hosted ${a.SelfHostedCostPerDay.Usd:N0}/day → {Word(a.Cheaper)} is cheaper; break-even {(a.BreakEvenRequestsPerDay is double be ? be.ToString("N0", inv) + " requests/day" : "never")}."));
        }

        foreach (var line in lines)
        {
            AnsiConsole.MarkupLine(Markup.Escape(line));
        }
    }

    /// <summary>The JSON and summary word of a serving option: "self-hosted" or "api".</summary>
    private static string Word(ServingOption option) => option == ServingOption.Api ? "api" : "self-hosted";
}
