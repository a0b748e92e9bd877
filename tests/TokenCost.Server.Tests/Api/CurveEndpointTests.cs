using System.Net;
using System.Text.Json.Nodes;
using TokenCost.Server.Tests.Support;

namespace TokenCost.Server.Tests.Api;

public sealed class CurveEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string[], string> SameInputs => new()
    {
        { ["--model", "llama-3.1-8b", "--weights", "fp8", "--stack", "vllm", "--input", "1000", "--output", "1000"], """{"model":"llama-3.1-8b","weights":"fp8","stack":"vllm","inputTokens":1000,"outputTokens":1000}""" },
        {
            ["--model", "llama-3.1-70b", "--weights", "fp8", "--sweep-hardware", "nvidia_h100_sxm,amd_mi300x", "--sweep-devices", "1,2", "--concurrency", "1,8,64,256", "--price-tier", "neocloud", "--random-range-ratio", "0.8"],
            """{"model":"llama-3.1-70b","weights":"fp8","sweepHardware":["nvidia_h100_sxm","amd_mi300x"],"sweepDevices":[1,2],"concurrency":[1,8,64,256],"priceTier":"neocloud","randomRangeRatio":0.8}"""
        },
        {
            // An MoE model: EP, DP-attention and disaggregated layouts on both sides, each point naming its layout.
            ["--model", "deepseek-r1", "--hardware", "nvidia_b200", "--devices", "8", "--weights", "fp8", "--kv-cache", "fp8", "--stack", "sglang", "--input", "1024", "--output", "1024", "--concurrency", "64,512"],
            """{"model":"deepseek-r1","hardware":"nvidia_b200","devices":8,"weights":"fp8","kvCache":"fp8","stack":"sglang","inputTokens":1024,"outputTokens":1024,"concurrency":[64,512]}"""
        },
    };

    [Theory]
    [MemberData(nameof(SameInputs))]
    public async Task Curve_GivesEveryPointTheCliGives_WithTheSameParetoFlags(string[] cliArgs, string body)
    {
        var cli = CliProcess.Run(["curve", .. cliArgs, "--json"]);
        cli.ExitCode.Should().Be(0, cli.Stderr);
        var expected = JsonNode.Parse(cli.Stdout)!;

        var (response, actual, text) = await Json.PostAsync(_client, "/v1/curve", body);

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        Json.ShouldContain(actual!["points"], expected["points"]);
        Json.ShouldContain(actual["skipped"], expected["skipped"]);
        foreach (var key in new[] { "model", "inputTokens", "outputTokens", "load", "priceTier" })
        {
            Json.ShouldContain(actual[key], expected[key]);
        }

        actual["points"]!.AsArray().Should().Contain(p => p!["onParetoFront"]!.GetValue<bool>());
        actual["points"]!.AsArray().Should().OnlyContain(p => !string.IsNullOrEmpty(p!["layout"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Curve_MoeModel_SearchesLayouts_UnlessTold()
    {
        const string Body = """{"model":"deepseek-r1","hardware":"nvidia_b200","devices":8,"weights":"fp8","kvCache":"fp8","concurrency":[256]""";
        var (_, all, _) = await Json.PostAsync(_client, "/v1/curve", Body + "}");
        var (_, none, _) = await Json.PostAsync(_client, "/v1/curve", Body + ""","layoutSearch":"none"}""");
        var (bad, _, _) = await Json.PostAsync(_client, "/v1/curve", Body + ""","layoutSearch":"every"}""");

        all!["points"]!.AsArray().Select(p => p!["layout"]!.GetValue<string>()).Should().Contain(["TP8", "TP8EP8", "TP8EP8DP"]).And.Contain(l => l.Contains('+'));
        none!["points"]!.AsArray().Should().ContainSingle().Which!["layout"]!.GetValue<string>().Should().Be("TP8");
        var (_, fixedLayout, _) = await Json.PostAsync(_client, "/v1/curve", Body + ""","expertParallel":8}""");
        fixedLayout!["points"]!.AsArray().Should().ContainSingle("expertParallel fixes the layout, as --ep does").Which!["layout"]!.GetValue<string>().Should().Be("TP8EP8");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Curve_Front_KeepsOnlyParetoPoints()
    {
        var (_, all, _) = await Json.PostAsync(_client, "/v1/curve", """{"model":"llama-3.1-8b","weights":"fp8"}""");
        var (_, front, _) = await Json.PostAsync(_client, "/v1/curve", """{"model":"llama-3.1-8b","weights":"fp8","front":true}""");

        front!["points"]!.AsArray().Count.Should().Be(all!["points"]!.AsArray().Count(p => p!["onParetoFront"]!.GetValue<bool>()));
        front["points"]!.AsArray().Should().OnlyContain(p => p!["onParetoFront"]!.GetValue<bool>());
    }
}
