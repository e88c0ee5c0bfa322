using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Signals;

namespace PromoStack.Infrastructure.MarketData;

/// <summary>Says at start-up which market data the signal engine trades, so an operator sees a replay or no provider at once.</summary>
public sealed partial class MarketDataStartupLog(IMarketData market, IHostEnvironment environment, ILogger<MarketDataStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (market.Provider)
        {
            case MarketDataOptions.Providers.None:
                LogNone(logger, NoMarketData.Missing);
                break;
            case MarketDataOptions.Providers.Replay when !environment.IsDevelopment():
                LogReplayOutsideDevelopment(logger, environment.EnvironmentName);
                break;
            default:
                LogProvider(logger, market.Provider, market.IsReplay ? "demo signals" : "live signals");
                break;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Market data: {Provider} ({Kind})")]
    private static partial void LogProvider(ILogger logger, string provider, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market data: none. The signal engine cannot be enabled. {Missing}")]
    private static partial void LogNone(ILogger logger, string missing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market data: replay in {Environment}, as configured: its signals are demo signals, posted only to sandbox channels")]
    private static partial void LogReplayOutsideDevelopment(ILogger logger, string environment);
}
