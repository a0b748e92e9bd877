using System.CommandLine;
using System.Globalization;
using TokenCost.Calibration;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
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
        var options = new DeploymentOptions();
        var profiles = options.ProfilesFile;
        var output = new OutputOptions(withOut: false, OutputFormat.Table, OutputFormat.Json);
        var outFile = new Option<string>("--out") { Description = "Where to write the fitted profiles JSON (the command's output; the summary goes to standard output)", Required = true };
        var command = new Command("calibrate", "Fit serving-stack profiles by robust nonlinear least squares on ln(predicted/measured) and write them to --out; --profiles gives the starting profiles and priors (default: the embedded priors, Data/profile-priors.json).\n\nExample:\n  dotnet run --project src/TokenCost.Cli -- calibrate --cases ../shared/validation/calibration.jsonl --cases ../shared/validation/inferencex.jsonl --out src/TokenCost/Data/profiles.json");
        command.Options.Add(cases);
        options.AddCatalogOptionsTo(command);
        command.Options.Add(outFile);
        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var format = output.Resolve(result);
            var paths = result.GetValue(cases)!;
            (string Option, string? Path)[] inputs = [.. paths.Select(p => ("--cases", (string?)p)), .. options.Inputs(result)];
            var target = result.GetValue(outFile)!;
            OutputFile.Check("--out", target, inputs);
            var priorPath = result.GetValue(profiles);
            var pricing = options.ResolveContext(result);
            var list = CaseOptions.ReadCases(paths, pricing.Catalog);
            WorkLimits.CheckCalibration(list.Count);
            var provenance = $"tokencost calibrate {CaseOptions.Describe(paths)} --out {target.Replace('\\', '/')} ({list.Count} cases, weighted by Calibrator.CaseWeight; soft-L1 scale {Calibrator.LossScale.ToString(CultureInfo.InvariantCulture)}; {DateTime.UtcNow:yyyy-MM-dd})";
            var priors = priorPath is { Length: > 0 } ? pricing.Profiles : Calibrator.DefaultPriors;
            var fit = new Calibrator(pricing).Fit(list, priors, provenance);
            OutputFile.WriteText("--out", target, fit.Profiles.ToJson() + "\n", inputs);
            var summary = AccuracySummary.Of(new CasePredictor(pricing.WithProfiles(fit.Profiles)).PredictAll(list));
            if (format == OutputFormat.Json)
            {
                JsonOutput.Write(
                    new CalibrationResponse
                    {
                        ProfilesFile = target,
                        CasesUsed = fit.CasesUsed,
                        Iterations = fit.Iterations,
                        RobustCost = fit.Cost,
                        Parameters = fit.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                        InSample = AnalysisMapper.ToResponse(summary),
                    },
                    JsonOutput.Contracts.CalibrationResponse);
                return ExitCodes.Success;
            }

            Console.Out.WriteLine(FormattableString.Invariant($"fitted {fit.Parameters.Count} parameters on {fit.CasesUsed} cases in {fit.Iterations} iterations (robust cost {fit.Cost:F4})"));
            foreach (var (name, value) in fit.Parameters)
            {
                Console.Out.WriteLine(FormattableString.Invariant($"  {name,-52} {value,12:G5}"));
            }

            Console.Out.WriteLine(FormattableString.Invariant($"in-sample: median APE {summary.MedianApe:F1} %, P90 {summary.P90Ape:F1} %, coverage {summary.Coverage:P0}"));
            return ExitCodes.Success;
        }));
        return command;
    }
}
