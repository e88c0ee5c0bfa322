using PromoStack.Domain.Signals;
using PromoStack.Domain.Signals.Strategies;

namespace PromoStack.Domain.Tests.Signals.Strategies;

public sealed class StrategyTests
{
    private static readonly ForexSettings Settings = ForexSettings.Defaults;

    private static StrategyDecision Last(IStrategy strategy, PromoStack.Domain.Signals.Indicators.Candle[] candles, ForexSettings? settings = null) =>
        strategy.Evaluate(MarketView.Create(candles), candles.Length - 1, settings ?? Settings);

    [Fact]
    public void Aggressive_AfterAStrongFall_Buys_WithAtrStopsAndTargets()
    {
        var candles = CraftedCandles.Trend(60, 2000, -1.5, range: 2);

        var decision = Last(new AggressiveStrategy(), [.. candles]);

        var signal = decision.Should().BeOfType<SignalProposal>().Subject;
        signal.Direction.Should().Be(SignalDirection.Buy);
        var atr = signal.Indicators["atr"];
        signal.Entry.Should().Be(candles[^1].Close);
        signal.StopLoss.Should().BeApproximately(signal.Entry - atr, 1e-9);
        signal.Tp1.Should().BeApproximately(signal.Entry + (1.2 * atr), 1e-9);
        signal.Tp2.Should().BeApproximately(signal.Entry + (2.0 * atr), 1e-9);
        signal.Tp3.Should().BeApproximately(signal.Entry + (2.5 * atr), 1e-9);
        signal.Indicators["rsi"].Should().BeLessThan(40);
        signal.IndicatorsJson().Should().Contain("\"rsi\":");
    }

    [Fact]
    public void Aggressive_AfterAStrongRise_Sells()
    {
        var decision = Last(new AggressiveStrategy(), [.. CraftedCandles.Trend(60, 2000, 1.5, range: 2)]);

        decision.Should().BeOfType<SignalProposal>().Which.Direction.Should().Be(SignalDirection.Sell);
    }

    [Fact]
    public void Aggressive_InAFlatMarket_GivesNoSignal_SayingWhy()
    {
        var decision = Last(new AggressiveStrategy(), CraftedCandles.Sideways(80, 2000));

        decision.Should().BeOfType<NoSignal>().Which.Reason.Should().Contain("ADX");
    }

    [Fact]
    public void Aggressive_BeforeItsIndicatorsAreWarm_GivesNoSignal()
    {
        var decision = Last(new AggressiveStrategy(), [.. CraftedCandles.Trend(20, 2000, -1.5)]);

        decision.Should().BeOfType<NoSignal>().Which.Reason.Should().Contain("warming up");
    }

    [Fact]
    public void Aggressive_WithAHigherAdxThreshold_HoldsBack()
    {
        // A noisy fall: a clear but imperfect trend, so ADX sits well under 100.
        var random = new Random(3);
        var close = 2000.0;
        var candles = Enumerable.Range(0, 60).SelectMany(i =>
        {
            var step = i < 55 ? -1 + ((random.NextDouble() - 0.5) * 6) : -3;
            var bar = CraftedCandles.Trend(1, close, step, range: 2, startIndex: i);
            close = bar[0].Close;
            return bar;
        }).ToArray();
        var adx = Last(new AggressiveStrategy(), candles).Should().BeOfType<SignalProposal>().Subject.Indicators["adx"];
        adx.Should().BeLessThan(99);
        var strict = Settings.With(new Dictionary<string, string> { ["adx_min"] = $"{Math.Ceiling(adx) + 1}" });

        var decision = Last(new AggressiveStrategy(), candles, strict);

        decision.Should().BeOfType<NoSignal>().Which.Reason.Should().Contain("ADX");
    }

    [Fact]
    public void Conservative_APullbackInAnUptrend_Buys_WithTwoAtrStops()
    {
        var candles = CraftedCandles.Trend(240, 1800, 1.0, range: 1.5).Then((start, from) => CraftedCandles.Trend(8, from, -4, range: 3, startIndex: start));

        var decision = Last(new ConservativeStrategy(), candles);

        var signal = decision.Should().BeOfType<SignalProposal>().Subject;
        signal.Direction.Should().Be(SignalDirection.Buy);
        signal.Indicators["ema50"].Should().BeGreaterThan(signal.Indicators["ema200"]);
        signal.StopLoss.Should().BeApproximately(signal.Entry - (2 * signal.Indicators["atr"]), 1e-9);
        signal.Tp3.Should().BeApproximately(signal.Entry + (4 * signal.Indicators["atr"]), 1e-9);
        signal.Indicators["confirmations"].Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Conservative_AFallAgainstTheTrendFilter_IsNotABuy()
    {
        var candles = CraftedCandles.Trend(240, 2200, -1.0, range: 1.5).Then((start, from) => CraftedCandles.Trend(8, from, -4, range: 3, startIndex: start));

        var decision = Last(new ConservativeStrategy(), candles);

        decision.Should().BeOfType<NoSignal>().Which.Reason.Should().Contain("no pullback");
    }

    [Fact]
    public void Conservative_NeedsItsConfirmations()
    {
        var candles = CraftedCandles.Trend(240, 1800, 1.0, range: 1.5).Then((start, from) => CraftedCandles.Trend(8, from, -4, range: 3, startIndex: start));
        var demanding = Settings.With(new Dictionary<string, string> { ["conservative_min_confirmations"] = "3", ["conservative_band_atr"] = "0" });

        var decision = Last(new ConservativeStrategy(), candles, demanding);

        decision.Should().BeOfType<NoSignal>().Which.Reason.Should().Contain("confirmations");
    }

    [Fact]
    public void TrendPullback_OutsideItsSession_GivesNoSignal()
    {
        var candles = CraftedCandles.Trend(100, 2000, 1, range: 1); // ends 10:00 + 99 × 15 min = 10:45 the next day
        var lateSession = Settings.With(new Dictionary<string, string> { ["pullback_session_start_hour"] = "20", ["pullback_session_end_hour"] = "21" });

        var decision = Last(new TrendPullbackStrategy(), [.. candles], lateSession);

        decision.Should().BeOfType<NoSignal>().Which.Reason.Should().Contain("outside the session");
    }

    [Fact]
    public void TrendPullback_OnRealGold_OpensSignalsAtOneTwoThreeR_ClosedFortyThirtyThirty_WithAStopFloor()
    {
        var candles = Indicators.ReferenceCsv.Load("ohlc/xauusd_15m_2024-01_2025-08_utc.csv").Candles();
        var market = MarketView.Create(candles);
        var strategy = new TrendPullbackStrategy();

        var proposals = Enumerable.Range(0, candles.Length).Select(i => strategy.Evaluate(market, i, Settings)).OfType<SignalProposal>().ToList();

        proposals.Should().NotBeEmpty();
        proposals.Should().AllSatisfy(p =>
        {
            var risk = Math.Abs(p.Entry - p.StopLoss);
            risk.Should().BeGreaterThanOrEqualTo(2.0 - 1e-9);
            Math.Abs(p.Tp1 - p.Entry).Should().BeApproximately(risk, 1e-6);
            Math.Abs(p.Tp3 - p.Entry).Should().BeApproximately(3 * risk, 1e-6);
            p.Exits.Should().Be(new ExitPlan(40, 30, 30));
        });
    }

    [Fact]
    public void TheCatalog_KnowsEachStrategyByItsSettingName()
    {
        ForexSettings.Strategies.Select(name => StrategyCatalog.For(name).Name).Should().Equal(ForexSettings.Strategies);
        var unknown = () => StrategyCatalog.For("martingale");
        unknown.Should().Throw<PromoStack.Domain.Common.DomainException>();
    }
}
