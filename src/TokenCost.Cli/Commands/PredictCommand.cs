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
            var predictor = new CasePredictor(Catalog.Default, CaseOptions.LoadProfiles(result.GetValue(profiles)));
            foreach (var path in result.GetValue(cases)!)
            {
                var lines = File.ReadAllText(path).Split('\n');
                var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
                for (var i = 0; i < count; i++)
                {
                    // Each line stands alone: an invalid line yields {"id", "error"} with the reader's message, the others are still predicted.
                    string text;
                    try
                    {
                        var p = predictor.Predict(CaseReader.ParseLine(lines[i].TrimEnd('\r').TrimStart('\uFEFF'), path, i + 1));
                        text = JsonOutput.ToString(w => WriteLine(w, p), indented: false);
                    }
                    catch (CatalogException ex)
                    {
                        text = JsonOutput.ToString(w => WriteError(w, TryId(lines[i]), ex.Message), indented: false);
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
