using System.CommandLine;
using System.Globalization;
using TokenCost.Calibration;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Pricing;
using TokenCost.Serving;
using TokenCost.Validation;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost calibrate</c>: fits the serving profiles to a case file and writes them as JSON.</summary>
public static class CalibrateCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var cases = CaseOptions.Cases();
        var profiles = CaseOptions.Profiles();
        profiles.Description = "Starting profiles and priors (default: the embedded priors, Data/profile-priors.json)";
        var output = new Option<string>("--out") { Description = "Where to write the fitted profiles JSON", Required = true };
        var command = new Command("calibrate", "Fit serving-stack profiles by robust nonlinear least squares on ln(predicted/measured) and write them.\n\nExample:\n  dotnet run --project src/TokenCost.Cli -- calibrate --cases ../shared/validation/calibration.jsonl --cases ../shared/validation/inferencex.jsonl --out src/TokenCost/Data/profiles.json");
        command.Options.Add(cases);
        command.Options.Add(profiles);
        command.Options.Add(output);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var paths = result.GetValue(cases)!;
            (string Option, string? Path)[] inputs = [.. paths.Select(p => ("--cases", (string?)p)), ("--profiles", result.GetValue(profiles))];
            OutputFile.Check("--out", result.GetValue(output), inputs);
            var pricing = CaseOptions.Context(null);
            var list = CaseOptions.ReadCases(paths, pricing.Catalog);
            WorkLimits.CheckCalibration(list.Count);
            var provenance = $"tokencost calibrate {CaseOptions.Describe(paths)} --out {result.GetValue(output)!.Replace('\\', '/')} ({list.Count} cases, weighted by Calibrator.CaseWeight; soft-L1 scale {Calibrator.LossScale.ToString(CultureInfo.InvariantCulture)}; {DateTime.UtcNow:yyyy-MM-dd})";
            var priors = result.GetValue(profiles) is { Length: > 0 } priorPath ? ServingProfiles.Load(priorPath) : Calibrator.DefaultPriors;
            var fit = new Calibrator(pricing).Fit(list, priors, provenance);
            OutputFile.WriteText("--out", result.GetValue(output)!, fit.Profiles.ToJson() + "\n", inputs);
            Console.Out.WriteLine(FormattableString.Invariant($"fitted {fit.Parameters.Count} parameters on {fit.CasesUsed} cases in {fit.Iterations} iterations (robust cost {fit.Cost:F4})"));
            foreach (var (name, value) in fit.Parameters)
            {
                Console.Out.WriteLine(FormattableString.Invariant($"  {name,-52} {value,12:G5}"));
            }

            var summary = AccuracySummary.Of(new CasePredictor(pricing.WithProfiles(fit.Profiles)).PredictAll(list));
            Console.Out.WriteLine(FormattableString.Invariant($"in-sample: median APE {summary.MedianApe:F1} %, P90 {summary.P90Ape:F1} %, coverage {summary.Coverage:P0}"));
            return ExitCodes.Success;
        }));
        return command;
    }
}
