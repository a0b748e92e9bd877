using System.Net;
using System.Text;
using TokenCost.Server.Tests.Support;

namespace TokenCost.Server.Tests.Api;

public sealed class ProblemTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "/v1/estimate", """{"devices":0}""", "devices" },
        { "/v1/estimate", """{"devices":3,"tensorParallel":2}""", "devices" },
        { "/v1/estimate", """{"hardware":"no_such_chip"}""", "hardware" },
        { "/v1/estimate", """{"model":"no-such-model"}""", "model" },
        { "/v1/estimate", """{"kvCache":"nf4x"}""", "kvCache" },
        { "/v1/estimate", """{"activations":"int4"}""", "activations" },
        { "/v1/estimate", """{"stack":""}""", "stack" },
        { "/v1/estimate", """{"batch":"lots"}""", "batch" },
        { "/v1/estimate", """{"batch":0}""", "batch" },
        { "/v1/estimate", """{"inputTokens":-1}""", "inputTokens" },
        { "/v1/estimate", """{"outputTokens":"256"}""", "outputTokens" },
        { "/v1/estimate", """{"devices":1.5}""", "devices" },
        { "/v1/estimate", """{"devices":99999999999}""", "devices" },
        { "/v1/estimate", """{"pue":0.5}""", "pue" },
        { "/v1/estimate", """{"capex":10000,"utilization":1.5}""", "utilization" },
        { "/v1/estimate", """{"capex":10000,"pricePerHour":2}""", "capex" },
        { "/v1/estimate", """{"pricePerHour":-2}""", "pricePerHour" },
        { "/v1/estimate", """{"hardware":"apple_m3_max","devices":2}""", "devices" },
        { "/v1/estimate", """{"devcies":2}""", "devcies" },
        { "/v1/estimate", """{"catalogOverrides":{"hardware":[{"id":"x"}]}}""", "catalogOverrides" },
        { "/v1/estimate", """{"catalogOverrides":"/etc/passwd"}""", "catalogOverrides" },
        { "/v1/estimate", """{"devices":""", "devices" },
        { "/v1/estimate", "[]", "request" },
        { "/v1/frontier", """{"axes":"sideways"}""", "axes" },
        { "/v1/frontier", """{"sweepDevices":[1,0]}""", "sweepDevices" },
        { "/v1/frontier", """{"sweepWeights":["nope"]}""", "sweepWeights" },
        { "/v1/compare", """{"sweepHardware":["nvidia_h100_sxm","nope"]}""", "sweepHardware" },
        { "/v1/compare", """{"sweepHardware":[]}""", "sweepHardware" },
        { "/v1/estimate", """{"priceTier":"bargain_bin"}""", "priceTier" },
        { "/v1/estimate", """{"priceTier":"neocloud","pricePerHour":2}""", "priceTier" },
        { "/v1/curve", """{"concurrency":[8,0]}""", "concurrency" },
        { "/v1/curve", """{"concurrency":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40],"sweepHardware":["nvidia_h100_sxm","nvidia_h200_sxm","amd_mi300x"],"sweepDevices":[1,2,4,8],"sweepWeights":["bf16","fp8","int8","int4","fp4"],"model":"llama-3.1-8b"}""", "concurrency" },
        { "/v1/curve", """{"sweepHardware":["nvidia_h100_sxm","warp_drive"]}""", "sweepHardware" },
        { "/v1/curve", """{"randomRangeRatio":0}""", "randomRangeRatio" },
        { "/v1/estimate", """{"load":{"kind":"bursty"}}""", "load.kind" },
        { "/v1/estimate", """{"load":{"kind":"closed"}}""", "load.concurrency" },
        { "/v1/estimate", """{"load":{"kind":"closed","concurrency":0}}""", "load.concurrency" },
        { "/v1/estimate", """{"load":{"kind":"static","concurrency":8}}""", "load.concurrency" },
        { "/v1/estimate", """{"load":{"kind":"poisson"}}""", "load.requestsPerSecond" },
        { "/v1/estimate", """{"load":{"kind":"poisson","requestsPerSecond":0}}""", "load.requestsPerSecond" },
        { "/v1/estimate", """{"modelConfig":"/etc/passwd"}""", "modelConfig" },
        { "/v1/estimate", """{"modelConfig":{"model_type":"gpt_neo"}}""", "modelConfig" },
        { "/v1/estimate", """{"modelConfig":{"model_type":"qwen3","hidden_size":5120,"hidden_size":4096}}""", "modelConfig" },
        { "/v1/curve", """{"modelConfig":[]}""", "modelConfig" },
        { "/v1/estimate", """{"model":"gpt-oss-120b","weights":"bf16","expertWeights":"mxfp5"}""", "expertWeights" },
        { "/v1/estimate", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","weights":"fp8","disagg":"1x8gTP8EP8DP+2x8gTP8EP8"}""", "disagg" },
        { "/v1/estimate", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","weights":"fp8","disagg":"1x8gTP8EP8DP+2x8gTP8EP8","load":{"kind":"poisson","requestsPerSecond":2}}""", "disagg" },
        { "/v1/estimate", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","weights":"fp8","disagg":"1x8gTP8EP8DP+2x8gTP8EP8","devices":8,"load":{"kind":"offline"}}""", "disagg" },
        { "/v1/estimate", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","weights":"fp8","disagg":"1x8gTP3+2x8gTP8","load":{"kind":"offline"}}""", "disagg" },
        { "/v1/estimate", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","weights":"fp8","disagg":"1x8gTP8","load":{"kind":"offline"}}""", "disagg" },
        { "/v1/estimate", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","weights":"fp8","disagg":"9999x8gTP8+1x8gTP8","load":{"kind":"offline"}}""", "disagg" },
        { "/v1/estimate", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","devices":8,"weights":"fp8","expertParallel":3}""", "expertParallel" },
        { "/v1/estimate", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","devices":8,"weights":"fp8","expertParallel":0}""", "expertParallel" },
        { "/v1/estimate", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","weights":"fp8","disagg":"1x8gTP8EP8DP+2x8gTP8EP8","expertParallel":8,"load":{"kind":"offline"}}""", "disagg" },
        { "/v1/curve", """{"model":"deepseek-r1","hardware":"nvidia_h200_sxm","devices":8,"weights":"fp8","expertParallel":16}""", "expertParallel" },
        { "/v1/optimize", "{}", "maxTimePerOutputTokenMs" },
        { "/v1/optimize", """{"maxTimePerOutputTokenMs":0}""", "maxTimePerOutputTokenMs" },
        { "/v1/optimize", """{"maxTimePerOutputTokenMs":50,"sweepWeights":["int3"]}""", "sweepWeights" },
        { "/v1/optimize", """{"maxTimePerOutputTokenMs":50,"minQuality":2}""", "minQuality" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadInput_Gets400ProblemJson_NamingTheField_WithoutExceptionText(string path, string body, string field)
    {
        var (response, json, text) = await Json.PostAsync(_client, path, body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        json!["status"]!.GetValue<int>().Should().Be(400);
        json["errors"]!.AsObject().Select(e => e.Key).Should().Equal([field], text);
        json["detail"]!.GetValue<string>().Should().Contain(field);
        NoExceptionText(text);
    }

    [Fact]
    public async Task OutOfRange_SaysTheAllowedRange()
    {
        var (_, json, _) = await Json.PostAsync(_client, "/v1/estimate", """{"devices":0}""");

        json!["errors"]!["devices"]![0]!.GetValue<string>().Should().Contain("from 1 to 65536").And.Contain("got 0");
    }

    [Fact]
    public async Task ModelConfig_MissingOrMistypedKey_IsNamed()
    {
        var (response, json, text) = await Json.PostAsync(_client, "/v1/estimate", """{"modelConfig":{"model_type":"qwen3","hidden_size":"5120","num_hidden_layers":64,"num_attention_heads":64,"intermediate_size":25600,"vocab_size":151936}}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        json!["errors"]!["modelConfig"]![0]!.GetValue<string>().Should().Contain("hidden_size");
        NoExceptionText(text);
    }

    [Fact]
    public async Task TenMegabyteBody_IsRefusedWith413()
    {
        var body = "{\"model\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";

        var (response, _, text) = await Json.PostAsync(_client, "/v1/estimate", body);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        NoExceptionText(text);
    }

    [Fact]
    public async Task DeeplyNestedJson_IsRefusedWith400()
    {
        var body = "{\"catalogOverrides\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100) + "}";

        var (response, _, text) = await Json.PostAsync(_client, "/v1/estimate", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        NoExceptionText(text);
    }

    [Fact]
    public async Task NonJsonContentType_IsRefusedWith415Problem()
    {
        using var content = new StringContent("devices=2", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _client.PostAsync(new Uri("/v1/estimate", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task UnknownPath_Gets404Problem()
    {
        using var response = await _client.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static void NoExceptionText(string text)
    {
        text.Should().NotContainAny(["Exception", "   at ", ".cs:line", "System.", "Microsoft."]);
    }
}
