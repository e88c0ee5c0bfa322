using PromoStack.Domain.Common;
using PromoStack.Domain.Signals;

namespace PromoStack.Domain.Tests.Signals;

public sealed class ForexSignalTests
{
    private const string Tenant = "acme";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    private static readonly SignalLevels BuyLevels = new(1.1000m, 1.0950m, 1.1050m, 1.1100m, 1.1150m);
    private static readonly SignalLevels SellLevels = new(1.1000m, 1.1050m, 1.0950m, 1.0900m, 1.0850m);

    private static ForexSignal OpenBuy()
    {
        var signal = ForexSignal.Open(Tenant, SignalDirection.Buy, "H1", BuyLevels, "{}", Now);
        signal.DequeueEvents();
        return signal;
    }

    [Fact]
    public void Open_WithConsistentBuyLevels_IsActive_AndRaisesNothing()
    {
        var signal = ForexSignal.Open(Tenant, SignalDirection.Buy, "H1", BuyLevels, "{\"rsi\":28}", Now);

        signal.Status.Should().Be(SignalStatus.Active);
        signal.IsOpen.Should().BeTrue();
        signal.ClosedAt.Should().BeNull();
        signal.EntryPrice.Should().Be(1.1000m);
        signal.StopLoss.Should().Be(1.0950m);
        signal.TakeProfit1.Should().Be(1.1050m);
        signal.TakeProfit2.Should().Be(1.1100m);
        signal.TakeProfit3.Should().Be(1.1150m);
        signal.DequeueEvents().Should().BeEmpty();
    }

    [Fact]
    public void Open_WithConsistentSellLevels_IsActive()
    {
        var signal = ForexSignal.Open(Tenant, SignalDirection.Sell, "M15", SellLevels, "{}", Now);

        signal.Status.Should().Be(SignalStatus.Active);
        signal.Direction.Should().Be(SignalDirection.Sell);
    }

    [Fact]
    public void Open_WithoutTargets_IsAllowed()
    {
        var levels = new SignalLevels(1.1000m, 1.0950m, null, null, null);

        var signal = ForexSignal.Open(Tenant, SignalDirection.Buy, "H1", levels, "{}", Now);

        signal.TakeProfit1.Should().BeNull();
    }

    public static TheoryData<SignalDirection, SignalLevels> InconsistentLevels => new()
    {
        // BUY: stop must be below the entry.
        { SignalDirection.Buy, new SignalLevels(1.1000m, 1.1050m, 1.1100m, null, null) },
        { SignalDirection.Buy, new SignalLevels(1.1000m, 1.1000m, 1.1100m, null, null) },

        // BUY: targets above the entry and increasing.
        { SignalDirection.Buy, new SignalLevels(1.1000m, 1.0950m, 1.0990m, null, null) },
        { SignalDirection.Buy, new SignalLevels(1.1000m, 1.0950m, 1.1000m, null, null) },
        { SignalDirection.Buy, new SignalLevels(1.1000m, 1.0950m, 1.1100m, 1.1050m, null) },
        { SignalDirection.Buy, new SignalLevels(1.1000m, 1.0950m, 1.1050m, 1.1100m, 1.1100m) },

        // SELL: mirrored.
        { SignalDirection.Sell, new SignalLevels(1.1000m, 1.0950m, 1.0900m, null, null) },
        { SignalDirection.Sell, new SignalLevels(1.1000m, 1.1000m, 1.0900m, null, null) },
        { SignalDirection.Sell, new SignalLevels(1.1000m, 1.1050m, 1.1010m, null, null) },
        { SignalDirection.Sell, new SignalLevels(1.1000m, 1.1050m, 1.0900m, 1.0950m, null) },
        { SignalDirection.Sell, new SignalLevels(1.1000m, 1.1050m, 1.0950m, 1.0900m, 1.0900m) },

        // The BUY levels are wrong for a SELL and vice versa.
        { SignalDirection.Sell, BuyLevels },
        { SignalDirection.Buy, SellLevels },
    };

    [Theory]
    [MemberData(nameof(InconsistentLevels))]
    public void Open_WithInconsistentLevels_Throws(SignalDirection direction, SignalLevels levels)
    {
        var open = () => ForexSignal.Open(Tenant, direction, "H1", levels, "{}", Now);

        open.Should().Throw<DomainException>();
    }

    [Fact]
    public void HitTarget_InOrder_MovesThroughEachTargetAndRaisesTargetHit()
    {
        var signal = OpenBuy();

        signal.HitTarget(1, Now.AddMinutes(10));
        signal.Status.Should().Be(SignalStatus.Tp1Hit);
        signal.DequeueEvents().Should().Equal(new SignalTargetHit(Tenant, 0, 1));

        signal.HitTarget(2, Now.AddMinutes(20));
        signal.Status.Should().Be(SignalStatus.Tp2Hit);
        signal.DequeueEvents().Should().Equal(new SignalTargetHit(Tenant, 0, 2));

        signal.IsOpen.Should().BeTrue();
        signal.ClosedAt.Should().BeNull();
    }

    [Fact]
    public void HitTarget_Three_ClosesTheSignalAndRaisesTargetHitThenClosed()
    {
        var signal = OpenBuy();
        signal.HitTarget(1, Now.AddMinutes(10));
        signal.HitTarget(2, Now.AddMinutes(20));
        signal.DequeueEvents();
        var closedAt = Now.AddMinutes(30);

        signal.HitTarget(3, closedAt);

        signal.Status.Should().Be(SignalStatus.Tp3Hit);
        signal.IsOpen.Should().BeFalse();
        signal.ClosedAt.Should().Be(closedAt);
        signal.DequeueEvents().Should().Equal(new SignalTargetHit(Tenant, 0, 3));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void HitTarget_SkippingALevel_ThrowsAndChangesNothing(int level)
    {
        var signal = OpenBuy();

        var hit = () => signal.HitTarget(level, Now);

        hit.Should().Throw<InvalidTransitionException>();
        signal.Status.Should().Be(SignalStatus.Active);
        signal.HasPendingEvents.Should().BeFalse();
    }

    [Fact]
    public void HitTarget_SameLevelTwice_Throws()
    {
        var signal = OpenBuy();
        signal.HitTarget(1, Now);

        var again = () => signal.HitTarget(1, Now);

        again.Should().Throw<InvalidTransitionException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void HitTarget_UnknownLevel_Throws(int level)
    {
        var signal = OpenBuy();

        var hit = () => signal.HitTarget(level, Now);

        hit.Should().Throw<ArgumentOutOfRangeException>();
        signal.Status.Should().Be(SignalStatus.Active);
    }

    [Fact]
    public void Stop_SetsClosedAt_AndRaisesNothing()
    {
        var signal = OpenBuy();
        signal.HitTarget(1, Now);
        signal.DequeueEvents();
        var stoppedAt = Now.AddHours(1);

        signal.Stop(stoppedAt);

        signal.Status.Should().Be(SignalStatus.Stopped);
        signal.IsOpen.Should().BeFalse();
        signal.ClosedAt.Should().Be(stoppedAt);
        signal.DequeueEvents().Should().BeEmpty();
    }

    [Fact]
    public void Close_WhenActive_ClosesIt_AndRaisesNothing()
    {
        var signal = OpenBuy();

        signal.Close(SignalCloseReason.Manual, 1.1010m, Now.AddHours(2));

        signal.Status.Should().Be(SignalStatus.Closed);
        signal.ClosedAt.Should().Be(Now.AddHours(2));
        signal.DequeueEvents().Should().BeEmpty();
    }

    [Fact]
    public void Close_WhenAlreadyStopped_Throws()
    {
        var signal = OpenBuy();
        signal.Stop(Now);
        signal.DequeueEvents();

        var close = () => signal.Close(SignalCloseReason.Manual, 1.1010m, Now.AddMinutes(1));

        close.Should().Throw<InvalidTransitionException>()
            .Which.Should().Match<InvalidTransitionException>(e => e.From == "Stopped" && e.To == "Closed");
        signal.Status.Should().Be(SignalStatus.Stopped);
        signal.ClosedAt.Should().Be(Now);
        signal.HasPendingEvents.Should().BeFalse();
    }

    [Fact]
    public void Stop_AfterTp3_Throws()
    {
        var signal = OpenBuy();
        signal.HitTarget(1, Now);
        signal.HitTarget(2, Now);
        signal.HitTarget(3, Now);

        var stop = () => signal.Stop(Now);

        stop.Should().Throw<InvalidTransitionException>();
    }

    [Fact]
    public void DequeueEvents_EmptiesThePendingEvents()
    {
        var signal = ForexSignal.Open(Tenant, SignalDirection.Buy, "H1", BuyLevels, "{}", Now);
        signal.HitTarget(1, Now.AddMinutes(5));
        signal.HasPendingEvents.Should().BeTrue();

        signal.DequeueEvents().Should().HaveCount(1);

        signal.HasPendingEvents.Should().BeFalse();
        signal.DequeueEvents().Should().BeEmpty();
    }

    [Fact]
    public void Open_WithATargetGap_Throws()
    {
        var gap = new SignalLevels(1.1000m, 1.0950m, null, 1.1100m, null);

        var open = () => ForexSignal.Open(Tenant, SignalDirection.Buy, "H1", gap, "{}", Now);

        open.Should().Throw<DomainException>().WithMessage("*TP2 needs TP1*");
    }

    [Fact]
    public void HitTarget_ThatTheSignalDoesNotHave_Throws()
    {
        var signal = ForexSignal.Open(Tenant, SignalDirection.Buy, "H1", new SignalLevels(1.1000m, 1.0950m, 1.1050m, null, null), "{}", Now);
        signal.HitTarget(1, Now.AddMinutes(5));

        var hit = () => signal.HitTarget(2, Now.AddMinutes(10));

        hit.Should().Throw<DomainException>().WithMessage("*no take-profit 2*");
        signal.Status.Should().Be(SignalStatus.Closed, "its only target took the whole position off");
        signal.CloseReason.Should().Be(SignalCloseReason.FinalTarget);
    }
}
