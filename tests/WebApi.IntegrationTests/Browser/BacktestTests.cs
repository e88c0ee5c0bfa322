using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>Signals → Backtest over the market-data provider's candles (a fake Twelve Data): the figures, the equity chart and the trades.</summary>
public sealed class BacktestTests(AppFixture fixture, BrowserFixture browser, FakeTwelveData market) : BrowserTest(fixture, browser), IClassFixture<FakeTwelveData>
{
    protected override Dictionary<string, string?> Overrides => market.Settings;

    [Theory, ClassData(typeof(Devices))]
    public async Task ABacktest_DrawsItsEquityChart_AndListsItsTrades(Device device)
    {
        await TenantAsync();
        var page = await SignInAsync(device);
        await GoToAsync(page, "Signals");
        await page.GetByRole(AriaRole.Link, new() { Name = "Backtest" }).ClickAsync();

        await page.GetByLabel("Strategy").SelectOptionAsync("aggressive");
        await page.GetByLabel("Candles (last N bars)").FillAsync("2000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run backtest" }).ClickAsync();

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Backtest equity (pips)" });
        var canvas = chart.Locator("canvas");
        await Expect(canvas).ToBeVisibleAsync();
        (await canvas.BoundingBoxAsync())!.Width.Should().BeGreaterThan(200);
        (await canvas.EvaluateAsync<bool>("c => c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(v => v !== 0)")).Should().BeTrue("uPlot drew on it");
        await Expect(page.Locator(".stat").Filter(new() { HasText = "Trades" })).ToContainTextAsync("2000 candles of 15min");
        var trades = page.GetByRole(AriaRole.Table, new() { Name = "Backtest trades" }).Locator("tbody tr");
        (await trades.CountAsync()).Should().BeGreaterThan(0);
        await Expect(trades.First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("BUY|SELL"));
        await AssertAccessibleAsync(page);
        market.Server.LogEntries.Should().NotBeEmpty("the candles came from the provider");
    }
}
