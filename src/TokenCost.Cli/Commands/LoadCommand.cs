using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TokenCost.Cli.Infrastructure;
using TokenCost.Contracts;
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
        var output = new OutputOptions(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("load", "Batching under load: KV allocation waste (contiguous vs paged), static vs continuous batching under Poisson arrivals (utilization, queueing, TTFT and TPOT at p50/p90), and the largest request rate meeting a p90 SLO.\n\nExamples:\n  tokencost load --model llama-3.1-8b --weights fp8 --stack vllm --input 1000 --output 300 --max-ttft-ms 1000 --max-tpot-ms 20\n  tokencost load --model llama-3.1-8b --weights fp8 --rate 5 --json");
        options.AddTo(command);
        foreach (var o in new Option[] { rate, maxLength, block, maxTtft, maxTpot })
        {
            command.Options.Add(o);
        }

        output.AddTo(command);
        command.SetAction(result => CommandRunner.Run(() => output.Run(result, format =>
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

            if (format == OutputFormat.Json)
            {
                JsonOutput.Write(ToResponse(config, plans, analyses), JsonOutput.Contracts.LoadAnalysisResponse);
            }
            else
            {
                WriteTables(plans, analyses);
            }

            return ExitCodes.Success;
        }, options.Inputs(result))));
        return command;
    }

    private static LoadAnalysisResponse ToResponse(DeploymentConfiguration config, List<KvAllocationPlan> plans, List<(BatchingPolicy Policy, int Slots, double Capacity, List<LoadEstimate> Points, double? MaxRate)> analyses) => new()
    {
        Model = config.Model.Id,
        Hardware = config.Hardware.Id,
        Devices = config.Devices,
        KvAllocation = plans.Select(p => new KvAllocationResponse
        {
            Strategy = p.Strategy.ToString().ToLowerInvariant(),
            ReservedTokensPerSequence = p.ReservedTokensPerSequence,
            UsedTokensPerSequence = p.UsedTokensPerSequence,
            WasteFraction = p.WasteFraction,
            ConcurrentSequences = p.ConcurrentSequences,
        }).ToArray(),
        Policies = analyses.Select(a => new BatchingPolicyResponse
        {
            Policy = a.Policy.ToString().ToLowerInvariant(),
            Slots = a.Slots,
            CapacityRequestsPerSecond = a.Capacity,
            MaxRequestsPerSecondMeetingSlo = ContractJson.Finite(a.MaxRate),
            Points = a.Points.Select(e => new QueueingPointResponse
            {
                RequestsPerSecond = e.RequestsPerSecond,
                Utilization = e.Utilization,
                Stable = e.Stable,
                MeanSequencesInFlight = e.MeanSequencesInFlight,
                MeanQueueDelayMs = ContractJson.Finite(e.MeanQueueDelay?.Milliseconds),
                TimeToFirstTokenP50Ms = ContractJson.Finite(e.TimeToFirstTokenP50?.Milliseconds),
                TimeToFirstTokenP90Ms = ContractJson.Finite(e.TimeToFirstTokenP90?.Milliseconds),
                TimePerOutputTokenP50Ms = ContractJson.Finite(e.TimePerOutputTokenP50?.Milliseconds),
                TimePerOutputTokenP90Ms = ContractJson.Finite(e.TimePerOutputTokenP90?.Milliseconds),
            }).ToArray(),
        }).ToArray(),
    };

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
