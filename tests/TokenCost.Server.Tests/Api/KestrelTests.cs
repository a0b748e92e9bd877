using System.Net;
using System.Net.Sockets;
using System.Text;
using TokenCost.Server.Tests.Support;

namespace TokenCost.Server.Tests.Api;

/// <summary>Limits enforced by Kestrel and the hosting pipeline, checked on a real socket (alone: see <see cref="SerialCollection"/>).</summary>
[Collection(SerialCollection.Name)]
public sealed class KestrelTests
{
    [Fact]
    public async Task ExpensiveRequest_PastItsTimeLimit_Gets504Problem()
    {
        await using var server = await KestrelServer.StartAsync(new PricingServerOptions { ExpensiveRequestTimeout = TimeSpan.FromTicks(1) }); // shorter than any real request: the deadline has always passed when the work is done

        var (response, json, text) = await Json.PostAsync(server.Client, "/v1/optimize", """{"maxTimePerOutputTokenMs":50,"sweepDevices":[1,2,4,8,16,32,64,128]}""");

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout, text);
        text.Should().NotContain("Exception");
    }

    [Fact]
    public async Task TenMegabyteBody_OverASocket_IsRefused()
    {
        await using var server = await KestrelServer.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        await using var stream = tcp.GetStream();
        var header = Encoding.ASCII.GetBytes($"POST /v1/estimate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {10 * 1024 * 1024}\r\n\r\n");
        await stream.WriteAsync(header);
        await stream.WriteAsync(new byte[64 * 1024]);

        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        var answer = Encoding.ASCII.GetString(buffer, 0, read);

        answer.Should().StartWith("HTTP/1.1 413").And.Contain("application/problem+json");
    }

    [Fact]
    public async Task Service_ListensOnLoopbackByDefault()
    {
        new PricingServerOptions().Urls.Should().Be("http://127.0.0.1:5080");
        await using var server = await KestrelServer.StartAsync();

        server.Address.Host.Should().Be("127.0.0.1");
        (await server.Client.GetStringAsync(new Uri("healthz", UriKind.Relative))).Should().Contain("ok");
    }
}
