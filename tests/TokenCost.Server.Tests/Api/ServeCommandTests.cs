using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TokenCost.Server.Tests.Api;

/// <summary><c>tokencost serve --urls http://127.0.0.1:0</c> in a child process: it starts, answers, and stops when asked.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_StartsOnTheGivenUrl_AndAnswersTheApiAndTheCalculator()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "TokenCost.Cli.dll"), "serve", "--urls", "http://127.0.0.1:0" })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        try
        {
            var address = await ListeningAddressAsync(process, TimeSpan.FromSeconds(60));
            using var client = new HttpClient { BaseAddress = address };

            var health = JsonNode.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)))!;
            var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
            using var content = new StringContent("""{"model":"llama-3.1-8b"}""", System.Text.Encoding.UTF8, "application/json");
            using var estimate = await client.PostAsync(new Uri("/v1/estimate", UriKind.Relative), content);

            address.Host.Should().Be("127.0.0.1");
            health["status"]!.GetValue<string>().Should().Be("ok");
            page.Should().Contain("TokenCost calculator");
            estimate.IsSuccessStatusCode.Should().BeTrue();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<Uri> ListeningAddressAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("tokencost serve exited before listening: " + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
