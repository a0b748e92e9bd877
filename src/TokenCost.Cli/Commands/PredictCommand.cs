using System.CommandLine;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Validation;

namespace TokenCost.Cli.Commands;

/// <summary>
/// <c>tokencost predict</c>: one JSON object per case line, in input order. Every line is answered; when any line is invalid (it does not parse,
/// or its id was used before) the command exits with code 2 after printing them all.
/// </summary>
public static class PredictCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var cases = CaseOptions.Cases();
        var options = new DeploymentOptions();
        var output = new OutputOptions(OutputFormat.Json);
        var command = new Command("predict", "Predict every case of a JSON Lines case file; writes one JSON object per line, in order (docs/json.md): the prediction {\"id\",\"metric\",\"predicted\",\"bound\"}, or {\"id\",\"error\"} for a line that is invalid or cannot be predicted. Exit code 2 when any line is invalid (every line is still answered).\n\nExample:\n  tokencost predict --cases ../shared/validation/calibration.jsonl");
        command.Options.Add(cases);
        options.AddCatalogOptionsTo(command);
        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(
            result,
            _ =>
            {
                var pricing = options.ResolveContext(result);
                var catalog = pricing.Catalog;
                var predictor = new CasePredictor(pricing);
                var invalid = 0;
                var lines = CaseOptions.ReadLines(result.GetValue(cases)!, catalog);
                foreach (var line in lines)
                {
                    CasePredictionLine answer;
                    if (line.Case is { } c)
                    {
                        var p = predictor.Predict(c);
                        answer = p.Predicted is double v
                            ? new CasePredictionLine { Id = c.Id, Metric = c.Metric.Id(), Predicted = ContractJson.Finite(v), Bound = p.Bound.ToString()!.ToLowerInvariant(), Error = null }
                            : new CasePredictionLine { Id = c.Id, Metric = c.Metric.Id(), Predicted = null, Bound = null, Error = p.Error };
                    }
                    else
                    {
                        invalid++;
                        answer = new CasePredictionLine { Id = line.Id, Metric = null, Predicted = null, Bound = null, Error = line.Error };
                    }

                    JsonOutput.Write(answer, JsonOutput.Contracts.CasePredictionLine, indented: false);
                }

                if (invalid > 0)
                {
                    return CommandRunner.Fail(FormattableString.Invariant($"{invalid} of {lines.Count} case lines are invalid (their output lines carry the error; the first: {lines.First(l => l.Case is null).Error}); the others were predicted."));
                }

                return ExitCodes.Success;
            },
            [.. options.Inputs(result), .. result.GetValue(cases)!.Select(p => ("--cases", (string?)p))])));
        return command;
    }
}
