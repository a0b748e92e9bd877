using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using TokenCost.Catalogs;
using TokenCost.Estimation;
using TokenCost.Quantities;

// `dotnet run -c Release -- quick` prints stopwatch figures in seconds (cold catalog load, one-core fast-path rate, allocation);
// anything else goes to BenchmarkDotNet (for example `-- --filter * --job short`).
if (args is ["quick", ..])
{
    var watch = Stopwatch.StartNew();
    var catalog = Catalog.Default;
    var cold = watch.Elapsed.TotalMilliseconds;
    var load = typeof(Catalog).GetMethod("LoadEmbedded", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.CreateDelegate<Func<Catalog>>();
    var warmups = new double[20];
    for (var i = 0; i < warmups.Length; i++)
    {
        watch.Restart();
        load();
        warmups[i] = watch.Elapsed.TotalMilliseconds;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"catalog load, repeated in process: first {warmups[0]:F2} ms, median of 20 {warmups.Order().ElementAt(10):F2} ms"));
    var estimator = new RooflineEstimator(catalog.Profiles);
    var prepared = estimator.Prepare(DeploymentConfiguration.Create(catalog, "llama-2-70b", "nvidia_h100_sxm", "int4", devices: 2));
    var price = HourlyRate.FromUsdPerHour(2.5);
    var sink = 0.0;
    for (var i = 0; i < 200_000; i++)
    {
        sink += estimator.Summarize(prepared, 1 + (i & 127), 2048, 512, price).TimePerOutputToken.Seconds;
    }

    const int N = 5_000_000;
    var before = GC.GetAllocatedBytesForCurrentThread();
    watch.Restart();
    for (var i = 0; i < N; i++)
    {
        sink += estimator.Summarize(prepared, 1 + (i & 127), 2048, 512, price).TimePerOutputToken.Seconds;
    }

    var seconds = watch.Elapsed.TotalSeconds;
    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold catalog load: {cold:F1} ms; fast path on one core: {N / seconds:N0} estimates/s ({seconds * 1e9 / N:F0} ns each), {allocated} bytes allocated in {N:N0} calls (checksum {sink:G6})"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(TokenCost.Benchmarks.EstimateBenchmarks).Assembly).Run(args);
return 0;
