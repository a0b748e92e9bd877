using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TokenCost.Server.Tests.Support;

/// <summary>The pricing service on real Kestrel, on 127.0.0.1 and a free port (for the browser and for limits only Kestrel enforces).</summary>
public sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Gets the base address, for example http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    /// <summary>Gets a client for the server.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts a server.</summary>
    /// <param name="options">The options; their URLs are replaced by 127.0.0.1 port 0.</param>
    /// <returns>The running server.</returns>
    public static async Task<KestrelServer> StartAsync(PricingServerOptions? options = null)
    {
        var app = PricingServer.CreateApp((options ?? new PricingServerOptions()) with { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
