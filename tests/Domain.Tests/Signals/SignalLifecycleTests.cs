using PromoStack.Domain.Common;
using PromoStack.Domain.Signals;

namespace PromoStack.Domain.Tests.Signals;

/// <summary>Stops that trail, partial closes that weight the result, and candles judged by their whole range.</summary>
public sealed class SignalLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    // Gold: entry 2000, stop 1990 (100 pips = 1R), targets 2012 / 2020 / 2025.
    private static readonly SignalLevels Buy = new(2000m, 1990m, 2012m, 2020m, 2025m);
    private static readonly SignalLevels Sell = new(2000m, 2010m, 1988m, 1980m, 1975m);

    private static ForexSignal Open(SignalDirection direction, SignalLevels levels, ExitPlan? exits = null) =>
        ForexSignal.Open("acme", direction, "15min", levels, "{}", Now,
            new SignalOrigin(Instrument.XauUsd, "aggressive", SignalSource.Live, exits ?? ExitPlan.Default));

    private static void Candle(ForexSignal signal, int minute, decimal high, decimal low) =>
        signal.ApplyCandle(Now.AddMinutes(minute), high, low, Now.AddMinutes(minute + 1));

    [Fact]
    public void AStopFromActive_LosesOneR()
    {
        var signal = Open(SignalDirection.Buy, Buy);

        Candle(signal, 1, 2003m, 1989.5m);

        signal.Status.Should().Be(SignalStatus.Stopped);
        signal.CloseReason.Should().Be(SignalCloseReason.StopLoss);
        signal.ExitPrice.Should().Be(1990m);
        signal.ResultPips.Should().Be(-100m);
        signal.ResultR.Should().Be(-1m);
        signal.IsWin.Should().BeFalse();
    }

    [Fact]
    public void Tp1ThenAStopAtBreakeven_IsAWin_WeightedByTheHalfTakenAtTp1()
    {
        var signal = Open(SignalDirection.Buy, Buy);

        Candle(signal, 1, 2012.5m, 1999m);
        signal.CurrentStop.Should().Be(2000m, "the stop moves to the entry after TP1");
        signal.StopLoss.Should().Be(1990m, "the posted stop stays as it was");
        Candle(signal, 2, 2005m, 1999.9m);

        signal.Status.Should().Be(SignalStatus.Stopped);
        signal.TargetsHit.Should().Be(1);
        signal.ResultPips.Should().Be(60m, "50 % of 120 pips, and the rest out at the entry");
        signal.ResultR.Should().Be(0.6m);
        signal.IsWin.Should().BeTrue();
    }

    [Fact]
    public void AllThreeTargets_WeightTheResult50_30_20_AndEndTheSignal()
    {
        var signal = Open(SignalDirection.Buy, Buy);

        Candle(signal, 1, 2013m, 2001m);
        Candle(signal, 2, 2021m, 2008m);
        signal.CurrentStop.Should().Be(2012m, "the stop trails to TP1 after TP2");
        Candle(signal, 3, 2026m, 2015m);

        signal.Status.Should().Be(SignalStatus.Tp3Hit);
        signal.CloseReason.Should().Be(SignalCloseReason.FinalTarget);
        signal.ResultPips.Should().Be(170m, "0.5 × 120 + 0.3 × 200 + 0.2 × 250");
        signal.ClosedAt.Should().Be(Now.AddMinutes(4));
    }

    [Fact]
    public void ACandleThatReachesTheStopAndATarget_IsAStop()
    {
        var signal = Open(SignalDirection.Buy, Buy);

        Candle(signal, 1, 2030m, 1985m);

        signal.Status.Should().Be(SignalStatus.Stopped, "the order inside one candle is unknown, so the conservative reading wins");
        signal.ResultPips.Should().Be(-100m);
    }

    [Fact]
    public void AWickThroughATarget_CountsEvenWhenTheCloseIsBack()
    {
        var signal = Open(SignalDirection.Sell, Sell);

        Candle(signal, 1, 2004m, 1987.9m);

        signal.Status.Should().Be(SignalStatus.Tp1Hit);
        signal.CurrentStop.Should().Be(2000m);
    }

    [Fact]
    public void OneCandleAcrossTwoTargets_HitsBoth_AndTheMovedStopAppliesFromTheNextCandle()
    {
        var signal = Open(SignalDirection.Buy, Buy);

        Candle(signal, 1, 2022m, 1999m);

        signal.Status.Should().Be(SignalStatus.Tp2Hit, "both targets were inside the range; the entry it also touched was not yet a stop");
        signal.CurrentStop.Should().Be(2012m);
        Candle(signal, 2, 2015m, 2011m);
        signal.Status.Should().Be(SignalStatus.Stopped);
        signal.ResultPips.Should().Be(60m + 60m + 24m, "0.5 × 120 + 0.3 × 200 + 0.2 × 120");
    }

    [Fact]
    public void TheSameCandle_IsNeverAppliedTwice()
    {
        var signal = Open(SignalDirection.Buy, Buy);
        Candle(signal, 1, 2013m, 2001m);

        Candle(signal, 1, 2013m, 2001m);
        Candle(signal, 0, 2030m, 2001m);

        signal.TargetsHit.Should().Be(1);
        signal.MonitoredThrough.Should().Be(Now.AddMinutes(1));
    }

    [Fact]
    public void AManualClose_TakesTheRestOffAtTheMarketPrice()
    {
        var signal = Open(SignalDirection.Sell, Sell);
        Candle(signal, 1, 2001m, 1987m);

        signal.Close(SignalCloseReason.Timeout, 1995m, Now.AddHours(4));

        signal.Status.Should().Be(SignalStatus.Closed);
        signal.CloseReason.Should().Be(SignalCloseReason.Timeout);
        signal.ResultPips.Should().Be(60m + 25m, "0.5 × 120 at TP1, then 0.5 × 50 at 1995");
    }

    [Fact]
    public void StopsThatDoNotTrail_StayWhereTheyWere()
    {
        var signal = Open(SignalDirection.Buy, Buy, new ExitPlan(40, 30, 30, BreakevenAfterTp1: false, TrailToTp1AfterTp2: false));

        Candle(signal, 1, 2013m, 2001m);
        Candle(signal, 2, 2005m, 1990m);

        signal.CurrentStop.Should().Be(1990m);
        signal.ResultPips.Should().Be(48m - 60m, "0.4 × 120 at TP1, 0.6 × −100 at the stop");
        signal.IsWin.Should().BeFalse();
    }

    [Fact]
    public void ASignalTheStrategyNowContradicts_AfterItsRevalidationTime_IsInvalidated()
    {
        var signal = Open(SignalDirection.Buy, Buy);
        var after = TimeSpan.FromMinutes(90);

        signal.IsContradictedBy(SignalDirection.Sell, Now.AddMinutes(89), after).Should().BeFalse("too early to re-validate");
        signal.IsContradictedBy(SignalDirection.Buy, Now.AddMinutes(95), after).Should().BeFalse("the strategy agrees");
        signal.IsContradictedBy(null, Now.AddMinutes(95), after).Should().BeFalse("no signal now is no contradiction");
        signal.IsContradictedBy(SignalDirection.Sell, Now.AddMinutes(95), TimeSpan.Zero).Should().BeFalse("re-validation is off");
        signal.IsContradictedBy(SignalDirection.Sell, Now.AddMinutes(95), after).Should().BeTrue();

        signal.Close(SignalCloseReason.Invalidated, 1996m, Now.AddMinutes(95));

        signal.CloseReason.Should().Be(SignalCloseReason.Invalidated);
        signal.ResultPips.Should().Be(-40m);
        signal.IsContradictedBy(SignalDirection.Sell, Now.AddMinutes(96), after).Should().BeFalse("a closed signal is not re-validated");
    }

    [Theory]
    [InlineData(SignalCloseReason.StopLoss)]
    [InlineData(SignalCloseReason.FinalTarget)]
    public void ACloseCannotPretendToBeAStopOrATarget(SignalCloseReason reason)
    {
        var signal = Open(SignalDirection.Buy, Buy);

        var close = () => signal.Close(reason, 2000m, Now);

        close.Should().Throw<DomainException>();
        signal.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void PartialsThatDoNotAddUpTo100_AreRejected()
    {
        var open = () => Open(SignalDirection.Buy, Buy, new ExitPlan(50, 30, 30));

        open.Should().Throw<DomainException>();
    }

    [Fact]
    public void Pips_AreDefinedOncePerInstrument()
    {
        Instrument.For("xau/usd").PipSize.Should().Be(0.10m);
        Instrument.For("EUR/USD").PipSize.Should().Be(0.0001m);
        Instrument.XauUsd.ToPips(12m).Should().Be(120m);
        var unknown = () => Instrument.For("BTC/USD");
        unknown.Should().Throw<DomainException>();
    }
}
