using System.CommandLine;
using Spectre.Console;
using TokenCost.Audit;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost audit</c>: a verdict, the deciding bound, the modelled value and an explanation for every claim of a claims file.</summary>
public static class AuditCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var claims = new Option<string>("--claims") { Description = "Claims file (the format of samples/seed-article/claims.json)", Required = true };
        var stack = new Option<string>("--stack") { Description = "Serving-stack profile the estimator uses where claims are silent", DefaultValueFactory = _ => "unknown" };
        var options = new DeploymentOptions();
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("audit", "Audit quantitative claims: hard physical bounds first (memory capacity, weight-read floor at 100 % bandwidth, peak compute, TDP), then the calibrated estimator.\n\nVerdicts: consistent, optimistic, infeasible, inconsistent, unverifiable (meanings from the claims file).\n--format json prints a JSON array, one object per claim (docs/json.md).\n\nExamples:\n  tokencost audit --claims samples/seed-article/claims.json\n  tokencost audit --claims samples/seed-article/claims.json --json");
        command.Options.Add(claims);
        command.Options.Add(stack);
        options.AddCatalogOptionsTo(command);
        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(
            result,
            format =>
            {
                var file = ClaimFile.Load(result.GetValue(claims)!);
                var pricing = options.ResolveContext(result);
                var auditor = new ClaimAuditor(pricing, new AuditAssumptions { Stack = pricing.Catalog.GetStack(result.GetValue(stack)!).Id });
                var audits = auditor.AuditAll(file.Claims);
                if (format == OutputFormat.Json)
                {
                    JsonOutput.Write(AnalysisMapper.ToResponse(audits), JsonOutput.Contracts.IReadOnlyListClaimAuditResponse);
                }
                else
                {
                    WriteTable(file, audits);
                }

                return ExitCodes.Success;
            },
            [.. options.Inputs(result), ("--claims", result.GetValue(claims))])));
        return command;
    }

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
