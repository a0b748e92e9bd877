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
        { ["--model", "llama-3.3-70b", "--hardware", "nvidia_h200_sxm", "--devices", "8", "--weights", "fp8", "--stack", "vllm", "--input", "1024", "--output", "1024", "--load", "closed", "--concurrency", "64"], """{"model":"llama-3.3-70b","hardware":"nvidia_h200_sxm","devices":8,"weights":"fp8","stack":"vllm","inputTokens":1024,"outputTokens":1024,"load":{"kind":"closed","concurrency":64}}""" },
        { ["--model", "llama-3.1-8b", "--weights", "fp8", "--load", "poisson", "--rate", "3.5", "--price-tier", "neocloud"], """{"model":"llama-3.1-8b","weights":"fp8","load":{"kind":"poisson","requestsPerSecond":3.5},"priceTier":"neocloud"}""" },
        { ["--model", "deepseek-r1", "--hardware", "nvidia_h200_sxm", "--devices", "8", "--weights", "fp8", "--load", "offline"], """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","devices":8,"weights":"fp8","load":{"kind":"offline"}}""" },
        { ["--load", "static", "--batch", "8"], """{"load":{"kind":"static"},"batch":8}""" },
        { ["--model", "gpt-oss-120b", "--weights", "bf16", "--expert-weights", "mxfp4", "--load", "closed", "--concurrency", "16"], """{"model":"gpt-oss-120b","weights":"bf16","expertWeights":"mxfp4","load":{"kind":"closed","concurrency":16}}""" },
        { ["--model", "deepseek-r1", "--hardware", "nvidia_h200_sxm", "--weights", "fp8", "--stack", "sglang", "--input", "1024", "--output", "1024", "--disagg", "1x8gTP8EP8DP+2x8gTP8EP8", "--load", "closed", "--concurrency", "256"], """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","weights":"fp8","stack":"sglang","inputTokens":1024,"outputTokens":1024,"disagg":"1x8gTP8EP8DP+2x8gTP8EP8","load":{"kind":"closed","concurrency":256}}""" },
        { ["--model", "deepseek-r1", "--hardware", "nvidia_h200_sxm", "--devices", "8", "--weights", "fp8", "--ep", "8", "--attention-dp", "--load", "closed", "--concurrency", "128"], """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","devices":8,"weights":"fp8","expertParallel":8,"attentionDataParallel":true,"load":{"kind":"closed","concurrency":128}}""" },
        { ["--model", "deepseek-r1", "--hardware", "nvidia_h200_sxm", "--devices", "8", "--weights", "fp8", "--ep", "4", "--batch", "32"], """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","devices":8,"weights":"fp8","expertParallel":4,"batch":32}""" },
        { ["--model", "deepseek-r1", "--hardware", "nvidia_h200_sxm", "--weights", "fp8", "--disagg", "1x8gEP8DP+2x8gEP8", "--load", "offline", "--price-tier", "neocloud"], """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","weights":"fp8","disagg":"1x8gEP8DP+2x8gEP8","load":{"kind":"offline"},"priceTier":"neocloud"}""" },
    };

    public static TheoryData<string, string[], string> SameModelConfig => new()
    {
        { "qwen3-32b", ["--load", "closed", "--concurrency", "32"], """ "model":"qwen3-32b","load":{"kind":"closed","concurrency":32} """ },
        { "kimi-k2", ["--hardware", "nvidia_h200_sxm", "--devices", "8", "--weights", "fp8", "--batch", "16"], """ "model":"kimi-k2","hardware":"nvidia_h200_sxm","devices":8,"weights":"fp8","batch":16 """ },
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

    [Theory]
    [MemberData(nameof(SameModelConfig))]
    public async Task Estimate_InlineModelConfig_GivesEveryNumberTheCliGivesForTheFile(string name, string[] cliArgs, string fields)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Configs", name + ".json");
        var cli = CliProcess.Run(["estimate", "--model-config", file, .. cliArgs, "--json"]);
        cli.ExitCode.Should().Be(0, cli.Stderr);
        var expected = JsonNode.Parse(cli.Stdout)!;

        var (response, actual, text) = await Json.PostAsync(_client, "/v1/estimate", "{" + fields + ",\"modelConfig\":" + await File.ReadAllTextAsync(file) + "}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        actual!["model"]!.GetValue<string>().Should().Be(name);
        Json.ShouldContain(actual, expected);
    }

    [Fact]
    public async Task Estimate_InlineModelConfig_WithoutModel_IsCalledModelConfig_AndDiffersFromTheCatalogDefault()
    {
        var config = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Configs", "qwen3-32b.json"));

        var (response, inline, text) = await Json.PostAsync(_client, "/v1/estimate", "{\"weights\":\"fp8\",\"modelConfig\":" + config + "}");
        var (_, catalogDefault, _) = await Json.PostAsync(_client, "/v1/estimate", """{"weights":"fp8"}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        inline!["model"]!.GetValue<string>().Should().Be("model-config");
        // Qwen3-32B in fp8 is about 33 GB of weights; the default Llama-2-70B in fp8 about 69 GB.
        inline["memory"]!["weightsPerDeviceGb"]!.GetValue<double>().Should().BeInRange(30, 36);
        catalogDefault!["memory"]!["weightsPerDeviceGb"]!.GetValue<double>().Should().BeGreaterThan(60);
    }

    [Fact]
    public async Task Estimate_InlineModelConfig_DrivesTheCurveToo()
    {
        var config = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Configs", "qwen3-32b.json"));

        var (response, json, text) = await Json.PostAsync(_client, "/v1/curve", "{\"model\":\"qwen3-32b-inline\",\"weights\":\"fp8\",\"concurrency\":[1,8],\"modelConfig\":" + config + "}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        json!["model"]!.GetValue<string>().Should().Be("qwen3-32b-inline");
        json["points"]!.AsArray().Count.Should().Be(2);
    }

    [Fact]
    public async Task Estimate_TotalTokenPrice_IsTheHourlyCostOverTheTokensProcessedPerHour()
    {
        var (_, body, _) = await Json.PostAsync(_client, "/v1/estimate", """{"model":"llama-3.1-8b","weights":"fp8","devices":2,"tensorParallel":1,"inputTokens":1000,"outputTokens":250,"load":{"kind":"closed","concurrency":16}}""");

        // The CLI's meaning (InferenceX "cost per 1M total tokens"): USD per hour ÷ (prompt + output tokens per device per second × devices × 3600) × 10^6.
        var tokensPerHour = body!["totalTokensPerSecondPerDevice"]!.GetValue<double>() * 2 * 3600;
        body["costPerMillionTotalTokensUsd"]!.GetValue<double>().Should().BeApproximately(body["totalUsdPerHour"]!.GetValue<double>() * 1e6 / tokensPerHour, 1e-9);
        body["load"]!["kind"]!.GetValue<string>().Should().Be("closed");
        body["load"]!["concurrency"]!.GetValue<int>().Should().Be(16);
        body["batch"]!.GetValue<int>().Should().Be(8, "16 clients over 2 replicas of one device");
    }

    [Fact]
    public async Task Estimate_UnderAClosedLoad_DiffersFromTheStaticBatchOfOne()
    {
        var (_, alone, _) = await Json.PostAsync(_client, "/v1/estimate", """{"model":"llama-3.1-8b","weights":"fp8"}""");
        var (_, loaded, _) = await Json.PostAsync(_client, "/v1/estimate", """{"model":"llama-3.1-8b","weights":"fp8","load":{"kind":"closed","concurrency":64}}""");

        alone!["load"]!["kind"]!.GetValue<string>().Should().Be("static");
        loaded!["sustainedOutputTokensPerSecondPerDevice"]!.GetValue<double>().Should().BeGreaterThan(10 * alone["sustainedOutputTokensPerSecondPerDevice"]!.GetValue<double>(), "64 users share each weight read");
        loaded["costPerMillionOutputTokensUsd"]!.GetValue<double>().Should().BeLessThan(alone["costPerMillionOutputTokensUsd"]!.GetValue<double>() / 10);
        loaded["outputTokensPerSecondPerUser"]!.GetValue<double>().Should().BeLessThan(alone["outputTokensPerSecondPerUser"]!.GetValue<double>());
    }

    [Fact]
    public async Task Estimate_Disaggregated_CountsBothPools()
    {
        var (response, body, text) = await Json.PostAsync(_client, "/v1/estimate", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","weights":"fp8","disagg":"1x8gTP8EP8DP+2x8gTP8EP8","load":{"kind":"closed","concurrency":256}}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        body!["devices"]!.GetValue<int>().Should().Be(24);
        body["layout"]!.GetValue<string>().Should().Be("1x8gTP8EP8DP+2x8gTP8EP8");
        var pools = body["disaggregated"]!;
        pools["prefillDevices"]!.GetValue<int>().Should().Be(8);
        pools["decodeDevices"]!.GetValue<int>().Should().Be(16);
        var total = body["totalUsdPerHour"]!.GetValue<double>();
        total.Should().BeApproximately(pools["prefillPoolUsdPerHour"]!.GetValue<double>() + pools["decodePoolUsdPerHour"]!.GetValue<double>(), 1e-9 * total);
        var tokensPerHour = body["totalTokensPerSecondPerDevice"]!.GetValue<double>() * 24 * 3600;
        body["costPerMillionTotalTokensUsd"]!.GetValue<double>().Should().BeApproximately(total * 1e6 / tokensPerHour, 1e-9);
    }

    [Fact]
    public async Task Estimate_ExpertParallelLayout_ChangesTheLayoutAndTheCost()
    {
        const string Body = """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","devices":8,"weights":"fp8","load":{"kind":"closed","concurrency":128}""";
        var (_, plain, _) = await Json.PostAsync(_client, "/v1/estimate", Body + "}");
        var (response, ep, text) = await Json.PostAsync(_client, "/v1/estimate", Body + ""","expertParallel":8,"attentionDataParallel":true}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        plain!["layout"]!.GetValue<string>().Should().Be("TP8");
        ep!["layout"]!.GetValue<string>().Should().Be("TP8EP8DP");
        ep["costPerMillionOutputTokensUsd"]!.GetValue<double>().Should().NotBe(plain["costPerMillionOutputTokensUsd"]!.GetValue<double>(), "DP attention changes the KV capacity and the step");
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
