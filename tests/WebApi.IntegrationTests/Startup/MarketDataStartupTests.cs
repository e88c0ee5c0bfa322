using Microsoft.Extensions.Logging;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Startup;

/// <summary>An operator sees at start-up which market data the signal engine trades.</summary>
public sealed class MarketDataStartupTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData(null, "Market data: none. The signal engine cannot be enabled.")]
    [InlineData("replay", "Market data: replay in Testing, as configured: its signals are demo signals")]
    public async Task StartUp_SaysWhichProviderRuns(string? provider, string expected)
    {
        var logs = new CapturedLogs();
        await using var app = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["MarketData:Provider"] = provider })
        {
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };

        (await app.CreateClient().GetAsync("/health/live")).EnsureSuccessStatusCode();

        logs.Messages.Select(entry => entry.Message).Should().Contain(m => m.StartsWith(expected, StringComparison.Ordinal));
    }
}
