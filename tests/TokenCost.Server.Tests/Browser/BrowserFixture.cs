using Microsoft.Playwright;
using TokenCost.Server.Tests.Support;

namespace TokenCost.Server.Tests.Browser;

/// <summary>One pricing service on Kestrel and one headless Debian Chromium driven by Playwright, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private KestrelServer? _server;

    /// <summary>Gets the browser (null where Chromium is not installed: the tests are skipped then).</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>Gets the calculator's address.</summary>
    public Uri Address => _server!.Address;

    /// <summary>Gets the folder screenshots are saved to (a test artifact).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        _server = await KestrelServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            // CI runs as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Opens a page at a viewport size.</summary>
    /// <param name="width">The viewport width, in CSS pixels.</param>
    /// <param name="height">The viewport height, in CSS pixels.</param>
    /// <returns>The page.</returns>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 1400)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
