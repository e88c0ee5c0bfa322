using PromoStack.Domain.Common;
using PromoStack.Domain.Signals.Indicators;

namespace PromoStack.Domain.Signals.Strategies;

public sealed record BacktestTrade(
    int Number, SignalDirection Direction, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, SignalLevels Levels, SignalStatus Status,
    SignalCloseReason? CloseReason, int TargetsHit, decimal? ExitPrice, decimal ResultPips, decimal ResultR);

public sealed record EquityPoint(DateTimeOffset Time, decimal Pips);

/// <summary>
/// What a backtest of <see cref="Strategy"/> on <see cref="Symbol"/> came to over <see cref="Candles"/> candles of
/// <see cref="Timeframe"/>, from the first candle's open (<see cref="From"/>) to the last one's close (<see cref="To"/>).
/// </summary>
public sealed record BacktestResult(
    string Strategy, string Symbol, string Timeframe, int Candles, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<BacktestTrade> Trades,
    IReadOnlyList<EquityPoint> EquityCurve, IReadOnlyDictionary<string, int> Rejections)
{
    public int Wins => Trades.Count(t => t.ResultPips > 0);
    public int Losses => Trades.Count(t => t.ResultPips <= 0);
    public double WinRate => Trades.Count == 0 ? 0 : (double)Wins / Trades.Count;
    public decimal TotalPips => Trades.Sum(t => t.ResultPips);
    public decimal TotalR => Trades.Sum(t => t.ResultR);

    /// <summary>The deepest fall of the equity curve from a previous peak, in pips.</summary>
    public decimal MaxDrawdownPips
    {
        get
        {
            decimal peak = 0, worst = 0;
            foreach (var point in EquityCurve)
            {
                peak = Math.Max(peak, point.Pips);
                worst = Math.Max(worst, peak - point.Pips);
            }

            return worst;
        }
    }
}

/// <summary>
/// Runs a strategy over candles with the live engine's gates and lifecycle (the same <see cref="ForexSignal"/>,
/// <see cref="SignalGates"/> and strategies), in memory: a backtest never writes a signal. A signal opens at a
/// candle's close and is monitored from the next candle.
/// </summary>
public static class Backtester
{
    public static BacktestResult Run(Candle[] candles, ForexSettings settings, TimeZoneInfo zone, IProgress<double>? progress = null)
    {
        if (candles.Length == 0)
        {
            throw new DomainException("A backtest needs candles; there are none.");
        }

        var strategy = StrategyCatalog.For(settings.ActiveStrategy);
        var instrument = settings.Instrument;
        var market = MarketView.Create(candles);
        var trades = new List<BacktestTrade>();
        var curve = new List<EquityPoint>();
        var rejections = new Dictionary<string, int>();
        var history = new List<GateHistoryEntry>();
        var exits = settings.Exits;
        ForexSignal? open = null;
        decimal equity = 0;

        for (var i = 0; i < candles.Length; i++)
        {
            var candle = candles[i];
            var closesAt = CandleSeries.CloseTime(candles, i);
            if (open is not null)
            {
                open.ApplyCandle(candle.Time, instrument.Price(candle.High), instrument.Price(candle.Low), closesAt);
                if (open.IsOpen && closesAt - open.CreatedAt >= settings.Timeout)
                {
                    open.Close(SignalCloseReason.Timeout, instrument.Price(candle.Close), closesAt);
                }

                if (open.IsOpen)
                {
                    continue;
                }

                equity += open.ResultPips!.Value;
                curve.Add(new EquityPoint(open.ClosedAt!.Value, equity));
                trades.Add(Trade(trades.Count + 1, open));
                history[^1] = history[^1] with { ClosedAt = open.ClosedAt, ResultPips = open.ResultPips };
                open = null;
            }

            // The gates look back a day at most (plus open signals, and there is none here): older history only costs time.
            var horizon = closesAt.AddDays(-2);
            for (var h = history.Count - 1; h >= 0; h--)
            {
                if (history[h].ClosedAt < horizon)
                {
                    history.RemoveAt(h);
                }
            }
            if (SignalGates.Check(settings, zone, closesAt, history) is { } rejected)
            {
                rejections[rejected.Gate] = rejections.GetValueOrDefault(rejected.Gate) + 1;
            }
            else if (strategy.Evaluate(market, i, settings) is SignalProposal proposal)
            {
                open = TryOpen(proposal, settings, instrument, exits, strategy.Name, closesAt, rejections);
                if (open is not null)
                {
                    history.Add(new GateHistoryEntry(instrument.Symbol, closesAt, null, null));
                }
            }

            if (progress is not null && i % 4096 == 0)
            {
                progress.Report((double)i / candles.Length);
            }
        }

        progress?.Report(1);
        return new BacktestResult(
            strategy.Name, instrument.Symbol, settings.Timeframe, candles.Length, candles[0].Time, CandleSeries.CloseTime(candles, candles.Length - 1), trades,
            curve, rejections);
    }

    private static ForexSignal? TryOpen(
        SignalProposal proposal, ForexSettings settings, Instrument instrument, ExitPlan exits, string strategy, DateTimeOffset at, Dictionary<string, int> rejections)
    {
        try
        {
            return ForexSignal.Open("backtest", proposal.Direction, settings.Timeframe, proposal.Levels(instrument), proposal.IndicatorsJson(), at,
                new SignalOrigin(instrument, strategy, SignalSource.Demo, proposal.Exits ?? exits));
        }
        catch (DomainException)
        {
            // Levels that collapse at the instrument's precision (a tiny ATR): not a tradeable signal.
            rejections["levels"] = rejections.GetValueOrDefault("levels") + 1;
            return null;
        }
    }

    private static BacktestTrade Trade(int number, ForexSignal s) =>
        new(number, s.Direction, s.CreatedAt, s.ClosedAt, new SignalLevels(s.EntryPrice, s.StopLoss, s.TakeProfit1, s.TakeProfit2, s.TakeProfit3),
            s.Status, s.CloseReason, s.TargetsHit, s.ExitPrice, s.ResultPips!.Value, s.ResultR!.Value);
}
