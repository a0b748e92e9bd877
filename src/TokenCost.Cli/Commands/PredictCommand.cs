using System.CommandLine;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Serialization;
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
            var predictor = new CasePredictor(Catalog.Default, CaseOptions.LoadProfiles(result.GetValue(profiles)));
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var path in result.GetValue(cases)!)
            {
                var number = 0;

                // Streamed through the bounded reader (it counts the bytes actually read); each line stands alone: an invalid line, or one
                // whose id was used before (in this or an earlier file), yields {"id", "error"} with the reader's message, the others are still predicted.
                foreach (var line in InputFile.ReadLines(path, CaseReader.MaxBytes))
                {
                    number++;
                    string text;
                    try
                    {
                        var parsed = CaseReader.ParseLine(line, path, number);
                        CaseReader.CheckUnique(ids, parsed.Id, path, number);
                        var p = predictor.Predict(parsed);
                        text = JsonOutput.ToString(w => WriteLine(w, p), indented: false);
                    }
                    catch (CaseFileException ex)
                    {
                        text = JsonOutput.ToString(w => WriteError(w, TryId(line), ex.Message), indented: false);
                    }

                    Console.Out.WriteLine(text);
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string? TryId(string line)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void WriteError(System.Text.Json.Utf8JsonWriter w, string? id, string message)
    {
        w.WriteStartObject();
        if (id is null)
        {
            w.WriteNull("id");
        }
        else
        {
            w.WriteString("id", id);
        }

        w.WriteString("error", message);
        w.WriteEndObject();
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
