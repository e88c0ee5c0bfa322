using PromoStack.Domain.Common;
using PromoStack.Domain.Subscriptions;
using static PromoStack.Domain.Subscriptions.StripeSubscriptionStatus;
using static PromoStack.Domain.Subscriptions.SubscriptionStatus;

namespace PromoStack.Domain.Tests.Subscriptions;

/// <summary><see cref="TelegramSubscription.ApplyStripeStatus"/>: every Stripe status, from each of our statuses.</summary>
public sealed class StripeStatusTests
{
    private const string Tenant = "acme";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PeriodEnd = Now.AddMonths(1);
    private static readonly DateTimeOffset LaterPeriodEnd = Now.AddMonths(2);
    private static readonly DateTimeOffset EventAt = Now.AddHours(1);

    /// <summary>
    /// The spec: the status a subscription has after each Stripe status, from (in this order) pending, active,
    /// cancelled and expired. A Stripe status missing here fails every test that meets it.
    /// </summary>
    private static readonly Dictionary<StripeSubscriptionStatus, SubscriptionStatus[]> After = new()
    {
        [Unknown] = [Pending, SubscriptionStatus.Active, Cancelled, Expired],
        [Incomplete] = [Pending, SubscriptionStatus.Active, Cancelled, Expired],
        [IncompleteExpired] = [Expired, SubscriptionStatus.Active, Cancelled, Expired],
        [Trialing] = [SubscriptionStatus.Active, SubscriptionStatus.Active, SubscriptionStatus.Active, SubscriptionStatus.Active],
        [StripeSubscriptionStatus.Active] = [SubscriptionStatus.Active, SubscriptionStatus.Active, SubscriptionStatus.Active, SubscriptionStatus.Active],
        [PastDue] = [Pending, SubscriptionStatus.Active, Cancelled, Expired],
        [Canceled] = [Pending, Cancelled, Cancelled, Expired],
        [Unpaid] = [Pending, SubscriptionStatus.Active, Cancelled, Expired],
        [Paused] = [Pending, SubscriptionStatus.Active, Cancelled, Expired],
    };

    public static TheoryData<SubscriptionStatus, StripeSubscriptionStatus> Pairs()
    {
        var data = new TheoryData<SubscriptionStatus, StripeSubscriptionStatus>();
        foreach (var ours in Enum.GetValues<SubscriptionStatus>())
        {
            foreach (var stripe in Enum.GetValues<StripeSubscriptionStatus>())
            {
                data.Add(ours, stripe);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void EveryStripeStatus_FromEachOfOurs_LeadsWhereTheSpecSays(SubscriptionStatus ours, StripeSubscriptionStatus stripe)
    {
        var subscription = In(ours);

        subscription.ApplyStripeStatus(stripe, LaterPeriodEnd, cancelAtPeriodEnd: false, EventAt, EventAt);

        subscription.Status.Should().Be(After[stripe][(int)ours]);
        subscription.LastEventAt.Should().Be(EventAt, "any status, even one that changes nothing, makes older events stale");
    }

    [Theory]
    [InlineData(StripeSubscriptionStatus.Active)]
    [InlineData(Trialing)]
    public void AccessFromStripe_ActivatesUntilThePeriodEnd_OrRenewsToALaterOne(StripeSubscriptionStatus stripe)
    {
        var subscription = In(Pending);
        subscription.ApplyStripeStatus(stripe, PeriodEnd, cancelAtPeriodEnd: null, EventAt, EventAt);
        subscription.CurrentPeriodEnd.Should().Be(PeriodEnd);
        subscription.DequeueEvents().Should().ContainSingle().Which.Should().BeOfType<SubscriptionActivated>();

        subscription.ApplyStripeStatus(stripe, PeriodEnd.AddDays(-1), cancelAtPeriodEnd: null, EventAt.AddMinutes(1), EventAt.AddMinutes(1));
        subscription.CurrentPeriodEnd.Should().Be(PeriodEnd, "an earlier period end is no renewal");
        subscription.HasPendingEvents.Should().BeFalse();

        subscription.ApplyStripeStatus(stripe, LaterPeriodEnd, cancelAtPeriodEnd: null, EventAt.AddMinutes(2), EventAt.AddMinutes(2));
        subscription.CurrentPeriodEnd.Should().Be(LaterPeriodEnd);
        subscription.DequeueEvents().Should().ContainSingle().Which.Should().BeOfType<SubscriptionRenewed>();
    }

    [Fact]
    public void AccessFromStripe_FollowsItsCancellationAtThePeriodEnd_BothWays_AndLeavesItWhenNotSaid()
    {
        var subscription = In(SubscriptionStatus.Active);

        subscription.ApplyStripeStatus(StripeSubscriptionStatus.Active, PeriodEnd, cancelAtPeriodEnd: true, EventAt, EventAt);
        subscription.CancelAtPeriodEnd.Should().BeTrue();
        subscription.ApplyStripeStatus(StripeSubscriptionStatus.Active, PeriodEnd, cancelAtPeriodEnd: null, EventAt.AddMinutes(1), EventAt);
        subscription.CancelAtPeriodEnd.Should().BeTrue();
        subscription.ApplyStripeStatus(StripeSubscriptionStatus.Active, PeriodEnd, cancelAtPeriodEnd: false, EventAt.AddMinutes(2), EventAt);
        subscription.CancelAtPeriodEnd.Should().BeFalse();
    }

    [Fact]
    public void ACancellationAtThePeriodEnd_IsNotAppliedToASubscriptionWithoutOne()
    {
        var lifetime = TelegramSubscription.BeginCheckout(Tenant, PlanType.Lifetime, null, Now);
        lifetime.Activate(null, Now);

        lifetime.ApplyStripeStatus(StripeSubscriptionStatus.Active, PeriodEnd, cancelAtPeriodEnd: true, EventAt, EventAt);

        lifetime.CancelAtPeriodEnd.Should().BeFalse();
        lifetime.GrantsAccess.Should().BeTrue();
    }

    [Theory]
    [InlineData(PastDue)]
    [InlineData(Unpaid)]
    public void AnOverduePayment_KeepsAccess_PastDueSinceTheEvent(StripeSubscriptionStatus stripe)
    {
        var subscription = In(SubscriptionStatus.Active);

        subscription.ApplyStripeStatus(stripe, LaterPeriodEnd, cancelAtPeriodEnd: false, EventAt, EventAt.AddMinutes(5));

        subscription.GrantsAccess.Should().BeTrue();
        subscription.PastDueSince.Should().Be(EventAt);
        subscription.CurrentPeriodEnd.Should().Be(PeriodEnd);
    }

    [Fact]
    public void Canceled_EndsAccessAsTheUsersCancellation()
    {
        var subscription = In(SubscriptionStatus.Active);

        subscription.ApplyStripeStatus(Canceled, PeriodEnd, cancelAtPeriodEnd: false, EventAt, EventAt);

        subscription.CancelReason.Should().Be(CancellationReason.User);
        subscription.DequeueEvents().Should().ContainSingle().Which.Should().BeOfType<SubscriptionCancelled>();
    }

    [Fact]
    public void AnOlderEvent_ChangesNothing()
    {
        var subscription = In(SubscriptionStatus.Active);
        subscription.TryApplyEventAt(EventAt);

        subscription.ApplyStripeStatus(Canceled, PeriodEnd, cancelAtPeriodEnd: false, EventAt.AddSeconds(-1), EventAt);

        subscription.Status.Should().Be(SubscriptionStatus.Active);
        subscription.LastEventAt.Should().Be(EventAt);
    }

    [Fact]
    public void AccessFromStripe_WithoutAPeriodEnd_ForAPlanWithAPeriod_Throws()
    {
        var apply = () => In(Pending).ApplyStripeStatus(StripeSubscriptionStatus.Active, null, cancelAtPeriodEnd: false, EventAt, EventAt);

        apply.Should().Throw<DomainException>();
    }

    /// <summary>A monthly subscription in <paramref name="status"/>, its events dequeued; an active one runs until <see cref="PeriodEnd"/>.</summary>
    private static TelegramSubscription In(SubscriptionStatus status)
    {
        var subscription = TelegramSubscription.BeginCheckout(Tenant, PlanType.Monthly, null, Now);
        if (status != Pending)
        {
            subscription.Activate(PeriodEnd, Now);
        }

        if (status == Cancelled)
        {
            subscription.Cancel(CancellationReason.User, Now);
        }
        else if (status == Expired)
        {
            subscription.Expire(Now);
        }

        subscription.DequeueEvents();
        return subscription;
    }
}
