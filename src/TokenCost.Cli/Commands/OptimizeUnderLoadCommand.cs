using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Costs;
using TokenCost.Economics.Curves;
using TokenCost.Economics.Optimization;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quantities;
using TokenCost.Serving.Load;

namespace TokenCost.Cli.Commands;

/// <summary>The continuous-batching branch of <c>tokencost optimize</c>: the cheapest token at a per-user speed floor and a TTFT limit.</summary>
public static class OptimizeUnderLoadCommand
{
    private const int CandidatesShown = 5;

    /// <summary>Runs the search and prints the answer.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="options">The deployment options.</param>
    /// <param name="concurrency">The --concurrency list option.</param>
    /// <param name="rangeRatio">The --random-range-ratio option.</param>
    /// <param name="catalog">The catalog.</param>
    /// <param name="costModel">The cost model (a price tier), or null for the default.</param>
    /// <param name="hardwareIds">The hardware to search, or null for the catalog.</param>
    /// <param name="tierSkipped">Lines about platforms left out for lack of the price tier.</param>
    /// <param name="minUserSpeed">The --min-user-tokens-per-second option.</param>
    /// <param name="maxTpot">The --max-tpot-ms option.</param>
    /// <param name="maxTtft">The --max-ttft-ms option.</param>
    /// <param name="minQuality">The --min-quality option (not supported under load).</param>
    /// <param name="devices">The --sweep-devices option.</param>
    /// <param name="formats">The --sweep-weights option.</param>
    /// <param name="format">The output format.</param>
    /// <param name="layoutSearch">The --layout-search option.</param>
    /// <returns>The exit code.</returns>
    public static int Run(
        ParseResult result,
        DeploymentOptions options,
        Option<string?> concurrency,
        Option<double?> rangeRatio,
        Catalog catalog,
        CostModel? costModel,
        IReadOnlyList<string>? hardwareIds,
        IReadOnlyList<string> tierSkipped,
        Option<double?> minUserSpeed,
        Option<double?> maxTpot,
        Option<double?> maxTtft,
        Option<double?> minQuality,
        Option<string> devices,
        Option<string> formats,
        OutputFormat format,
        Option<string?> layoutSearch)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(tierSkipped);
        if (result.GetValue(minQuality) is not null)
        {
            throw new CliUsageException("--min-quality applies to the static search only (no quality catalog is wired into the search under load).");
        }

        var objective = new UserSpeedObjective
        {
            MinOutputTokensPerSecondPerUser = OptionValues.Number(result, minUserSpeed),
            MaxTimePerOutputToken = OptionValues.Number(result, maxTpot) is double tpot ? TimeInterval.FromMilliseconds(tpot) : null,
            MaxTimeToFirstToken = OptionValues.Number(result, maxTtft) is double ttft ? TimeInterval.FromMilliseconds(ttft) : null,
        };
        var space = new OptimizerSearchSpace
        {
            Hardware = hardwareIds,
            DeviceCounts = SweepLists.PositiveInts(devices.Name, result.GetValue(devices)) ?? [1],
            WeightFormats = (result.GetValue(formats) ?? "bf16").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Stack = result.GetValue(options.Stack) ?? "unknown",
            Concurrencies = SweepLists.PositiveInts(result, concurrency),
            Layouts = CurveSweepOptions.ParseLayoutSearch(result, layoutSearch),
        };
        var workload = new Workload { InputTokens = OptionValues.NonNegativeInt(result, options.Input), OutputTokens = OptionValues.NonNegativeInt(result, options.Output) };
        var model = result.GetValue(options.Model)!;
        if (!catalog.TryGetModel(model, out _))
        {
            throw new CliUsageException($"--model: unknown model '{model}' (see 'tokencost models').");
        }

        LoadedOptimizationResult answer;
        try
        {
            answer = DeploymentOptimizer.OptimizeUnderLoad(
                PricingContext.Create(catalog, costModel), model, workload, objective, space, OptionValues.Fraction(result, rangeRatio) ?? 1);
        }
        catch (UnknownIdException ex) when (ex.Kind == CatalogEntryKind.Hardware)
        {
            throw new CliUsageException($"--sweep-hardware: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }
        catch (ArgumentException ex) when (ex.ParamName == "space")
        {
            throw new CliUsageException($"--sweep-hardware × --sweep-devices × --sweep-weights × --concurrency: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
        }

        var skipped = tierSkipped.Concat(answer.Skipped).ToList();
        if (format == OutputFormat.Json)
        {
            WriteJson(answer, model, workload, objective, skipped, result.GetValue(options.PriceTier));
        }
        else
        {
            WriteText(answer, skipped);
        }

        return ExitCodes.Success;
    }

    private static void WriteJson(LoadedOptimizationResult answer, string model, Workload workload, UserSpeedObjective objective, List<string> skipped, string? tier) =>
        JsonOutput.Write(
            new LoadOptimizeResponse
            {
                Feasible = answer.Feasible,
                Model = model,
                Load = "closed loop (continuous batching); devices = tensor parallel, one replica; concurrency = users of that replica",
                PriceTier = tier,
                Best = answer.Best is { } best ? ResponseMapper.ToResponse(best) : null,
                LayoutReason = LayoutReason(answer),
                Objective = new LoadObjectiveResponse
                {
                    MinOutputTokensPerSecondPerUser = objective.MinOutputTokensPerSecondPerUser,
                    MaxTimeToFirstTokenMs = objective.MaxTimeToFirstToken?.Milliseconds,
                    MaxTimePerOutputTokenMs = objective.MaxTimePerOutputToken?.Milliseconds,
                    Statistics = "speed floor on 1 ÷ median TPOT, TPOT limit on the median, TTFT limit on the mean (the steady-state model's mean and median TPOT are equal)",
                    InputTokens = workload.InputTokens,
                    OutputTokens = workload.OutputTokens,
                },
                Evaluated = answer.Evaluated,
                FeasibleCount = answer.Candidates.Count,
                Candidates = answer.Candidates.Take(CandidatesShown).Select(ResponseMapper.ToResponse).ToArray(),
                Fastest = !answer.Feasible && answer.Fastest is { } fastest ? ResponseMapper.ToResponse(fastest) : null,
                Skipped = skipped,
            },
            JsonOutput.Contracts.LoadOptimizeResponse);

    private static void WriteText(LoadedOptimizationResult answer, List<string> skipped)
    {
        var inv = CultureInfo.InvariantCulture;
        if (answer.Best is { } b)
        {
            var c = b.Configuration;
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"Cheapest under continuous batching: {b.Devices} × {c.Hardware.Id} (layout {b.Layout}), weights {c.Weights.Id}, {b.Concurrency} concurrent users: {b.OutputTokensPerSecondPerUser:F1} tok/s per user, TTFT {b.TimeToFirstToken}, TPOT {b.TimePerOutputToken}; ${b.CostPerMillionOutputTokens.Usd:F3} per 1M output tokens (${b.CostPerMillionTotalTokens.Usd:F3} per 1M total).")));
            if (LayoutReason(answer) is { } why)
            {
                AnsiConsole.MarkupLine(Markup.Escape(why));
            }

            foreach (var p in answer.Candidates.Skip(1).Take(CandidatesShown - 1))
            {
                var pc = p.Configuration;
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"  next: {p.Devices} × {pc.Hardware.Id} ({p.Layout}), {pc.Weights.Id}, {p.Concurrency} users: {p.OutputTokensPerSecondPerUser:F1} tok/s/user, TTFT {p.TimeToFirstToken}, ${p.CostPerMillionOutputTokens.Usd:F3} per 1M output")));
            }
        }
        else
        {
            AnsiConsole.MarkupLine("[red]No configuration meets the objective.[/]");
            if (answer.Fastest is { } f)
            {
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"Fastest evaluated: {f.Devices} × {f.Configuration.Hardware.Id} ({f.Layout}), {f.Configuration.Weights.Id}, {f.Concurrency} users: {f.OutputTokensPerSecondPerUser:F1} tok/s per user, TTFT {f.TimeToFirstToken}.")));
            }
        }

        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"{answer.Evaluated} operating points evaluated, {answer.Candidates.Count} configurations feasible, {skipped.Count} skipped (see --format json).")));
    }

    /// <summary>
    /// Why the winning layout won: against the cheapest feasible point of every other kind of layout of the same hardware, replica size and
    /// weights — each single-replica layout (TP, TP×EP, TP×EP with DP attention) and disaggregated pools — with cost, throughput per
    /// device, KV slots per (decode) replica and bound; null when no other kind was feasible.
    /// </summary>
    internal static string? LayoutReason(LoadedOptimizationResult answer)
    {
        if (answer.Best is not { } b)
        {
            return null;
        }

        var c = b.Configuration;
        static string Kind(CurvePoint p) => p.Estimate.Disaggregated is null ? p.Layout : "disaggregated";
        var others = answer.Candidates.Where(p => p.Configuration.Hardware.Id == c.Hardware.Id && p.Configuration.DevicesPerReplica == c.DevicesPerReplica
            && p.Configuration.Weights.Id == c.Weights.Id && Kind(p) != Kind(b)).GroupBy(Kind).Select(g => g.First()).ToList();
        if (others.Count == 0)
        {
            return null;
        }

        static string Part(CurvePoint p)
        {
            var d = p.Estimate.Static.Decode;
            return string.Create(CultureInfo.InvariantCulture, $"{p.Layout} on {p.Devices} devices ${p.CostPerMillionOutputTokens.Usd:F3}/1M output at {p.Concurrency} users, {p.OutputTokensPerSecondPerDevice:F0} output tok/s per device (per device and decode step: {d.WeightBytesPerDevice.Gigabytes:F1} GB weights + {d.KvCacheBytesPerDevice.Gigabytes:F1} GB KV read, {d.CommunicationTime.Milliseconds:F2} ms links; {p.Estimate.MaxRunningSequences} KV slots; {d.Bound.ToString().ToLowerInvariant()}-bound)");
        }

        return $"Why: {Part(b)} vs " + string.Join("; ", others.Select(Part)) + ".";
    }
}
