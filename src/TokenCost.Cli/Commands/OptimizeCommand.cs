using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Costs;
using TokenCost.Economics.Optimization;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quantities;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost optimize</c>: the cheapest configuration across the catalog that fits and meets latency limits.</summary>
/// <remarks>Exit code 0 also when nothing meets the objective: the JSON then has <c>"feasible": false</c> and the table says so.
/// With <c>--min-user-tokens-per-second</c> or <c>--concurrency</c> the search runs under continuous batching (<see cref="OptimizeUnderLoadCommand"/>).</remarks>
public static class OptimizeCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var options = new DeploymentOptions();
        var maxTpot = new Option<double?>("--max-tpot-ms") { Description = "Largest acceptable time per output token, in ms (required for the static search; under load: median TPOT)" };
        var maxTtft = new Option<double?>("--max-ttft-ms") { Description = "Largest acceptable time to first token, in ms (static: prefill of the batch; under load: mean TTFT including waits)" };
        var minUserSpeed = new Option<double?>("--min-user-tokens-per-second") { Description = "Search under continuous batching for the cheapest point where every user gets at least this many output tokens/s (1 ÷ median TPOT)" };
        var concurrency = new Option<string?>("--concurrency") { Description = "Comma-separated closed-loop concurrencies to try under continuous batching (default: search each configuration from 1 user up to its KV-cache limit by bisection)" };
        var curveOptions = new CurveSweepOptions();
        var rangeRatio = curveOptions.RangeRatio;
        var layoutSearch = curveOptions.LayoutSearch;
        var minQuality = new Option<double?>("--min-quality") { Description = "Smallest acceptable quality score in [0, 1] (needs a quality catalog; none is wired in yet, so no configuration meets it)" };
        var hardware = new Option<string?>("--sweep-hardware", "--hardware-list") { Description = "Comma-separated hardware ids to consider (default: every catalog platform with a cloud price; --hardware-list is the old spelling)" };
        var devices = new Option<string>("--sweep-devices", "--device-counts") { Description = "Comma-separated device counts, each one tensor-parallel replica (--device-counts is the old spelling)", DefaultValueFactory = _ => "1,2,4,8" };
        var formats = new Option<string>("--sweep-weights", "--weight-formats") { Description = "Comma-separated weight formats (--weight-formats is the old spelling)", DefaultValueFactory = _ => "bf16,fp8,int8,int4" };
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("optimize", "Find the cheapest configuration ($ per 1M output tokens) across hardware, device count, weight format and batch that fits and meets the latency limits.\nWith --min-user-tokens-per-second (or --concurrency) the search runs under continuous batching over hardware, devices (= TP), weight format and closed-loop concurrency: the cheapest point where every user gets at least that speed (1 ÷ median TPOT) and mean TTFT ≤ --max-ttft-ms.\nHardware without a catalog cloud price (or without --price-tier) is skipped (listed under 'skipped'). Exit code 0 with \"feasible\": false when nothing meets the limits.\n\nExamples:\n  tokencost optimize --model llama-3.1-70b --max-tpot-ms 50 --input 1000 --output 300 --json\n  tokencost optimize --model llama-3.1-8b --max-tpot-ms 20 --max-ttft-ms 500\n  tokencost optimize --model llama-3.1-70b --min-user-tokens-per-second 50 --max-ttft-ms 2000 --input 1000 --output 1000 --json");
        foreach (var o in new Option[] { options.Model, options.Stack, options.Input, options.Output, options.ElectricityPrice, options.Pue, options.PriceTier, options.CatalogFile, options.ProfilesFile, maxTpot, maxTtft, minUserSpeed, concurrency, rangeRatio, minQuality, hardware, devices, formats , layoutSearch })
        {
            command.Options.Add(o);
        }

        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(result, format =>
        {
            var catalog = options.ResolveCatalog(result);
            var tier = result.GetValue(options.PriceTier);
            var hardwareIds = PriceTierHardware(catalog, options, result, WorkLimits.OptionalList(result, hardware), out var tierSkipped);
            var costModel = tier is null ? null : CostModel.Default.Replace(new RentalHardwareCost { PriceTierName = tier });
            if (result.GetValue(minUserSpeed) is not null || result.GetValue(concurrency) is not null)
            {
                return OptimizeUnderLoadCommand.Run(result, options, concurrency, rangeRatio, catalog, costModel, hardwareIds, tierSkipped, minUserSpeed, maxTpot, maxTtft, minQuality, devices, formats, format, layoutSearch);
            }

            var tpot = OptionValues.Number(result, maxTpot) ?? throw new CliUsageException("--max-tpot-ms is required for the static search (or give --min-user-tokens-per-second to search under continuous batching).");

            var quality = result.GetValue(minQuality);
            if (quality is double q && (!double.IsFinite(q) || q < 0 || q > 1))
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"--min-quality must be a fraction in [0, 1]; got {q}."));
            }

            var objective = new ServiceLevelObjective
            {
                MaxTimePerOutputToken = TimeInterval.FromMilliseconds(tpot),
                MaxTimeToFirstToken = OptionValues.Number(result, maxTtft) is double t ? TimeInterval.FromMilliseconds(t) : null,
                MinQuality = quality,
            };
            var space = new OptimizerSearchSpace
            {
                Hardware = hardwareIds,
                DeviceCounts = WorkLimits.DeviceCounts(WorkLimits.List(result, devices), "--sweep-devices"),
                WeightFormats = WorkLimits.List(result, formats),
                Stack = result.GetValue(options.Stack) ?? "unknown",
                Layouts = CurveSweepOptions.ParseLayoutSearch(result, layoutSearch),
            };
            var workload = new Workload { InputTokens = OptionValues.NonNegativeInt(result, options.Input), OutputTokens = OptionValues.NonNegativeInt(result, options.Output) };
            var model = options.ResolveModelId(result);
            if (!catalog.TryGetModel(model, out _))
            {
                throw new CliUsageException($"--model: unknown model '{model}' (see 'tokencost models').");
            }

            WorkLimits.CheckOptimize(space.Hardware?.Count ?? catalog.Hardware.Count, space.DeviceCounts.Count, space.WeightFormats.Count);
            var answer = DeploymentOptimizer.Optimize(PricingContext.Create(catalog, costModel), model, workload, objective, space);
            IReadOnlyList<string> skipped = [.. tierSkipped, .. answer.Skipped];
            if (format == OutputFormat.Json)
            {
                JsonOutput.Write(
                    new OptimizeResponse
                    {
                        Feasible = answer.Feasible,
                        Model = model,
                        Best = answer.Best is { } best ? ResponseMapper.ToResponse(best) : null,
                        Objective = new ObjectiveResponse
                        {
                            MaxTimePerOutputTokenMs = objective.MaxTimePerOutputToken.Milliseconds,
                            MaxTimeToFirstTokenMs = objective.MaxTimeToFirstToken?.Milliseconds,
                            MinQuality = objective.MinQuality,
                            InputTokens = workload.InputTokens,
                            OutputTokens = workload.OutputTokens,
                        },
                        Evaluated = answer.Evaluated,
                        FeasibleCount = answer.FeasibleCount,
                        Fastest = !answer.Feasible && answer.Fastest is { } fastest ? ResponseMapper.ToResponse(fastest) : null,
                        Skipped = skipped,
                    },
                    JsonOutput.Contracts.OptimizeResponse);
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                if (answer.Best is { } b)
                {
                    var c = b.Configuration;
                    AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"Cheapest: {c.Devices} × {c.Hardware.Id} (TP {c.TensorParallel}), weights {c.Weights.Id}, batch {b.Batch}: TPOT {b.TimePerOutputToken}, TTFT {b.TimeToFirstToken}, ${b.CostPerMillionOutputTokens.Usd:F3} per 1M output tokens.")));
                }
                else
                {
                    AnsiConsole.MarkupLine("[red]No configuration fits and meets the objective.[/]");
                    if (answer.Fastest is { } f)
                    {
                        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"Fastest evaluated: {f.Configuration.Devices} × {f.Configuration.Hardware.Id}, {f.Configuration.Weights.Id}, batch {f.Batch}: TPOT {f.TimePerOutputToken}, TTFT {f.TimeToFirstToken}.")));
                    }
                }

                AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"{answer.Evaluated} points evaluated, {answer.FeasibleCount} feasible, {skipped.Count} candidates skipped (see --format json).")));
            }

            return ExitCodes.Success;
        }, options.Inputs(result))));
        return command;
    }

    /// <summary>Restricts the hardware to those with the --price-tier (when given): listed hardware without it is an error, unlisted is skipped.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="options">The deployment options (for --price-tier).</param>
    /// <param name="result">The parse result.</param>
    /// <param name="listed">The hardware ids given with --sweep-hardware, or null for the whole catalog.</param>
    /// <param name="skipped">Receives one line naming the catalog platforms left out for lack of the tier.</param>
    /// <returns>The hardware ids to search, or null for the whole catalog.</returns>
    internal static List<string>? PriceTierHardware(Catalogs.Catalog catalog, DeploymentOptions options, ParseResult result, List<string>? listed, out List<string> skipped)
    {
        skipped = [];
        if (result.GetValue(options.PriceTier) is not { } tier)
        {
            return listed;
        }

        if (listed is not null)
        {
            foreach (var id in listed)
            {
                options.CheckPriceTier(result, catalog.TryGetHardware(id, out var hw) ? hw : throw new CliUsageException($"--sweep-hardware: unknown hardware '{id}' (see 'tokencost platforms')."));
            }

            return listed;
        }

        var with = catalog.Hardware.Where(h => h.TryGetPriceTier(tier, out _)).Select(h => h.Id).ToList();
        if (with.Count == 0)
        {
            var names = catalog.PriceTiers.Select(t => t.Name).Distinct(StringComparer.Ordinal);
            throw new CliUsageException($"--price-tier: no hardware has a price tier '{tier}'; tiers: {string.Join(", ", names)} (or name@yyyy-MM, see 'tokencost platforms').");
        }

        skipped.Add($"{catalog.Hardware.Count - with.Count} platforms have no price tier '{tier}' and were not searched.");
        return with;
    }
}
