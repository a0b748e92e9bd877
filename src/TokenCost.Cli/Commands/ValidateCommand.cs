using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using TokenCost.Calibration;
using TokenCost.Cli.Infrastructure;
using TokenCost.Pricing;
using TokenCost.Contracts;
using TokenCost.Serving;
using TokenCost.Validation;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost validate</c>: predicted vs measured per case, with error summaries by metric, hardware and stack.</summary>
public static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var cases = CaseOptions.Cases();
        var options = new DeploymentOptions();
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown);
        var markdown = new Option<string?>("--markdown") { Description = "Shorthand for --format markdown --out FILE: write the accuracy report to this Markdown file" };
        var command = new Command("validate", "Compare predictions with measured cases: per-case error and median / P90 absolute percentage error and coverage by metric, hardware and stack. --format markdown prints an accuracy report (in-sample, 5-fold and leave-one-hardware-out cross-validation). Every line is reported; exit code 2 when any line is invalid (it does not parse, or its id was used before).\n\nExamples:\n  tokencost validate --cases ../shared/validation/calibration.jsonl\n  dotnet run --project src/TokenCost.Cli -- validate --cases ../shared/validation/calibration.jsonl --format markdown --out docs/ACCURACY.md");
        command.Options.Add(cases);
        options.AddCatalogOptionsTo(command);
        output.AddTo(command);
        command.Options.Add(markdown);
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var paths = result.GetValue(cases)!;
            (string Option, string? Path)[] inputs = [.. paths.Select(p => ("--cases", (string?)p)), .. options.Inputs(result)];
            if (result.GetValue(markdown) is { } target)
            {
                if (output.OutPath(result) is not null || (output.Resolve(result) is var f && f != OutputFormat.Table && f != OutputFormat.Markdown))
                {
                    throw new CliUsageException("--markdown FILE is a shorthand for --format markdown --out FILE; give one of them.");
                }

                OutputFile.Check("--markdown", target, inputs);
            }

            var invalid = 0;
            string? first = null;
            var code = output.Run(
                result,
                format =>
                {
                    var pricing = options.ResolveContext(result);
                    var lines = CaseOptions.ReadLines(paths, pricing.Catalog);
                    var list = lines.Where(l => l.Case is not null).Select(l => l.Case!).ToList();
                    invalid = lines.Count - list.Count;
                    first = lines.FirstOrDefault(l => l.Case is null)?.Error;
                    var predictions = new CasePredictor(pricing).PredictAll(list);
                    if (result.GetValue(markdown) is { } md)
                    {
                        OutputFile.WriteText("--markdown", md, Markdown(paths, list, predictions, pricing), inputs);
                        Console.Out.WriteLine($"wrote {md}");
                    }
                    else if (format == OutputFormat.Markdown)
                    {
                        Console.Out.Write(Markdown(paths, list, predictions, pricing));
                    }
                    else if (format == OutputFormat.Json)
                    {
                        JsonOutput.Write(ToResponse(predictions, lines), JsonOutput.Contracts.ValidationResponse);
                    }
                    else
                    {
                        WriteTables(predictions, lines);
                    }

                    return ExitCodes.Success;
                },
                inputs);
            return code == ExitCodes.Success && invalid > 0
                ? CommandRunner.Fail(FormattableString.Invariant($"{invalid} case lines are invalid (listed with their errors; the first: {first}); the others were validated."))
                : code;
        }));
        return command;
    }

    private static IEnumerable<(string Key, AccuracySummary Summary)> By(IReadOnlyList<CasePrediction> p, Func<ValidationCase, string> key) =>
        p.GroupBy(x => key(x.Case), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, AccuracySummary.Of(g)));

    private static string F(double? v, string format = "F1") => v is double d ? d.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static void WriteTables(IReadOnlyList<CasePrediction> predictions, IReadOnlyList<CaseLine> lines)
    {
        foreach (var bad in lines.Where(l => l.Case is null))
        {
            AnsiConsole.MarkupLine("[red]invalid:[/] " + Markup.Escape(bad.Error ?? ""));
        }

        var table = new Table().AddColumns("id", "metric", "measured", "predicted", "error %", "bound");
        foreach (var p in predictions)
        {
            table.AddRow(Markup.Escape(p.Case.Id), p.Case.Metric.Id(), F(p.Case.Value, "G5"), p.Predicted is null ? Markup.Escape("error: " + p.Error) : F(p.Predicted, "G5"), F(p.RelativeError * 100), p.Bound?.ToString() ?? "");
        }

        AnsiConsole.Write(table);
        foreach (var (title, key) in Groupings)
        {
            var t = new Table().Title(title).AddColumns("group", "cases", "median APE %", "P90 APE %", "coverage");
            foreach (var (k, s) in By(predictions, key))
            {
                t.AddRow(Markup.Escape(k), s.Cases.ToString(CultureInfo.InvariantCulture), F(s.MedianApe), F(s.P90Ape), s.Coverage.ToString("P0", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(t);
        }

        var all = AccuracySummary.Of(predictions);
        Console.Out.WriteLine(FormattableString.Invariant($"all: {all.Cases} cases, median APE {F(all.MedianApe)} %, P90 {F(all.P90Ape)} %, coverage {all.Coverage:P0}"));
    }

    private static readonly (string Title, Func<ValidationCase, string> Key)[] Groupings =
    [
        ("by metric", c => c.Metric.Id()),
        ("by hardware", c => c.Hardware),
        ("by stack", c => c.ServingStack),
    ];

    private static ValidationResponse ToResponse(IReadOnlyList<CasePrediction> predictions, IReadOnlyList<CaseLine> lines)
    {
        IReadOnlyDictionary<string, AccuracySummaryResponse> Group(Func<ValidationCase, string> key) =>
            By(predictions, key).ToDictionary(t => t.Key, t => AnalysisMapper.ToResponse(t.Summary), StringComparer.Ordinal);
        return new ValidationResponse
        {
            Cases = predictions.Select(p => new CaseResultResponse
            {
                Id = p.Case.Id,
                Metric = p.Case.Metric.Id(),
                Measured = p.Case.Value,
                Predicted = ContractJson.Finite(p.Predicted),
                ErrorPercent = ContractJson.Finite(p.RelativeError * 100),
                Error = p.Error,
            }).ToArray(),
            InvalidLines = lines.Where(l => l.Case is null).Select(l => new InvalidLineResponse { Id = l.Id, Error = l.Error ?? "" }).ToArray(),
            All = AnalysisMapper.ToResponse(AccuracySummary.Of(predictions)),
            ByMetric = Group(Groupings[0].Key),
            ByHardware = Group(Groupings[1].Key),
            ByStack = Group(Groupings[2].Key),
        };
    }

    private static string Assumptions(ValidationCase c)
    {
        var notes = new List<string>();
        if (c.Tags.Anomalous)
        {
            notes.Add("source calls the value anomalous (not fitted)");
        }

        if (c.Batch is null)
        {
            notes.Add("concurrency set by the stack (saturating batch assumed)");
        }

        if (c.InputTokens is null || c.OutputTokens is null)
        {
            notes.Add("prompt/output lengths not stated");
        }

        if (c.Speculative is { } s && (s.AcceptanceRate is null || s.DraftTokens is null))
        {
            notes.Add("speculative acceptance/draft length not stated");
        }

        if (c.Tags.HardwareVariantAssumed)
        {
            notes.Add("hardware variant assumed");
        }

        if (c.Tags.PrecisionAssumed || c.Activations is null || c.KvCache is null)
        {
            notes.Add("formats partly assumed");
        }

        if (c.TensorParallel is null)
        {
            notes.Add("parallel layout not stated");
        }

        if (c.Metric is CaseMetric.OutputTokensPerSecondPerUser && c.Tags.Timebase is null)
        {
            notes.Add("time base not stated");
        }

        return notes.Count == 0 ? "—" : string.Join("; ", notes);
    }

    private static string Markdown(string[] paths, List<ValidationCase> cases, IReadOnlyList<CasePrediction> inSample, PricingContext pricing)
    {
        var profiles = pricing.Profiles;
        var calibrator = new Calibrator(pricing);
        var kfold = calibrator.CrossValidate(cases, Calibrator.KFold(cases, 5));
        var loho = calibrator.CrossValidate(cases, c => c.Hardware);
        var sb = new StringBuilder();
        void Line(string s = "") => sb.Append(s).Append('\n');
        string Row(string name, AccuracySummary s) => FormattableString.Invariant($"| {name} | {s.Cases} | {F(s.MedianApe)} | {F(s.P90Ape)} | {s.Coverage:P0} |");
        Line("# Accuracy");
        Line();
        Line("Generated by `dotnet run --project src/TokenCost.Cli -- validate " + CaseOptions.Describe(paths) + " --markdown docs/ACCURACY.md`");
        Line("with the shipped profiles (`src/TokenCost/Data/profiles.json`, provenance: " + profiles.Provenance + ").");
        Line("APE = |predicted − measured| ÷ measured. Cross-validation refits every parameter without the held-out cases, starting from the same priors (`Data/profile-priors.json`)");
        Line("(5-fold: a fixed pseudo-random split of case ids; leave-one-hardware-out: every case of one accelerator type held out at once).");
        Line();
        Line("| evaluation | cases | median APE % | P90 APE % | coverage |");
        Line("|---|---|---|---|---|");
        Line(Row("in-sample", AccuracySummary.Of(inSample)));
        Line(Row("5-fold cross-validation", AccuracySummary.Of(kfold)));
        Line(Row("leave-one-hardware-out", AccuracySummary.Of(loho)));
        Line(Row("in-sample, H200-* step/prefill/energy series", AccuracySummary.Of(inSample.Where(p => p.Case.Source.Length > 0 && p.Case.Id.StartsWith("H200-", StringComparison.Ordinal)))));
        if (paths.Length > 1)
        {
            Line();
            Line("By case file:");
            Line();
            Line("| case file | cases | in-sample median % | P90 % | 5-fold median % | P90 % | LOHO median % | P90 % | coverage |");
            Line("|---|---|---|---|---|---|---|---|---|");
            foreach (var path in paths)
            {
                var ids = CaseReader.ReadFile(path, pricing.Catalog).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
                ThreeWay(Path.GetFileName(path), i => ids.Contains(cases[i].Id));
                ThreeWay(Path.GetFileName(path) + ", llama-3.3-70b", i => ids.Contains(cases[i].Id) && cases[i].Model == "llama-3.3-70b");
            }
        }

        void ThreeWay(string name, Func<int, bool> include)
        {
            var idx = Enumerable.Range(0, cases.Count).Where(include).ToList();
            var a = AccuracySummary.Of(idx.Select(i => inSample[i]));
            var b = AccuracySummary.Of(idx.Select(i => kfold[i]));
            var c = AccuracySummary.Of(idx.Select(i => loho[i]));
            Line(FormattableString.Invariant($"| {name} | {a.Cases} | {F(a.MedianApe)} | {F(a.P90Ape)} | {F(b.MedianApe)} | {F(b.P90Ape)} | {F(c.MedianApe)} | {F(c.P90Ape)} | {a.Coverage:P0} |"));
        }

        var loaded = Enumerable.Range(0, cases.Count).Where(i => cases[i].Tags.Load is Serving.Load.LoadKind.Closed or Serving.Load.LoadKind.Offline).ToList();
        if (loaded.Count > 0)
        {
            Line();
            Line("## Serving under load");
            Line();
            Line("Cases tagged `load=closed` (with a client count) or `load=offline`, predicted by the continuous-batching engine");
            Line("(docs/roofline.md, \"Serving under load\"). Cases the estimator cannot model yet (models missing from the catalog,");
            Line("expert-parallel, data-parallel-attention and disaggregated layouts) count against coverage.");
            Line();
            Line("![Model vs InferenceX: per-user speed against total tokens/s per GPU](images/load-curves.svg)");
            Line();
            Line("Predicted (lines, 1–256 clients) against measured (circles) interactivity–throughput curves for four vLLM configurations;");
            Line("drawn by `dotnet run samples/load-curves.cs`.");
            var groupings = new (string Title, Func<ValidationCase, string> Key)[]
            {
                ("by serving stack", c => c.ServingStack),
                ("by hardware", c => c.Hardware),
                ("by model", c => c.Model),
                ("by concurrency (clients)", c => c.Batch is int b ? b.ToString("D4", CultureInfo.InvariantCulture) : "offline"),
                ("by sequence lengths (input/output tokens)", c => FormattableString.Invariant($"{c.InputTokens}/{c.OutputTokens}")),
                ("by metric", c => c.Metric.Id()),
            };
            foreach (var (title, key) in groupings)
            {
                Line();
                Line("### " + char.ToUpperInvariant(title[0]) + title[1..]);
                Line();
                Line("| group | cases | in-sample median % | P90 % | 5-fold median % | P90 % | LOHO median % | P90 % | coverage |");
                Line("|---|---|---|---|---|---|---|---|---|");
                foreach (var g in loaded.GroupBy(i => key(cases[i]), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var members = g.ToHashSet();
                    ThreeWay(g.Key, members.Contains);
                }
            }
        }
        foreach (var (title, key) in Groupings)
        {
            Line();
            Line("## In-sample and cross-validated error " + title);
            Line();
            Line("| group | cases | median APE % (in-sample) | P90 % | median APE % (5-fold) | median APE % (LOHO) |");
            Line("|---|---|---|---|---|---|");
            var k5 = By(kfold, key).ToDictionary(t => t.Key, t => t.Summary, StringComparer.Ordinal);
            var lh = By(loho, key).ToDictionary(t => t.Key, t => t.Summary, StringComparer.Ordinal);
            foreach (var (k, s) in By(inSample, key))
            {
                Line(FormattableString.Invariant($"| {k} | {s.Cases} | {F(s.MedianApe)} | {F(s.P90Ape)} | {F(k5[k].MedianApe)} | {F(lh[k].MedianApe)} |"));
            }
        }

        Line();
        Line("## Worst cases (in-sample)");
        Line();
        Line("| id | stack | hardware | metric | measured | predicted | error % | 5-fold error % | LOHO error % | what the case leaves to assumption |");
        Line("|---|---|---|---|---|---|---|---|---|---|");
        var index = cases.Select((c, i) => (c.Id, i)).ToDictionary(t => t.Id, t => t.i, StringComparer.Ordinal);
        foreach (var p in inSample.Where(p => p.AbsolutePercentageError is not null).OrderByDescending(p => p.AbsolutePercentageError).Take(15))
        {
            var i = index[p.Case.Id];
            Line($"| {p.Case.Id} | {p.Case.ServingStack} | {p.Case.Hardware} | {p.Case.Metric.Id()} | {F(p.Case.Value, "G4")} | {F(p.Predicted, "G4")} | {F(p.RelativeError * 100)} | {F(kfold[i].RelativeError * 100)} | {F(loho[i].RelativeError * 100)} | {Assumptions(p.Case)} |");
        }

        Line();
        Line("## Why the worst cases miss");
        Line();
        Line("The last column lists what each case leaves unstated (filled by the documented defaults) or flags; docs/calibration.md,");
        Line("section \"Known misses\", explains the physical reasons behind the worst cases (queueing in MLPerf Server latencies,");
        Line("scheduler-set concurrency, unstated prompt/output lengths, software releases that a stack-wide profile cannot separate).");
        return sb.ToString();
    }
}
