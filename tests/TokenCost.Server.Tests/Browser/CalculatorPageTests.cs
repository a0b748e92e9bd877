using Microsoft.Playwright;
using TokenCost.Server.Tests.Support;

namespace TokenCost.Server.Tests.Browser;

/// <summary>The web calculator in headless Chromium: it loads, reacts, charts, shows errors inline, and a shared link reproduces a result.</summary>
public sealed class CalculatorPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Settled = "() => document.getElementById('results').getAttribute('aria-busy') === 'false' && document.getElementById('cost-output').textContent.startsWith('$')";

    [ChromiumFact]
    public async Task Page_Loads_AndShowsThePrices()
    {
        var page = await OpenAsync("");

        (await page.TextContentAsync("#cost-output")).Should().MatchRegex(@"^\$\d");
        (await page.TextContentAsync("#cost-input")).Should().MatchRegex(@"^\$\d");
        (await page.TextContentAsync("#cost-total")).Should().MatchRegex(@"^\$\d");
        (await page.TextContentAsync("#memory")).Should().Contain("fits");
        (await page.Locator("#breakdown tbody tr").CountAsync()).Should().BeGreaterThan(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "calculator.png") });
    }

    [ChromiumFact]
    public async Task ChangingTheHardware_ChangesThePrice()
    {
        var page = await OpenAsync("");
        var before = await page.TextContentAsync("#cost-output");

        await page.SelectOptionAsync("#hardware", "amd_mi300x");
        await page.WaitForFunctionAsync("old => document.getElementById('cost-output').textContent !== old", before);
        await page.WaitForFunctionAsync(Settled);

        (await page.TextContentAsync("#cost-output")).Should().NotBe(before);
        page.Url.Should().Contain("hardware=amd_mi300x");
    }

    [ChromiumFact]
    public async Task Chart_AppearsWithOnePointPerBatch_AndRingsTheCurrentBatch()
    {
        var page = await OpenAsync("?batch=16");
        await page.WaitForSelectorAsync("#chart svg circle.current");

        (await page.Locator("#chart svg circle.point").CountAsync()).Should().BeGreaterThan(3);
        (await page.Locator("#chart svg circle.current").CountAsync()).Should().Be(1);
        (await page.Locator("#compare tbody tr").CountAsync()).Should().BeGreaterThan(3);
    }

    [ChromiumFact]
    public async Task LoadCurve_HasOnePointPerConcurrency_AndFollowsTheConcurrencyInput()
    {
        var page = await OpenAsync("?concurrency=2,16,128");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#curve-chart svg circle').length === 3");

        (await page.Locator("#curve-chart svg circle").CountAsync()).Should().Be(3);
        await page.FillAsync("#concurrency", "1,4,16,64");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#curve-chart svg circle').length === 4");
        await page.FillAsync("#concurrency", "4,0");
        await page.WaitForSelectorAsync("#err-concurrency:not([hidden])");
        (await page.TextContentAsync("#err-concurrency")).Should().Contain("concurrency");
    }

    [ChromiumFact]
    public async Task PriceTier_PricesTheHardwareAtTheTiersRate()
    {
        var page = await OpenAsync("?model=llama-3.1-70b&weights=fp8&devices=2&priceMode=tier&priceTier=neocloud");

        (await page.InputValueAsync("#priceTier")).Should().Be("neocloud");
        var hardwareRow = await page.Locator("#breakdown tbody tr", new PageLocatorOptions { HasText = "hardware" }).First.TextContentAsync();
        var tier = TokenCost.Catalogs.Catalog.Default.GetHardware("nvidia_h100_sxm").GetPriceTier("neocloud").PricePerDeviceHour.UsdPerHour;
        hardwareRow.Should().Contain((2 * tier).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
    }

    [ChromiumFact]
    public async Task InvalidValue_ShowsAnInlineErrorNextToTheInput()
    {
        var page = await OpenAsync("");

        await page.FillAsync("#devices", "3");
        await page.FillAsync("#tensorParallel", "2");
        await page.WaitForSelectorAsync("#err-devices:not([hidden])");

        (await page.TextContentAsync("#err-devices")).Should().Contain("multiple of tensorParallel");
        (await page.GetAttributeAsync("#devices", "aria-invalid")).Should().Be("true");
        (await page.GetAttributeAsync("#devices", "aria-describedby")).Should().Be("err-devices");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "inline-error.png") });

        await page.FillAsync("#devices", "2");
        await page.WaitForSelectorAsync("#err-devices", new PageWaitForSelectorOptions { State = WaitForSelectorState.Hidden });
    }

    [ChromiumFact]
    public async Task SharedLink_ReproducesTheSameResult()
    {
        var page = await OpenAsync("");
        await page.SelectOptionAsync("#model", "llama-3.1-8b");
        await page.SelectOptionAsync("#weights", "fp8");
        await page.FillAsync("#batch", "32");
        await page.SelectOptionAsync("#priceMode", "rent");
        await page.FillAsync("#pricePerHour", "1.75");
        await page.WaitForFunctionAsync("() => location.search.includes('pricePerHour=1.75')");
        await page.WaitForFunctionAsync(Settled);
        await Task.Delay(400); // let the debounced update for the last keystroke finish
        await page.WaitForFunctionAsync(Settled);
        var link = page.Url;
        var cost = await page.TextContentAsync("#cost-output");
        var ttft = await page.TextContentAsync("#ttft");

        var shared = await OpenAsync(new Uri(link).Query);

        (await shared.InputValueAsync("#model")).Should().Be("llama-3.1-8b");
        (await shared.InputValueAsync("#pricePerHour")).Should().Be("1.75");
        (await shared.TextContentAsync("#cost-output")).Should().Be(cost);
        (await shared.TextContentAsync("#ttft")).Should().Be(ttft);
    }

    [ChromiumFact]
    public async Task NarrowScreen_StacksTheFormAboveTheResults_AndIsKeyboardUsable()
    {
        var page = await OpenAsync("", width: 390, height: 844);

        var form = await page.Locator("#inputs").BoundingBoxAsync();
        var results = await page.Locator("#results").BoundingBoxAsync();
        results!.Y.Should().BeGreaterThan(form!.Y + form.Height - 1, "one column on a phone");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(390 + 1, "nothing overflows sideways");

        await page.FocusAsync("#model");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("hardware");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "calculator-narrow.png") });
    }

    private async Task<IPage> OpenAsync(string query, int width = 1280, int height = 1400)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync(new Uri(fixture.Address, "/" + query).ToString());
        await page.WaitForFunctionAsync(Settled);
        return page;
    }
}
