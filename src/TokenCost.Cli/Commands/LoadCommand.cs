using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;
using TokenCost.Economics.Batching;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quantities;

namespace TokenCost.Cli.Commands;

/// <summary>
/// <c>tokencost load</c>: batching under load — KV allocation (contiguous vs paged) → sequences that fit, static vs continuous
/// batching under Poisson arrivals → utilization, queueing, TTFT and TPOT at p50/p90, and the largest rate meeting an SLO.
/// </summary>
public static class LoadCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var options = new DeploymentOptions();
        var rate = new Option<double?>("--rate") { Description = "Arrivals per second for the whole deployment (default: 50 % and 90 % of capacity)" };
        var maxLength = new Option<int?>("--max-length") { Description = "Tokens a contiguous allocator reserves per sequence (default: the model's maximum context, at most 8192)" };
        var block = new Option<int>("--block-tokens") { Description = "Tokens per paged KV block", DefaultValueFactory = _ => 16 };
        var maxTtft = new Option<double?>("--max-ttft-ms") { Description = "p90 TTFT limit in ms for the largest sustainable rate" };
        var maxTpot = new Option<double?>("--max-tpot-ms") { Description = "p90 TPOT limit in ms for the largest sustainable rate" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("load", "Batching under load: KV allocation waste (contiguous vs paged), static vs continuous batching under Poisson arrivals (utilization, queueing, TTFT and TPOT at p50/p90), and the largest request rate meeting a p90 SLO.\n\nExamples:\n  tokencost load --model llama-3.1-8b --weights fp8 --stack vllm --input 1000 --output 300 --max-ttft-ms 1000 --max-tpot-ms 20\n  tokencost load --model llama-3.1-8b --weights fp8 --rate 5 --json");
        options.AddTo(command);
        foreach (var o in new Option[] { rate, maxLength, block, maxTtft, maxTpot, json })
        {
            command.Options.Add(o);
        }

        command.SetAction(result => CommandRunner.Run(() =>
        {
            var pricing = options.ResolveContext(result);
            var config = options.ResolveConfiguration(result, pricing.Catalog);
            var workload = options.ResolveWorkload(result);
            if (workload.InputTokens < 1 || workload.OutputTokens < 1)
            {
                throw new CliUsageException("--input and --output must be ≥ 1 for a load analysis.");
            }

            var estimator = pricing.Estimator;
            var used = workload.InputTokens + workload.OutputTokens;
            var reserve = OptionValues.PositiveInt(result, maxLength) ?? Math.Max(used, Math.Min(config.Model.MaxContext, 8192));
            var blockTokens = OptionValues.PositiveInt(result, block);
            var memory = estimator.PlanMemory(config, used, 1);
            var plans = new[] { KvAllocationStrategy.Contiguous, KvAllocationStrategy.Paged }
                .Select(s => KvCacheAllocation.Plan(memory, s, used, Math.Max(reserve, used), blockTokens)).ToList();
            var profileCap = estimator.ProfileFor(config).MaxBatch;
            var rateValue = OptionValues.Number(result, rate, allowZero: true);
            var ttft = OptionValues.Number(result, maxTtft);
            var tpot = OptionValues.Number(result, maxTpot);
            var analyses = new List<(BatchingPolicy Policy, int Slots, double Capacity, List<LoadEstimate> Points, double? MaxRate)>();
            foreach (var (policy, plan) in new[] { (BatchingPolicy.Static, plans[0]), (BatchingPolicy.Continuous, plans[1]) })
            {
                var slots = Math.Min(profileCap, plan.ConcurrentSequences);
                if (slots < 1)
                {
                    analyses.Add((policy, 0, 0, [], null));
                    continue;
                }

                var capacity = ServingUnderLoad.Analyze(pricing, config, workload.InputTokens, workload.OutputTokens, slots, 0, policy).CapacityRequestsPerSecond;
                var rates = rateValue is double r ? [r] : new[] { 0.5 * capacity, 0.9 * capacity };
                var points = rates.Select(x => ServingUnderLoad.Analyze(pricing, config, workload.InputTokens, workload.OutputTokens, slots, x, policy)).ToList();
                double? max = ttft is double a && tpot is double b
                    ? ServingUnderLoad.MaxRequestsPerSecond(pricing, config, workload.InputTokens, workload.OutputTokens, slots, policy, TimeInterval.FromMilliseconds(a), TimeInterval.FromMilliseconds(b))
                    : null;
                analyses.Add((policy, slots, capacity, points, max));
            }

            if (result.GetValue(json))
            {
                JsonOutput.Write(w => WriteJson(w, config, plans, analyses));
            }
            else
            {
                WriteTables(plans, analyses);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteJson(Utf8JsonWriter w, DeploymentConfiguration config, List<KvAllocationPlan> plans, List<(BatchingPolicy Policy, int Slots, double Capacity, List<LoadEstimate> Points, double? MaxRate)> analyses)
    {
        w.WriteStartObject();
        w.WriteString("model", config.Model.Id);
        w.WriteString("hardware", config.Hardware.Id);
        w.WriteNumber("devices", config.Devices);
        w.WriteStartArray("kvAllocation");
        foreach (var p in plans)
        {
            w.WriteStartObject();
            w.WriteString("strategy", p.Strategy.ToString().ToLowerInvariant());
            w.WriteNumber("reservedTokensPerSequence", p.ReservedTokensPerSequence);
            w.WriteNumber("usedTokensPerSequence", p.UsedTokensPerSequence);
            w.WriteNumber("wasteFraction", p.WasteFraction);
            w.WriteNumber("concurrentSequences", p.ConcurrentSequences);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("policies");
        foreach (var a in analyses)
        {
            w.WriteStartObject();
            w.WriteString("policy", a.Policy.ToString().ToLowerInvariant());
            w.WriteNumber("slots", a.Slots);
            w.WriteNumber("capacityRequestsPerSecond", a.Capacity);
            w.NumberOrNull("maxRequestsPerSecondMeetingSlo", a.MaxRate);
            w.WriteStartArray("points");
            foreach (var e in a.Points)
            {
                w.WriteStartObject();
                w.WriteNumber("requestsPerSecond", e.RequestsPerSecond);
                w.WriteNumber("utilization", e.Utilization);
                w.WriteBoolean("stable", e.Stable);
                w.WriteNumber("meanSequencesInFlight", e.MeanSequencesInFlight);
                w.NumberOrNull("meanQueueDelayMs", e.MeanQueueDelay?.Milliseconds);
                w.NumberOrNull("ttftP50Ms", e.TimeToFirstTokenP50?.Milliseconds);
                w.NumberOrNull("ttftP90Ms", e.TimeToFirstTokenP90?.Milliseconds);
                w.NumberOrNull("tpotP50Ms", e.TimePerOutputTokenP50?.Milliseconds);
                w.NumberOrNull("tpotP90Ms", e.TimePerOutputTokenP90?.Milliseconds);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTables(List<KvAllocationPlan> plans, List<(BatchingPolicy Policy, int Slots, double Capacity, List<LoadEstimate> Points, double? MaxRate)> analyses)
    {
        var inv = CultureInfo.InvariantCulture;
        var kv = new Table().Border(TableBorder.Rounded).AddColumns("KV allocation", "reserved tokens/seq", "waste", "sequences that fit");
        foreach (var p in plans)
        {
            kv.AddRow(p.Strategy.ToString(), p.ReservedTokensPerSequence.ToString(inv), p.WasteFraction.ToString("P1", inv), p.ConcurrentSequences.ToString(inv));
        }

        AnsiConsole.Write(kv);
        var load = new Table().Border(TableBorder.Rounded).AddColumns("policy", "slots", "capacity req/s", "rate req/s", "util.", "TTFT p50", "TTFT p90", "TPOT p50", "TPOT p90", "max rate in SLO");
        static string Ms(TimeInterval? t) => t is { } v ? v.Milliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms" : "unstable";
        foreach (var a in analyses)
        {
            foreach (var e in a.Points)
            {
                load.AddRow(a.Policy.ToString(), a.Slots.ToString(inv), a.Capacity.ToString("F2", inv), e.RequestsPerSecond.ToString("F2", inv), e.Utilization.ToString("P0", inv), Ms(e.TimeToFirstTokenP50), Ms(e.TimeToFirstTokenP90), Ms(e.TimePerOutputTokenP50), Ms(e.TimePerOutputTokenP90), a.MaxRate?.ToString("F2", inv) ?? "–");
            }
        }

        AnsiConsole.Write(load);
    }
}
