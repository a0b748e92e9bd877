using System.Net;
using System.Text.Json.Nodes;
using TokenCost.Server.Tests.Support;

namespace TokenCost.Server.Tests.Api;

public sealed class EstimateEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string[], string> SameInputs => new()
    {
        { [], "{}" },
        { ["--model", "llama-3.1-8b", "--hardware", "nvidia_h200_sxm", "--weights", "fp8", "--batch", "64"], """{"model":"llama-3.1-8b","hardware":"nvidia_h200_sxm","weights":"fp8","batch":64}""" },
        { ["--model", "llama-3.1-70b", "--hardware", "amd_mi300x", "--devices", "4", "--tp", "2", "--batch", "auto", "--capex", "15000", "--utilization", "0.7", "--input", "2000", "--output", "300"], """{"model":"llama-3.1-70b","hardware":"amd_mi300x","devices":4,"tensorParallel":2,"batch":"auto","capex":15000,"utilization":0.7,"inputTokens":2000,"outputTokens":300}""" },
        { ["--weights", "bf16", "--devices", "2", "--kv-cache", "fp8", "--price-per-hour", "1.5", "--electricity-price", "0.2", "--pue", "1.3"], """{"weights":"bf16","devices":2,"kvCache":"fp8","pricePerHour":1.5,"electricityPrice":0.2,"pue":1.3}""" },
        { ["--model", "llama-3.1-70b", "--weights", "fp8", "--devices", "2", "--price-tier", "neocloud"], """{"model":"llama-3.1-70b","weights":"fp8","devices":2,"priceTier":"neocloud"}""" },
    };

    [Theory]
    [MemberData(nameof(SameInputs))]
    public async Task Estimate_GivesEveryNumberTheCliGives_ForTheSameInputs(string[] cliArgs, string body)
    {
        var cli = CliProcess.Run(["estimate", .. cliArgs, "--json"]);
        cli.ExitCode.Should().Be(0, cli.Stderr);
        var expected = JsonNode.Parse(cli.Stdout)!;

        var (response, actual, text) = await Json.PostAsync(_client, "/v1/estimate", body);

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        actual!["costPerMillionOutputTokensUsd"]!.GetValue<double>().Should().Be(expected["costPerMillionOutputTokensUsd"]!.GetValue<double>());
        Json.ShouldContain(actual, expected);
    }

    [Fact]
    public async Task Estimate_TotalTokenPrice_IsTheTokenWeightedMeanOfInputAndOutputPrices()
    {
        var (_, body, _) = await Json.PostAsync(_client, "/v1/estimate", """{"inputTokens":1000,"outputTokens":250}""");

        var input = body!["costPerMillionInputTokensUsd"]!.GetValue<double>();
        var output = body["costPerMillionOutputTokensUsd"]!.GetValue<double>();
        // A request's prefill and decode hours, spread over its 1,250 tokens: (1000 × input + 250 × output) ÷ 1250.
        body["costPerMillionTotalTokensUsd"]!.GetValue<double>().Should().BeApproximately(((1000 * input) + (250 * output)) / 1250, 1e-12);
        body["costPerMillionTotalTokensUsd"]!.GetValue<double>().Should().BeGreaterThan(input).And.BeLessThan(output);
    }

    [Fact]
    public async Task Estimate_EmptyBody_MeansEveryDefault()
    {
        using var response = await _client.PostAsync(new Uri("/v1/estimate", UriKind.Relative), null);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body["model"]!.GetValue<string>().Should().Be("llama-2-70b");
        body["weights"]!.GetValue<string>().Should().Be("int4", "the CLI defaults to int4 weights");
        body["batch"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Estimate_InlineCatalogOverride_PricesWithIt()
    {
        const string body = """{"catalogOverrides":{"hardware":[{"id":"nvidia_h100_sxm","name":"H100 at a negotiated price","year":2022,"memoryGb":80,"bandwidthTbps":3.35,"bf16Tflops":989.4,"cloudUsdPerHour":1.5,"priceDate":"2026-11","sources":"our contract"}]}}""";

        var (response, json, text) = await Json.PostAsync(_client, "/v1/estimate", body);

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        json!["breakdown"]!["hardwareUsdPerHour"]!.GetValue<double>().Should().Be(1.5);
    }

    [Fact]
    public async Task Estimate_UnderConcurrentRequests_GivesTheSameBytesAsAlone()
    {
        string[] bodies = ["{}", """{"hardware":"amd_mi300x","batch":16}""", """{"model":"llama-3.1-8b","weights":"fp8","batch":"auto"}""", """{"devices":8,"pipelineParallel":2,"weights":"bf16"}"""];
        var alone = new List<string>();
        foreach (var b in bodies)
        {
            alone.Add((await Json.PostAsync(_client, "/v1/estimate", b)).Text);
        }

        var together = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i => (i % bodies.Length, (await Json.PostAsync(_client, "/v1/estimate", bodies[i % bodies.Length])).Text)));

        foreach (var (index, text) in together)
        {
            text.Should().Be(alone[index]);
        }
    }
}
