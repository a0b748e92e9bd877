using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TokenCost.LoadTest;
using TokenCost.Server;

// Load test of POST /v1/estimate: the service in this process on 127.0.0.1 (a free port), N concurrent HttpClient loops for T seconds
// after a warm-up. Loopback only; bounded in clients and time. Reports requests/s, latency percentiles and errors.
// dotnet run -c Release --project benchmarks/TokenCost.LoadTest -- --clients 32 --seconds 10
LoadTestOptions options;
try
{
    options = LoadTestOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("loadtest: " + ex.Message);
    return 2;
}

var app = PricingServer.CreateApp(new PricingServerOptions { Urls = "http://127.0.0.1:0", Arguments = ["--Logging:LogLevel:Default=Warning"] });
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
var estimate = new Uri(address, "/v1/estimate");
var body = Encoding.UTF8.GetBytes(options.Body);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };

// The reference answer: every response of the run must equal it byte for byte.
var reference = await Send();
if (reference.Status != HttpStatusCode.OK)
{
    Console.Error.WriteLine($"loadtest: the body is not a valid estimate request ({(int)reference.Status}): {reference.Text}");
    await app.StopAsync();
    return 2;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TokenCost.LoadTest: POST {estimate} with {options.Clients} clients, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured; {Environment.ProcessorCount} logical CPUs, server GC: {System.Runtime.GCSettings.IsServerGC}"));
await Run(TimeSpan.FromSeconds(options.WarmupSeconds), record: false);
var (latencies, errors, different, elapsed) = await Run(TimeSpan.FromSeconds(options.Seconds), record: true);
await app.StopAsync();

latencies.Sort();
double Percentile(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"requests      {latencies.Count + errors,10:N0}"));
Console.WriteLine(string.Create(inv, $"requests/s    {(latencies.Count + errors) / elapsed.TotalSeconds,10:N0}"));
Console.WriteLine(string.Create(inv, $"p50 latency   {Percentile(0.50),10:F2} ms"));
Console.WriteLine(string.Create(inv, $"p90 latency   {Percentile(0.90),10:F2} ms"));
Console.WriteLine(string.Create(inv, $"p99 latency   {Percentile(0.99),10:F2} ms"));
Console.WriteLine(string.Create(inv, $"max latency   {(latencies.Count == 0 ? double.NaN : latencies[^1]),10:F2} ms"));
Console.WriteLine(string.Create(inv, $"errors        {errors,10:N0}"));
Console.WriteLine(string.Create(inv, $"different     {different,10:N0} (responses not equal to the reference answer)"));
return errors == 0 && different == 0 ? 0 : 1;

async Task<(List<double> Latencies, int Errors, int Different, TimeSpan Elapsed)> Run(TimeSpan duration, bool record)
{
    var stop = Stopwatch.StartNew();
    var loops = Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
    {
        var mine = new List<double>(capacity: 1 << 16);
        int errors = 0, different = 0;
        while (stop.Elapsed < duration)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var (status, text) = await Send();
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (status != HttpStatusCode.OK)
                {
                    errors++;
                }
                else
                {
                    mine.Add(ms);
                    if (text != reference.Text)
                    {
                        different++;
                    }
                }
            }
            catch (HttpRequestException)
            {
                errors++;
            }
            catch (TaskCanceledException)
            {
                errors++;
            }
        }

        return (mine, errors, different);
    })).ToArray();
    var results = await Task.WhenAll(loops);
    var elapsed = stop.Elapsed;
    var all = new List<double>(results.Sum(r => r.mine.Count));
    foreach (var r in results)
    {
        all.AddRange(r.mine);
    }

    return record ? (all, results.Sum(r => r.errors), results.Sum(r => r.different), elapsed) : ([], 0, 0, elapsed);
}

async Task<(HttpStatusCode Status, string Text)> Send()
{
    using var content = new ByteArrayContent(body);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    using var response = await client.PostAsync(estimate, content);
    return (response.StatusCode, await response.Content.ReadAsStringAsync());
}
