#:project ../src/TokenCost/TokenCost.csproj
// Batching under load: KV allocation waste, static vs continuous batching, and the largest request rate meeting an SLO.
// Run: dotnet run samples/serving-under-load.cs
using System.Globalization;
using TokenCost.Catalogs;
using TokenCost.Economics.Batching;
using TokenCost.Estimation;
using TokenCost.Pricing;
using TokenCost.Quantities;

var inv = CultureInfo.InvariantCulture;
var context = PricingContext.Create(Catalog.Default);
var estimator = context.Estimator;
var config = context.Deployment("llama-3.1-8b", "nvidia_h100_sxm", "fp8", stackId: "vllm");
const int input = 1000, output = 300, maxLength = 8192;
var memory = estimator.PlanMemory(config, input + output, 1);
foreach (var strategy in new[] { KvAllocationStrategy.Contiguous, KvAllocationStrategy.Paged })
{
    var p = KvCacheAllocation.Plan(memory, strategy, input + output, maxLength, 16);
    Console.WriteLine(string.Create(inv, $"{strategy,-10} reserve {p.ReservedTokensPerSequence,5} tokens/seq, waste {p.WasteFraction,6:P1}, {p.ConcurrentSequences,4} sequences fit"));
}

var slots = Math.Min(256, KvCacheAllocation.Plan(memory, KvAllocationStrategy.Paged, input + output, maxLength).ConcurrentSequences);
Console.WriteLine(string.Create(inv, $"\nslots = {slots} (paged, capped at 256); exponential output lengths, mean {output}"));
Console.WriteLine("policy      rate/s  util   TTFT p50   TTFT p90   TPOT p50   TPOT p90");
foreach (var policy in new[] { BatchingPolicy.Static, BatchingPolicy.Continuous })
{
    var capacity = ServingUnderLoad.Analyze(context, config, input, output, slots, 0, policy).CapacityRequestsPerSecond;
    foreach (var f in new[] { 0.25, 0.5, 0.9 })
    {
        var e = ServingUnderLoad.Analyze(context, config, input, output, slots, f * capacity, policy);
        Console.WriteLine(string.Create(inv, $"{policy,-10} {e.RequestsPerSecond,7:F2} {e.Utilization,5:P0} {Ms(e.TimeToFirstTokenP50),10} {Ms(e.TimeToFirstTokenP90),10} {Ms(e.TimePerOutputTokenP50),10} {Ms(e.TimePerOutputTokenP90),10}"));
    }

    var max = ServingUnderLoad.MaxRequestsPerSecond(context, config, input, output, slots, policy, TimeInterval.FromMilliseconds(1000), TimeInterval.FromMilliseconds(20));
    Console.WriteLine(string.Create(inv, $"{policy,-10} capacity {capacity:F2} req/s; max rate with p90 TTFT ≤ 1 s and p90 TPOT ≤ 20 ms: {max:F2} req/s\n"));
}

static string Ms(TimeInterval? t) => t is { } v ? v.Milliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms" : "unstable";
