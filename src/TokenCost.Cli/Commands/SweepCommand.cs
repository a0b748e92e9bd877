using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TokenCost.Catalogs;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
using TokenCost.Pricing;
using TokenCost.Estimation;
using TokenCost.Quantities;
using TokenCost.Sweeps;

namespace TokenCost.Cli.Commands;

/// <summary><c>tokencost sweep</c>: estimates every combination of the given axes in parallel and streams the results, or times a standard sweep.</summary>
public static class SweepCommand
{
    private const long WarmupPoints = 1_000_000;

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var hardware = new Option<string>("--sweep-hardware", "--hardware") { Description = "Comma-separated hardware ids, or 'all' (--hardware is the old spelling)", DefaultValueFactory = _ => "nvidia_h100_sxm" };
        var model = new Option<string>("--model") { Description = "Comma-separated model ids, or 'all'", DefaultValueFactory = _ => "llama-2-70b" };
        var modelConfig = new Option<string?>("--model-config") { Description = "Hugging Face config.json of a model to sweep (its file name is its id); alone unless --model also names ids" };
        var weights = new Option<string>("--sweep-weights", "--weights") { Description = "Comma-separated weight format ids (--weights is the old spelling)", DefaultValueFactory = _ => "bf16,fp8,int4" };
        var kv = new Option<string>("--kv-cache") { Description = "Comma-separated KV-cache format ids", DefaultValueFactory = _ => "bf16" };
        var stack = new Option<string>("--stack") { Description = "Comma-separated serving stack ids", DefaultValueFactory = _ => "unknown" };
        var devices = new Option<string>("--sweep-devices", "--devices") { Description = "Comma-separated device counts; each layer is split across devices ÷ pp (tensor parallel; --devices is the old spelling)", DefaultValueFactory = _ => "1,2,4,8" };
        var pp = new Option<int>("--pp") { Description = "Pipeline-parallel degree", DefaultValueFactory = _ => 1 };
        var batch = new Option<string>("--batch") { Description = "Comma-separated batches (sequences per replica)", DefaultValueFactory = _ => "1,8,32,128" };
        var input = new Option<string>("--input") { Description = "Comma-separated prompt lengths (tokens)", DefaultValueFactory = _ => "512,2048" };
        var outputTokens = new Option<string>("--output") { Description = "Comma-separated output lengths (tokens)", DefaultValueFactory = _ => "256" };
        var price = new Option<double?>("--price-per-hour") { Description = "All-in USD per device-hour for the cost column (default: each hardware's catalog cloud price)" };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores)" };
        var count = new Option<long?>("--count") { Description = "Time a standard sweep of N configurations (every catalog hardware × model × 4 weight × 2 KV formats × TP 1-8 × 3 shapes × batches 1..k) instead of the axes; the timed run follows an untimed warm-up of up to 1,000,000 points and excludes planning (planSeconds)" };
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv);
        var options = new DeploymentOptions();
        var command = new Command("sweep", "Estimate every combination of hardware × model × formats × devices × batch × sequence lengths, in parallel. csv and json stream one row per estimate; with --count, json prints the timing.\n\nExamples:\n  tokencost sweep --sweep-hardware nvidia_h100_sxm,amd_mi300x --model llama-3.1-70b --batch 1,16,64 --format csv\n  tokencost sweep --count 1000000 --json");
        var tier = new Option<string?>("--price-tier") { Description = "Rent at a dated price tier of each hardware for the cost column (hyperscaler, neocloud, rental_3yr, retail; or name@yyyy-MM); hardware without it gets no cost" };
        foreach (var option in new Option[] { hardware, model, modelConfig, weights, kv, stack, devices, pp, batch, input, outputTokens, price, tier, threads, count })
        {
            command.Options.Add(option);
        }

        options.AddCatalogOptionsTo(command);
        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(result, format =>
        {
            var catalog = options.ResolveCatalog(result);
            var modelIds = result.GetValue(model);
            if (result.GetValue(modelConfig) is { } config)
            {
                var fromConfig = Models.HuggingFaceConfigReader.ReadFile(config);
                catalog = catalog.WithModel(fromConfig);
                modelIds = result.GetResult(model) is { Implicit: false } ? modelIds + "," + fromConfig.Id : fromConfig.Id;
            }

            var rate = OptionValues.Number(result, price, allowZero: true);
            var tierName = result.GetValue(tier);
            if (tierName is not null && rate is not null)
            {
                throw new CliUsageException("--price-tier and --price-per-hour are alternatives; give one of them.");
            }

            if (tierName is not null && !catalog.Hardware.Any(h => h.TryGetPriceTier(tierName, out _)))
            {
                throw new CliUsageException($"--price-tier: no hardware has a price tier '{tierName}'; tiers: {string.Join(", ", catalog.PriceTiers.Select(t => t.Name).Distinct(StringComparer.Ordinal))} (or name@yyyy-MM, see 'tokencost platforms').");
            }
            var workers = result.GetValue(threads) is int t ? (t >= 1 ? t : throw new CliUsageException($"--threads must be an integer ≥ 1; got {t}.")) : Environment.ProcessorCount;
            var engine = new SweepEngine(PricingContext.Create(catalog));
            SweepPlan plan;
            long? limit = null;
            var planSeconds = 0.0;
            if (result.GetValue(count) is long n)
            {
                if (n < 1)
                {
                    throw new CliUsageException($"--count must be an integer ≥ 1; got {n}.");
                }

                WorkLimits.CheckSweep(n, "--count");

                var planning = System.Diagnostics.Stopwatch.StartNew();
                plan = StandardPlan(engine, catalog, rate, tierName, n);
                planSeconds = planning.Elapsed.TotalSeconds;
                limit = n;
            }
            else
            {
                var ppValue = OptionValues.PositiveInt(result, pp);
                var space = new SweepSpace
                {
                    Catalog = catalog,
                    Hardware = Ids(result.GetValue(hardware), OptionValues.Spelling(result, hardware), catalog.Hardware.Select(h => h.Id), id => catalog.GetHardware(id)),
                    Models = Ids(modelIds, "--model", catalog.Models.Select(m => m.Id), id => catalog.GetModel(id)),
                    Weights = Ids(result.GetValue(weights), OptionValues.Spelling(result, weights), catalog.Formats.Select(f => f.Id), id => catalog.GetFormat(id)),
                    KvCaches = Ids(result.GetValue(kv), "--kv-cache", catalog.Formats.Select(f => f.Id), id => catalog.GetFormat(id)),
                    Stacks = Ids(result.GetValue(stack), "--stack", catalog.Stacks.Select(s => s.Id), id => catalog.GetStack(id)),
                    Layouts = [.. Integers(result.GetValue(devices), OptionValues.Spelling(result, devices), 1).Select(d => new ParallelLayout(d, Math.Max(1, d / ppValue), ppValue))],
                    Batches = Integers(result.GetValue(batch), "--batch", 1),
                    Sequences = [.. from i in Integers(result.GetValue(input), "--input", 0) from o in Integers(result.GetValue(outputTokens), "--output", 0) select new SequenceLengths(i, o)],
                    PricePerDeviceHour = rate is double r ? HourlyRate.FromUsdPerHour(r) : null,
                    PriceTierName = tierName,
                };
                plan = engine.Plan(space);
                WorkLimits.CheckSweep(plan.Count, "--sweep-hardware × --model × --sweep-weights × --kv-cache × --stack × --sweep-devices × --batch × --input × --output");
            }

            var sweepOptions = new SweepOptions { MaxDegreeOfParallelism = workers, Limit = limit };
            if (limit is long total && format == OutputFormat.Json)
            {
                // Untimed warm-up over up to 1M points so the timed run measures tier-1 (PGO-optimised) code, as a benchmark harness would; nothing is cached between the passes.
                var warmup = Math.Min(total, WarmupPoints);
                engine.Run(plan, null, sweepOptions with { Limit = warmup });
                var summary = engine.Run(plan, null, sweepOptions);
                JsonOutput.Write(
                    new SweepTimingResponse
                    {
                        Estimates = summary.Evaluated,
                        Seconds = summary.Elapsed.Seconds,
                        EstimatesPerSecond = summary.EstimatesPerSecond,
                        Fitting = summary.Fitting,
                        Threads = workers,
                        Deployments = plan.Deployments.Count,
                        WarmupEstimates = warmup,
                        PlanSeconds = planSeconds,
                    },
                    JsonOutput.Contracts.SweepTimingResponse,
                    indented: false);
                return ExitCodes.Success;
            }

            if (format == OutputFormat.Csv)
            {
                WriteCsv(engine, plan, sweepOptions);
            }
            else if (format == OutputFormat.Json)
            {
                WriteJson(engine, plan, sweepOptions);
            }
            else
            {
                var summary = engine.Run(plan, null, sweepOptions);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{summary.Evaluated} estimates in {summary.Elapsed.Seconds:F3} s ({summary.EstimatesPerSecond:N0}/s on {workers} threads); {summary.Fitting} fit in memory; {plan.Skipped.Count} deployments skipped."));
                if (summary.Cheapest is { } best)
                {
                    var c = best.Configuration;
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cheapest fitting: {c.Model.Id} on {c.Devices}× {c.Hardware.Id}, {c.Weights.Id}/{c.KvCache.Id}, batch {best.Batch}, {best.InputTokens}/{best.OutputTokens} tokens: {best.Estimate.CostPerMillionOutputTokens!.Value.Usd:F4} USD per 1M output tokens"));
                }
            }

            foreach (var line in plan.Skipped.Take(5))
            {
                Console.Error.WriteLine("tokencost: skipped " + line);
            }

            return ExitCodes.Success;
        }, [.. options.Inputs(result), ("--model-config", result.GetValue(modelConfig))])));
        return command;
    }

    private static SweepPlan StandardPlan(SweepEngine engine, Catalog catalog, double? rate, string? tier, long count)
    {
        var space = SweepSpace.Standard(catalog) with { PricePerDeviceHour = rate is double r ? HourlyRate.FromUsdPerHour(r) : null, PriceTierName = tier };
        var plan = engine.Plan(space);
        if (plan.Count == 0)
        {
            throw new CliUsageException("the standard sweep has no valid deployment in this catalog.");
        }

        var batches = (int)Math.Min(int.MaxValue, (count + plan.Count - 1) / plan.Count);
        return plan.WithBatches([.. Enumerable.Range(1, batches)]);
    }

    private static void WriteCsv(SweepEngine engine, SweepPlan plan, SweepOptions options)
    {
        // Console.Out (not the raw stream) so redirection works; lines are batched to keep the synchronised writer off the hot path.
        var writer = new StringBuilder(1 << 17);
        writer.AppendLine("model,hardware,devices,tensorParallel,pipelineParallel,weights,activations,kvCache,stack,batch,inputTokens,outputTokens,fits,maxBatch,timeToFirstTokenMs,timePerOutputTokenMs,sustainedOutputTokensPerSecond,decodeTokensPerSecond,bound,costPerMillionOutputTokensUsd");
        var inv = CultureInfo.InvariantCulture;
        foreach (var r in Sync(engine.StreamAsync(plan, options)))
        {
            var c = r.Configuration;
            var e = r.Estimate;
            writer.AppendLine(string.Create(inv, $"{Csv(c.Model.Id)},{Csv(c.Hardware.Id)},{c.Devices},{c.TensorParallel},{c.PipelineParallel},{Csv(c.Weights.Id)},{Csv(c.Activations.Id)},{Csv(c.KvCache.Id)},{Csv(c.Stack.Id)},{r.Batch},{r.InputTokens},{r.OutputTokens},{(e.Fits ? "true" : "false")},{e.MaxBatch},{e.TimeToFirstToken.Milliseconds:G9},{e.TimePerOutputToken.Milliseconds:G9},{e.SustainedOutputTokensPerSecond.TokensPerSecond:G9},{e.DecodeTokensPerSecond.TokensPerSecond:G9},{e.Bound.ToString().ToLowerInvariant()},{(e.CostPerMillionOutputTokens is { } m ? m.Usd.ToString("G9", inv) : "")}"));
            if (writer.Length > 1 << 16)
            {
                Console.Out.Write(writer.ToString());
                writer.Clear();
            }
        }

        Console.Out.Write(writer.ToString());
        Console.Out.Flush();
    }

    private static string Csv(string text) => Rendering.OutputText.CsvField(text);

    private static void WriteJson(SweepEngine engine, SweepPlan plan, SweepOptions options)
    {
        using var buffer = new MemoryStream();
        using var w = new Utf8JsonWriter(buffer, ContractJson.WriterOptions(indented: false));
        w.WriteStartArray();
        foreach (var r in Sync(engine.StreamAsync(plan, options)))
        {
            w.WriteRawValue(ContractJson.SerializeToUtf8Bytes(ResponseMapper.ToResponse(r), JsonOutput.Contracts.SweepRow), skipInputValidation: true);
            if (w.BytesPending > 1 << 16)
            {
                Drain(w, buffer);
            }
        }

        w.WriteEndArray();
        Drain(w, buffer);
        Console.Out.WriteLine();
        Console.Out.Flush();
    }

    private static void Drain(Utf8JsonWriter w, MemoryStream buffer)
    {
        w.Flush();
        Console.Out.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }

    private static IEnumerable<SweepResult> Sync(IAsyncEnumerable<SweepResult> results)
    {
        var e = results.GetAsyncEnumerator();
        try
        {
            while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                yield return e.Current;
            }
        }
        finally
        {
            e.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string[] Ids(string? text, string option, IEnumerable<string> all, Action<string> resolve)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliUsageException($"{option} needs at least one id.");
        }

        if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return [.. all];
        }

        var ids = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var id in ids)
        {
            try
            {
                resolve(id);
            }
            catch (UnknownIdException ex)
            {
                throw new CliUsageException($"{option}: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
            }
        }

        return ids.Length > 0 ? ids : throw new CliUsageException($"{option} needs at least one id.");
    }

    private static int[] Integers(string? text, string option, int minimum)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new CliUsageException($"{option} needs at least one integer.");
        }

        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]) || values[i] < minimum)
            {
                throw new CliUsageException(string.Create(CultureInfo.InvariantCulture, $"{option} must be a comma-separated list of integers ≥ {minimum}; got '{parts[i]}'."));
            }
        }

        return values;
    }
}
