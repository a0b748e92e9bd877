using System.Net;
using System.Text.Json.Nodes;
using TokenCost.Catalogs;

namespace TokenCost.Server.Tests.Api;

public sealed class CatalogAndDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/v1/hardware")]
    [InlineData("/v1/models")]
    [InlineData("/v1/formats")]
    [InlineData("/v1/stacks")]
    public async Task Listing_HasOneEntryPerCatalogEntry_InCatalogOrder(string path)
    {
        var list = JsonNode.Parse(await _client.GetStringAsync(new Uri(path, UriKind.Relative)))!.AsArray();

        IEnumerable<string> expected = path switch
        {
            "/v1/hardware" => Catalog.Default.Hardware.Select(h => h.Id),
            "/v1/models" => Catalog.Default.Models.Select(m => m.Id),
            "/v1/formats" => Catalog.Default.Formats.Select(f => f.Id),
            _ => Catalog.Default.Stacks.Select(s => s.Id),
        };
        list.Select(e => e!["id"]!.GetValue<string>()).Should().Equal(expected);
    }

    [Fact]
    public async Task PriceTiers_ListsEveryPlatformsTiers()
    {
        var list = JsonNode.Parse(await _client.GetStringAsync(new Uri("/v1/price-tiers", UriKind.Relative)))!.AsArray();

        list.Select(e => (e!["hardware"]!.GetValue<string>(), e["id"]!.GetValue<string>(), e["usdPerDeviceHour"]!.GetValue<double>()))
            .Should().Equal(Catalog.Default.PriceTiers.Select(t => (t.HardwareId, t.Id, t.PricePerDeviceHour.UsdPerHour)));
        list.Count.Should().BeGreaterThan(10);
    }

    [Fact]
    public async Task Hardware_CarriesPriceAndSource()
    {
        var list = JsonNode.Parse(await _client.GetStringAsync(new Uri("/v1/hardware", UriKind.Relative)))!.AsArray();
        var h100 = list.Single(e => e!["id"]!.GetValue<string>() == "nvidia_h100_sxm")!;

        h100["cloudUsdPerHour"]!.GetValue<double>().Should().Be(Catalog.Default.GetHardware("nvidia_h100_sxm").CloudPricePerDeviceHour!.Value.UsdPerHour);
        h100["source"]!.GetValue<string>().Should().NotBeEmpty();
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpoint()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;

        document["paths"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            ["/v1/estimate", "/v1/compare", "/v1/frontier", "/v1/optimize", "/v1/curve", "/v1/hardware", "/v1/models", "/v1/formats", "/v1/stacks", "/v1/price-tiers", "/healthz"]);
        document["paths"]!["/v1/estimate"]!["post"]!["requestBody"]!["content"]!["application/json"].Should().NotBeNull();
        document["components"]!["schemas"]!["EstimateResponse"]!["properties"]!["costPerMillionOutputTokensUsd"].Should().NotBeNull();
    }

    [Fact]
    public async Task Healthz_AnswersOk()
    {
        var body = JsonNode.Parse(await _client.GetStringAsync(new Uri("/healthz", UriKind.Relative)))!;

        body["status"]!.GetValue<string>().Should().Be("ok");
        body["catalogVersion"]!.GetValue<string>().Should().Be(Catalog.Default.Version);
    }

    [Fact]
    public async Task Root_ServesTheCalculator_WithAStrictContentSecurityPolicy_AndNoExternalReferences()
    {
        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var js = await _client.GetStringAsync(new Uri("/app.js", UriKind.Relative));
        var css = await _client.GetStringAsync(new Uri("/app.css", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("TokenCost calculator").And.Contain("<label for=\"hardware\">");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'");
        foreach (var text in new[] { html, js, css })
        {
            // The SVG namespace URI is an identifier, not a request.
            text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal).Should().NotContainAny(["http://", "https://", "//cdn"], "the calculator makes no external requests");
        }
    }

    [Fact]
    public async Task EveryInput_HasALabel()
    {
        var html = await _client.GetStringAsync(new Uri("/", UriKind.Relative));

        var ids = System.Text.RegularExpressions.Regex.Matches(html, "<(?:input|select)[^>]* id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        ids.Should().NotBeEmpty();
        foreach (var id in ids)
        {
            html.Should().Contain($"<label for=\"{id}\">", $"input {id} is labelled");
        }
    }
}
