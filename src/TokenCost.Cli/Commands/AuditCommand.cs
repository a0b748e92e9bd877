using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using TokenCost.Audit;
using TokenCost.Cli.Infrastructure;
using TokenCost.Pricing;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost audit</c>: a verdict, the deciding bound, the modelled value and an explanation for every claim of a claims file.</summary>
public static class AuditCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var claims = new Option<string>("--claims") { Description = "Claims file (the format of samples/seed-article/claims.json)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {id, verdict, claimed, modeled, bound, assumptions, explanation}" };
        var stack = new Option<string>("--stack") { Description = "Serving-stack profile the estimator uses where claims are silent", DefaultValueFactory = _ => "unknown" };
        var catalogFile = new Option<string?>("--catalog") { Description = "JSON file adding or replacing catalog entries" };
        var command = new Command("audit", "Audit quantitative claims: hard physical bounds first (memory capacity, weight-read floor at 100 % bandwidth, peak compute, TDP), then the calibrated estimator.\n\nVerdicts: consistent, optimistic, infeasible, inconsistent, unverifiable (meanings from the claims file).\n\nExamples:\n  tokencost audit --claims samples/seed-article/claims.json\n  tokencost audit --claims samples/seed-article/claims.json --json");
        command.Options.Add(claims);
        command.Options.Add(json);
        command.Options.Add(stack);
        command.Options.Add(catalogFile);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var file = ClaimFile.Load(result.GetValue(claims)!);
            var pricing = PricingContext.Create(DeploymentOptions.LoadCatalog(result.GetValue(catalogFile)));
            var auditor = new ClaimAuditor(pricing, new AuditAssumptions { Stack = pricing.Catalog.GetStack(result.GetValue(stack)!).Id });
            var audits = auditor.AuditAll(file.Claims);
            if (result.GetValue(json))
            {
                JsonOutput.Write(w => WriteJson(w, audits));
            }
            else
            {
                WriteTable(file, audits);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Writes the audits as a JSON array. Each element: <c>id</c>, <c>kind</c>, <c>metric</c>, <c>verdict</c> (a vocabulary word),
    /// <c>claimed</c> and <c>modeled</c> (numbers in the claim's metric, or true/false for fit claims; <c>modeled</c> may be null),
    /// <c>bound</c> (always an object: <c>name</c>, <c>value</c> (number or null), <c>unit</c>, <c>formula</c>, <c>holds</c> (true/false for
    /// yes/no bounds, else null)), <c>assumptions</c> (array of strings) and <c>explanation</c>.
    /// </summary>
    /// <param name="w">The writer.</param>
    /// <param name="audits">The audits.</param>
    public static void WriteJson(Utf8JsonWriter w, IEnumerable<ClaimAudit> audits)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(audits);
        w.WriteStartArray();
        foreach (var a in audits)
        {
            w.WriteStartObject();
            w.WriteString("id", a.Claim.Id);
            w.WriteString("kind", KindWord(a.Claim.Kind));
            w.WriteString("metric", a.Claim.Metric);
            w.WriteString("verdict", a.Verdict.ToString().ToLowerInvariant());
            if (a.Claim.ClaimedFlag is bool claimedFlag)
            {
                w.WriteBoolean("claimed", claimedFlag);
            }
            else
            {
                w.NumberOrNull("claimed", a.Claim.Claimed);
            }

            if (a.ModeledFlag is bool modeledFlag)
            {
                w.WriteBoolean("modeled", modeledFlag);
            }
            else
            {
                w.NumberOrNull("modeled", a.Modeled);
            }

            w.WriteStartObject("bound");
            w.WriteString("name", a.Bound.Name);
            w.NumberOrNull("value", a.Bound.Value);
            w.WriteString("unit", a.Bound.Unit);
            w.WriteString("formula", a.Bound.Formula);
            if (a.Bound.Holds is bool holds)
            {
                w.WriteBoolean("holds", holds);
            }
            else
            {
                w.WriteNull("holds");
            }

            w.WriteEndObject();
            w.WriteStartArray("assumptions");
            foreach (var s in a.Assumptions)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteString("explanation", a.Explanation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static string KindWord(ClaimKind kind) => kind switch
    {
        ClaimKind.TokenCost => "token_cost",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void WriteTable(ClaimFile file, IReadOnlyList<ClaimAudit> audits)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Claim").AddColumn("Verdict").AddColumn(new TableColumn("Claimed").RightAligned()).AddColumn(new TableColumn("Modelled").RightAligned()).AddColumn("Bound");
        foreach (var a in audits)
        {
            table.AddRow(
                Markup.Escape(a.Claim.Id),
                Markup.Escape(a.Verdict.ToString().ToLowerInvariant()),
                Markup.Escape(a.Claim.ClaimedFlag?.ToString() ?? Number(a.Claim.Claimed)),
                Markup.Escape(a.ModeledFlag?.ToString() ?? Number(a.Modeled)),
                Markup.Escape(a.Bound.Value is double v ? Number(v) + " " + a.Bound.Unit : a.Bound.Holds is bool h ? (h ? "holds" : "violated") : a.Bound.Name));
        }

        AnsiConsole.Write(table);
        foreach (var a in audits)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(a.Claim.Id)}[/] — {Markup.Escape(a.Verdict.ToString().ToLowerInvariant())} ({Markup.Escape(file.Verdicts[a.Verdict])})");
            AnsiConsole.WriteLine("  bound: " + a.Bound.Formula);
            foreach (var s in a.Assumptions)
            {
                AnsiConsole.WriteLine("  assumes: " + s);
            }

            AnsiConsole.WriteLine("  " + a.Explanation);
        }
    }

    private static string Number(double? value) => value is double v ? v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
