using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Economics.Scenarios;
using TokenCost.Estimation;
using TokenCost.Serving;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost scenario</c>: daily and yearly cost, energy and emissions of a fleet, with upgrade payback, hybrid routing and API break-even.</summary>
public static class ScenarioCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var file = new Option<string>("--file") { Description = "Scenario JSON file (schema: docs/economics.md; examples: samples/scenarios/)", Required = true };
        var catalogFile = new Option<string?>("--catalog") { Description = "JSON file adding or replacing catalog entries" };
        var profilesFile = new Option<string?>("--profiles") { Description = "Serving profiles JSON (from 'tokencost calibrate')" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a summary" };
        var command = new Command("scenario", "Answer a business scenario: fleet size and cost per day and year, energy (kWh) and emissions (tCO2e/yr, operational and embodied), upgrade savings and payback, hybrid on-device/cloud routing, self-hosting vs an API's list prices and the break-even volume.\n\nExample:\n  tokencost scenario --file samples/scenarios/chat-assistant.json --json") { file, catalogFile, profilesFile, json };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var catalog = Catalog.Default;
            if (result.GetValue(catalogFile) is { } c)
            {
                catalog = catalog.WithOverrides(c);
            }

            if (result.GetValue(profilesFile) is { } p)
            {
                catalog = catalog.WithProfiles(ServingProfiles.Load(p));
            }

            var scenario = ScenarioFile.Load(result.GetValue(file)!, catalog);
            var report = new ScenarioAnalyzer(new RooflineEstimator(catalog.Profiles), catalog.DataCenter).Analyze(scenario);
            if (result.GetValue(json))
            {
                JsonOutput.Write(w => WriteJson(w, report));
            }
            else
            {
                WriteSummary(report);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Writes a scenario report as one JSON object.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="report">The report.</param>
    public static void WriteJson(Utf8JsonWriter w, ScenarioReport report)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Scenario;
        w.WriteStartObject();
        w.WriteString("name", s.Name);
        w.WriteNumber("requestsPerDay", s.RequestsPerDay);
        w.WriteNumber("inputTokensPerDay", s.RequestsPerDay * s.InputTokens);
        w.WriteNumber("outputTokensPerDay", s.RequestsPerDay * s.OutputTokens);
        w.WritePropertyName("fleet");
        Fleet(w, report.Fleet);
        if (report.Upgrade is { } u)
        {
            w.WriteStartObject("upgrade");
            w.WritePropertyName("newFleet");
            Fleet(w, u.NewFleet);
            w.WriteNumber("annualSavingsUsd", u.AnnualSavingsUsd);
            w.NumberOrNull("capitalExpenseUsd", u.CapitalExpenseUsd);
            w.NumberOrNull("purchasedOperatingCostPerYearUsd", u.PurchasedOperatingCostPerYearUsd);
            w.NumberOrNull("paybackYears", u.PaybackYears);
            w.WriteEndObject();
        }

        if (report.Routing is { } r)
        {
            w.WriteStartObject("routing");
            w.WriteNumber("onDeviceShare", r.OnDeviceShare);
            w.WriteNumber("deviceRequestLatencyMs", r.DeviceRequestLatency.Milliseconds);
            w.NumberOrNull("deviceEnergyPerQueryWh", r.DeviceEnergyPerQuery?.KilowattHours * 1000);
            w.NumberOrNull("deviceCostPerQueryUsd", r.DeviceCostPerQuery?.Usd);
            w.WritePropertyName("cloudFleet");
            Fleet(w, r.CloudFleet);
            w.WriteNumber("blendedCostPerDayUsd", r.BlendedCostPerDay.Usd);
            w.WriteNumber("savingsPerDayUsd", r.SavingsPerDayUsd);
            w.NumberOrNull("blendedQuality", r.BlendedQuality);
            w.WriteEndObject();
        }

        if (report.Api is { } a)
        {
            w.WriteStartObject("api");
            w.WriteString("name", a.Api.Name);
            w.WriteNumber("apiCostPerRequestUsd", a.ApiCostPerRequest.Usd);
            w.WriteNumber("apiCostPerDayUsd", a.ApiCostPerDay.Usd);
            w.WriteNumber("selfHostedCostPerDayUsd", a.SelfHostedCostPerDay.Usd);
            w.NumberOrNull("breakEvenRequestsPerDay", a.BreakEvenRequestsPerDay);
            w.NumberOrNull("breakEvenOutputTokensPerDay", a.BreakEvenOutputTokensPerDay);
            w.WriteString("cheaper", a.Cheaper);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Fleet(Utf8JsonWriter w, FleetCost f)
    {
        var c = f.Report.Estimate.Configuration;
        w.WriteStartObject();
        w.WriteString("model", c.Model.Id);
        w.WriteString("hardware", c.Hardware.Id);
        w.WriteNumber("devicesPerDeployment", c.Devices);
        w.WriteString("weights", c.Weights.Id);
        w.WriteNumber("batch", f.Report.Estimate.Batch);
        w.WriteNumber("capacityRequestsPerSecond", f.CapacityRequestsPerSecond);
        w.WriteNumber("deployments", f.Deployments);
        w.WriteNumber("devices", f.Devices);
        w.WriteNumber("busyFraction", f.BusyFraction);
        w.WriteNumber("costPerDayUsd", f.CostPerDay.Usd);
        w.WriteNumber("costPerYearUsd", f.CostPerYear.Usd);
        w.NumberOrNull("costPerRequestUsd", f.CostPerRequest?.Usd);
        w.WriteNumber("costPerMillionOutputTokensUsd", f.Report.CostPerMillionOutputTokens.Usd);
        w.WriteNumber("energyPerDayKwh", f.EnergyPerDay.KilowattHours);
        w.WriteNumber("energyPerYearKwh", f.EnergyPerDay.KilowattHours * 365);
        w.WriteNumber("operationalTonnesCo2ePerYear", f.OperationalTonnesCo2ePerYear);
        w.WriteNumber("embodiedTonnesCo2ePerYear", f.EmbodiedTonnesCo2ePerYear);
        w.WriteEndObject();
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
            var rented = u.AnnualSavingsUsd >= 0 ? string.Create(inv, $"saves ${u.AnnualSavingsUsd:N0}/year") : string.Create(inv, $"costs ${-u.AnnualSavingsUsd:N0}/year more");
            var bought = u.CapitalExpenseUsd is double capex
                ? string.Create(inv, $"; bought: ${capex:N0} capex, ${u.PurchasedOperatingCostPerYearUsd:N0}/year to run, payback {(u.PaybackYears is double y ? y.ToString("F2", inv) + " years" : "never")}")
                : "";
            lines.Add(string.Create(inv, $"Upgrade to {u.NewFleet.Deployments} × ({u.NewFleet.Report.Estimate.Configuration.Devices} × {u.NewFleet.Report.Estimate.Configuration.Hardware.Id}) = {u.NewFleet.Devices} devices: rented ${u.NewFleet.CostPerYear.Usd:N0}/year, {rented}{bought}."));
        }

        if (report.Routing is { } r)
        {
            lines.Add(string.Create(inv, $"Routing {r.OnDeviceShare:P0} on device: {r.DeviceEnergyPerQuery?.KilowattHours * 1000:F3} Wh/query on device; blended ${r.BlendedCostPerDay.Usd:N0}/day (saving ${r.SavingsPerDayUsd:N0}/day); blended quality {(r.BlendedQuality is double q ? q.ToString("F3", inv) : "n/a")}."));
        }

        if (report.Api is { } a)
        {
            lines.Add(string.Create(inv, $"API '{a.Api.Name}': ${a.ApiCostPerDay.Usd:N0}/day vs self-hosted ${a.SelfHostedCostPerDay.Usd:N0}/day → {a.Cheaper} is cheaper; break-even {(a.BreakEvenRequestsPerDay is double be ? be.ToString("N0", inv) + " requests/day" : "never")}."));
        }

        foreach (var line in lines)
        {
            AnsiConsole.MarkupLine(Markup.Escape(line));
        }
    }
}
