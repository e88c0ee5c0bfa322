using FluentValidation;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Common;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Indicators;
using PromoStack.Domain.Signals.Strategies;

namespace PromoStack.Application.Signals;

/// <summary>
/// Runs a strategy over the given candles (or the provider's last <see cref="Bars"/>) with the tenant's settings
/// overlaid by <see cref="Settings"/>, through the live gates and lifecycle. Nothing is written.
/// </summary>
public sealed record RunBacktest(string? Strategy, IReadOnlyDictionary<string, string>? Settings, IReadOnlyList<BacktestCandle>? Candles, int Bars = 2_000)
    : ITenantQuery<BacktestResultDto>;

public sealed record BacktestCandle(DateTimeOffset Time, double Open, double High, double Low, double Close, double Volume = 0);

public sealed record BacktestTradeDto(
    int Number, SignalDirection Direction, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, decimal Entry, decimal StopLoss, decimal? TakeProfit1,
    decimal? TakeProfit2, decimal? TakeProfit3, SignalStatus Status, SignalCloseReason? CloseReason, int TargetsHit, decimal? ExitPrice, decimal ResultPips,
    decimal ResultR);

/// <summary>A backtest over <see cref="Candles"/> candles of <see cref="Timeframe"/> from <see cref="From"/> (first open) to <see cref="To"/> (last close).</summary>
public sealed record BacktestResultDto(
    string Strategy, string Symbol, string Timeframe, int Candles, DateTimeOffset From, DateTimeOffset To, int Trades, int Wins, int Losses, double WinRate,
    decimal Pips, decimal R, decimal MaxDrawdownPips, IReadOnlyList<BacktestTradeDto> TradeList, IReadOnlyList<EquityPointDto> Equity,
    IReadOnlyDictionary<string, int> HeldBack)
{
    /// <summary>The API's shape of a backtest, which the CLI shares to draw its chart.</summary>
    public static BacktestResultDto Of(BacktestResult result) =>
        new(result.Strategy, result.Symbol, result.Timeframe, result.Candles, result.From, result.To, result.Trades.Count, result.Wins, result.Losses,
            result.WinRate, result.TotalPips, result.TotalR, result.MaxDrawdownPips,
            [.. result.Trades.Select(t => new BacktestTradeDto(
                t.Number, t.Direction, t.OpenedAt, t.ClosedAt, t.Levels.Entry, t.Levels.StopLoss, t.Levels.TakeProfit1, t.Levels.TakeProfit2, t.Levels.TakeProfit3,
                t.Status, t.CloseReason, t.TargetsHit, t.ExitPrice, t.ResultPips, t.ResultR))],
            [.. result.EquityCurve.Select(p => new EquityPointDto(p.Time, p.Pips))],
            result.Rejections);
}

internal sealed class RunBacktestValidator : AbstractValidator<RunBacktest>
{
    public RunBacktestValidator()
    {
        RuleFor(q => q.Strategy).Must(s => s is null || ForexSettings.Strategies.Contains(s))
            .WithMessage($"Must be one of {string.Join(", ", ForexSettings.Strategies)}.");
        RuleFor(q => q.Bars).InclusiveBetween(300, 5_000);
        RuleFor(q => q.Candles!.Count).InclusiveBetween(300, 10_000).When(q => q.Candles is not null).OverridePropertyName("candles")
            .WithMessage("Send between 300 and 10,000 candles.");
        RuleForEach(q => q.Candles).Must(c => c.High >= Math.Max(c.Open, c.Close) && c.Low <= Math.Min(c.Open, c.Close) && c.Low > 0)
            .WithMessage("High and low must enclose open and close, and prices must be positive.");
        RuleFor(q => q.Candles).Must(c => c is null || c.Zip(c.Skip(1)).All(p => p.Second.Time > p.First.Time))
            .WithMessage("Candle times must increase.");
        RuleFor(q => q.Settings).Custom((settings, context) =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                var problem = ForexSettings.Find(key) is { } definition ? definition.Check(value) : "is not a forex setting";
                if (problem is not null)
                {
                    context.AddFailure($"settings.{key}", $"'{value}' {problem}.");
                }
            }
        });
    }
}

internal sealed class RunBacktestHandler(IAppDbContext db, IMarketData market) : IQueryHandler<RunBacktest, BacktestResultDto>
{
    public async ValueTask<BacktestResultDto> Handle(RunBacktest query, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<string, string>(query.Settings ?? new Dictionary<string, string>());
        if (query.Strategy is { } strategy)
        {
            changes[ForexSettings.ActiveStrategyKey] = strategy;
        }

        var settings = (await ForexConfigStore.SettingsAsync(db, cancellationToken)).With(changes);
        var candles = query.Candles is { } given
            ? [.. given.Select(c => new Candle(c.Time, c.Open, c.High, c.Low, c.Close, c.Volume))]
            : (await market.ClosedCandlesAsync(settings.Instrument, settings.Timeframe, query.Bars, cancellationToken)).ToArray();
        if (candles.Length < 300)
        {
            throw new DomainException($"A backtest needs at least 300 candles; the provider has {candles.Length}.");
        }

        return BacktestResultDto.Of(Backtester.Run(candles, settings, await ForexConfigStore.TenantZoneAsync(db, cancellationToken)));
    }
}
