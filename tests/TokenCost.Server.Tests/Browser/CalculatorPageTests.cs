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
    public async Task NewModels_AreListed_AndDeepSeekR1OnEightH200InFp8_ShowsAPrice()
    {
        var page = await OpenAsync("");
        var models = await page.EvalOnSelectorAllAsync<string[]>("#model option", "os => os.map(o => o.value)");
        models.Should().Contain(["deepseek-r1", "gpt-oss-120b", "kimi-k2", "qwen3-235b-a22b"]);

        await page.SelectOptionAsync("#model", "deepseek-r1");
        await page.SelectOptionAsync("#hardware", "nvidia_h200_sxm");
        await page.FillAsync("#devices", "8");
        await page.SelectOptionAsync("#weights", "fp8");
        await page.WaitForFunctionAsync("() => ['model=deepseek-r1', 'hardware=nvidia_h200_sxm', 'devices=8', 'weights=fp8'].every(p => location.search.includes(p))");
        await SettleAsync(page);

        (await page.TextContentAsync("#cost-output")).Should().MatchRegex(@"^\$\d");
        (await page.TextContentAsync("#cost-total")).Should().MatchRegex(@"^\$\d");
        (await page.Locator(".error:not([hidden])").CountAsync()).Should().Be(0, "deepseek-r1 fits on 8 × H200 in fp8 and the estimate answers");
        (await page.TextContentAsync("#memory")).Should().Contain("fits").And.NotContain("does not fit");

        // The H200's dated price tiers are offered, and pricing at one still shows a price.
        var tiers = TokenCost.Catalogs.Catalog.Default.GetHardware("nvidia_h200_sxm").PriceTiers;
        tiers.Should().NotBeEmpty();
        await page.SelectOptionAsync("#priceMode", "tier");
        (await page.Locator("#priceTier option").CountAsync()).Should().BeGreaterThanOrEqualTo(tiers.Count);
        await page.SelectOptionAsync("#priceTier", tiers[0].Id);
        await page.WaitForFunctionAsync("() => location.search.includes('priceMode=tier')");
        await SettleAsync(page);
        (await page.TextContentAsync("#cost-output")).Should().MatchRegex(@"^\$\d");
        (await page.Locator(".error:not([hidden])").CountAsync()).Should().Be(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "calculator-deepseek-r1.png") });
    }

    [ChromiumFact]
    public async Task Load_ChosenInTheForm_DrivesTheEstimate_AndItsErrorsShowInline()
    {
        var page = await OpenAsync("?model=llama-3.1-8b&weights=fp8");
        var staticThroughput = await page.TextContentAsync("#throughput");
        (await page.TextContentAsync("#running")).Should().StartWith("1 of");
        (await page.IsVisibleAsync("#loadConcurrency")).Should().BeFalse("the clients input belongs to the closed loop");

        await page.SelectOptionAsync("#load", "closed");
        await page.FillAsync("#loadConcurrency", "32");
        await page.WaitForFunctionAsync("() => location.search.includes('load=closed') && location.search.includes('loadConcurrency=32')");
        await SettleAsync(page);

        (await page.TextContentAsync("#running")).Should().StartWith("32 of", "32 clients on one replica keep 32 sequences running");
        (await page.TextContentAsync("#throughput")).Should().NotBe(staticThroughput);

        await page.FillAsync("#loadConcurrency", "0");
        await page.WaitForSelectorAsync("#err-loadConcurrency:not([hidden])");
        (await page.TextContentAsync("#err-loadConcurrency")).Should().Contain("load.concurrency");
        (await page.GetAttributeAsync("#loadConcurrency", "aria-invalid")).Should().Be("true");

        var shared = await OpenAsync("?model=llama-3.1-8b&weights=fp8&load=poisson&loadRate=2");
        (await shared.IsVisibleAsync("#loadRate")).Should().BeTrue();
        (await shared.TextContentAsync("#cost-output")).Should().MatchRegex(@"^\$\d");
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

    private static async Task SettleAsync(IPage page)
    {
        await page.WaitForFunctionAsync(Settled);
        await Task.Delay(400); // let the debounced update for the last change finish
        await page.WaitForFunctionAsync(Settled);
    }

    private async Task<IPage> OpenAsync(string query, int width = 1280, int height = 1400)
    {
        var page = await fixture.NewPageAsync(width, height);
        await page.GotoAsync(new Uri(fixture.Address, "/" + query).ToString());
        await page.WaitForFunctionAsync(Settled);
        return page;
    }
}
