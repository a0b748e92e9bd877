using System.CommandLine;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Serving;
using TokenCost.Validation;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost predict</c>: one JSON object per case line, in input order.</summary>
public static class PredictCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var cases = CaseOptions.Cases();
        var profiles = CaseOptions.Profiles();
        var command = new Command("predict", "Predict every case of a JSON Lines case file; writes one JSON object per line, in order: {\"id\",\"metric\",\"predicted\",\"bound\"} or {\"id\",\"error\"}.\n\nExample:\n  tokencost predict --cases ../shared/validation/calibration.jsonl");
        command.Options.Add(cases);
        command.Options.Add(profiles);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var list = CaseReader.ReadFile(result.GetValue(cases)!);
            var predictor = new CasePredictor(Catalog.Default, CaseOptions.LoadProfiles(result.GetValue(profiles)));
            foreach (var p in predictor.PredictAll(list))
            {
                Console.Out.WriteLine(JsonOutput.ToString(w => WriteLine(w, p), indented: false));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteLine(System.Text.Json.Utf8JsonWriter w, CasePrediction p)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Case.Id);
        if (p.Predicted is double v)
        {
            w.WriteString("metric", p.Case.Metric.Id());
            w.WriteNumber("predicted", v);
            w.WriteString("bound", p.Bound.ToString()!.ToLowerInvariant());
        }
        else
        {
            w.WriteString("error", p.Error);
        }

        w.WriteEndObject();
    }
}
