using PromoStack.Domain.Common;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Domain.Tests.Subscriptions;

public sealed class TelegramSubscriptionTests
{
    private const string Tenant = "acme";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PeriodEnd = Now.AddMonths(1);

    private static TelegramSubscription Pending(PlanType plan = PlanType.Monthly) =>
        TelegramSubscription.Begin(Tenant, "Buyer@Example.com", plan, Now);

    private static TelegramSubscription Active(PlanType plan = PlanType.Monthly)
    {
        var subscription = Pending(plan);
        subscription.Activate(PeriodEnd, Now);
        subscription.DequeueEvents();
        return subscription;
    }

    [Fact]
    public void Begin_IsPendingWithoutAccessAndNormalizesTheEmail()
    {
        var subscription = Pending();

        subscription.Status.Should().Be(SubscriptionStatus.Pending);
        subscription.GrantsAccess.Should().BeFalse();
        subscription.Email.Should().Be("buyer@example.com");
        subscription.HasPendingEvents.Should().BeFalse();
    }

    [Fact]
    public void Activate_FromPending_RaisesSubscriptionActivatedAndSetsThePeriodEnd()
    {
        var subscription = Pending();
        subscription.LinkTelegramUser(42, "trader", wasFreeLead: false);
        var activatedAt = Now.AddMinutes(5);

        subscription.Activate(PeriodEnd, activatedAt);

        subscription.Status.Should().Be(SubscriptionStatus.Active);
        subscription.GrantsAccess.Should().BeTrue();
        subscription.CurrentPeriodEnd.Should().Be(PeriodEnd);
        subscription.UpdatedAt.Should().Be(activatedAt);
        subscription.FirstPaidAt.Should().Be(activatedAt);
        subscription.DequeueEvents().Should().Equal(new SubscriptionActivated(Tenant, 0, 42, PlanType.Monthly));
    }

    [Fact]
    public void FirstPaidAt_IsUnsetUntilActivationAndKeepsTheFirstActivationAfterAReactivation()
    {
        var subscription = Pending();
        subscription.FirstPaidAt.Should().BeNull();
        subscription.Activate(PeriodEnd, Now);
        subscription.Cancel(CancellationReason.User, Now.AddDays(3));

        subscription.Activate(PeriodEnd.AddMonths(1), Now.AddDays(40));

        subscription.FirstPaidAt.Should().Be(Now);
    }

    [Fact]
    public void FirstPaidAt_StaysUnsetWhenACheckoutExpiresUnpaid()
    {
        var subscription = Pending();

        subscription.Expire(Now.AddDays(1));

        subscription.FirstPaidAt.Should().BeNull();
    }

    [Fact]
    public void Activate_AfterCancel_IsAReactivationThatClearsTheReason()
    {
        var subscription = Active();
        subscription.Cancel(CancellationReason.User, Now);
        subscription.DequeueEvents();

        subscription.Activate(PeriodEnd, Now.AddDays(1));

        subscription.Status.Should().Be(SubscriptionStatus.Active);
        subscription.CancelReason.Should().BeNull();
        subscription.DequeueEvents().Should().Equal(new SubscriptionActivated(Tenant, 0, null, PlanType.Monthly));
    }

    [Fact]
    public void ANewPurchaseAfterTheEnd_MayBeAnotherPlan_ButAnActiveSubscriptionKeepsItsPlan()
    {
        var subscription = Active();
        var change = () => subscription.ChangePlan(PlanType.Lifetime, Now);
        change.Should().Throw<DomainException>();
        subscription.PlanType.Should().Be(PlanType.Monthly);

        subscription.Cancel(CancellationReason.User, Now);
        subscription.ChangePlan(PlanType.Lifetime, Now.AddDays(1));
        subscription.Activate(null, Now.AddDays(1));

        subscription.PlanType.Should().Be(PlanType.Lifetime);
        subscription.CurrentPeriodEnd.Should().BeNull();
        subscription.Renews.Should().BeFalse();
    }

    [Fact]
    public void EndedAt_IsWhenAccessEnded_ClearedByAReactivation_AndUnsetForACheckoutThatExpiredUnpaid()
    {
        var subscription = Active();
        subscription.EndedAt.Should().BeNull();

        subscription.Cancel(CancellationReason.User, Now.AddDays(3));
        subscription.EndedAt.Should().Be(Now.AddDays(3));
        subscription.Activate(PeriodEnd, Now.AddDays(4));
        subscription.EndedAt.Should().BeNull();

        var unpaid = Pending();
        unpaid.Expire(Now.AddDays(1));
        unpaid.EndedAt.Should().BeNull("it never had access to lose");
    }

    [Fact]
    public void Activate_WhenAlreadyActive_Throws()
    {
        var subscription = Active();

        var activate = () => subscription.Activate(PeriodEnd, Now);

        activate.Should().Throw<InvalidTransitionException>();
        subscription.HasPendingEvents.Should().BeFalse();
    }

    [Fact]
    public void Activate_LifetimePlan_HasNoPeriodEnd()
    {
        var subscription = Pending(PlanType.Lifetime);

        subscription.Activate(PeriodEnd, Now);

        subscription.CurrentPeriodEnd.Should().BeNull();
        subscription.DequeueEvents().Should().Equal(new SubscriptionActivated(Tenant, 0, null, PlanType.Lifetime));
    }

    [Fact]
    public void Renew_WhenActive_ExtendsThePeriodAndRaisesRenewed()
    {
        var subscription = Active();
        var newEnd = PeriodEnd.AddMonths(1);
        var renewedAt = Now.AddDays(30);

        subscription.Renew(newEnd, renewedAt);

        subscription.Status.Should().Be(SubscriptionStatus.Active);
        subscription.CurrentPeriodEnd.Should().Be(newEnd);
        subscription.UpdatedAt.Should().Be(renewedAt);
        subscription.DequeueEvents().Should().Equal(new SubscriptionRenewed(Tenant, 0, null, PlanType.Monthly));
    }

    [Fact]
    public void Renew_WhenPending_ThrowsAndRaisesNothing()
    {
        var subscription = Pending();

        var renew = () => subscription.Renew(PeriodEnd, Now);

        renew.Should().Throw<DomainException>();
        subscription.CurrentPeriodEnd.Should().BeNull();
        subscription.HasPendingEvents.Should().BeFalse();
    }

    [Fact]
    public void AFailedPayment_KeepsAccessWithAPastDueTime_AndARenewalSettlesIt()
    {
        var subscription = Active();

        subscription.RecordPaymentFailure(PeriodEnd);
        subscription.RecordPaymentFailure(PeriodEnd.AddDays(1));

        subscription.Status.Should().Be(SubscriptionStatus.Active);
        subscription.GrantsAccess.Should().BeTrue();
        subscription.PastDueSince.Should().Be(PeriodEnd, "the first failure starts the grace period");
        subscription.Renew(PeriodEnd.AddMonths(1), PeriodEnd.AddDays(2));
        subscription.PastDueSince.Should().BeNull();
        subscription.DequeueEvents().Should().Equal(new SubscriptionRenewed(Tenant, 0, null, PlanType.Monthly));
    }

    [Fact]
    public void TheSweep_ExpiresAPastDueSubscription_OnlyAfterTheGracePeriod()
    {
        var subscription = Active();
        var grace = TimeSpan.FromDays(3);

        subscription.Sweep(PeriodEnd.AddHours(1), grace);
        subscription.Status.Should().Be(SubscriptionStatus.Active, "a late renewal webhook must not cost a paying subscriber access");
        subscription.PastDueSince.Should().Be(PeriodEnd);
        subscription.Sweep(PeriodEnd.AddDays(2), grace);
        subscription.Status.Should().Be(SubscriptionStatus.Active);

        subscription.Sweep(PeriodEnd.AddDays(3), grace);

        subscription.Status.Should().Be(SubscriptionStatus.Expired);
        subscription.DequeueEvents().Should().Equal(new SubscriptionExpired(Tenant, 0, null, PlanType.Monthly));
    }

    [Fact]
    public void CancellingAtThePeriodEnd_KeepsAccessUntilThen_ThenTheSweepCancels()
    {
        var subscription = Active();
        subscription.SetCancelAtPeriodEnd(true, Now.AddDays(5));

        subscription.Sweep(PeriodEnd.AddMinutes(-1), TimeSpan.FromDays(3));
        subscription.GrantsAccess.Should().BeTrue();
        subscription.CancelAtPeriodEnd.Should().BeTrue();

        subscription.Sweep(PeriodEnd, TimeSpan.FromDays(3));

        subscription.Status.Should().Be(SubscriptionStatus.Cancelled);
        subscription.CancelReason.Should().Be(CancellationReason.User);
        subscription.CancelAtPeriodEnd.Should().BeFalse();
    }

    [Fact]
    public void KeepingItRenewing_UndoesACancellationAtThePeriodEnd()
    {
        var subscription = Active();
        subscription.SetCancelAtPeriodEnd(true, Now);

        subscription.SetCancelAtPeriodEnd(false, Now.AddDays(1));
        subscription.Sweep(PeriodEnd, TimeSpan.FromDays(3));

        subscription.Status.Should().Be(SubscriptionStatus.Active);
    }

    [Fact]
    public void AFixedTerm_ExpiresAtItsEnd_AfterAReminderThreeDaysBefore()
    {
        var subscription = Pending(PlanType.Annual);
        subscription.Activate(PeriodEnd, Now, renews: false);

        subscription.NeedsRenewalReminder(PeriodEnd.AddDays(-4)).Should().BeFalse();
        subscription.NeedsRenewalReminder(PeriodEnd.AddDays(-3)).Should().BeTrue();
        subscription.MarkRenewalReminderSent(PeriodEnd.AddDays(-3));
        subscription.NeedsRenewalReminder(PeriodEnd.AddDays(-2)).Should().BeFalse("one reminder per term");
        subscription.Sweep(PeriodEnd, TimeSpan.FromDays(3));

        subscription.Status.Should().Be(SubscriptionStatus.Expired, "a term that does not renew has no grace");
    }

    [Fact]
    public void ARenewingPlanOrLifetime_GetsNoReminder_AndLifetimeNeverEnds()
    {
        var lifetime = Pending(PlanType.Lifetime);
        lifetime.Activate(null, Now);

        lifetime.Sweep(Now.AddYears(50), TimeSpan.FromDays(3));

        lifetime.Status.Should().Be(SubscriptionStatus.Active);
        lifetime.Renews.Should().BeFalse();
        Active().NeedsRenewalReminder(PeriodEnd.AddDays(-1)).Should().BeFalse();
        var cancel = () => lifetime.SetCancelAtPeriodEnd(true, Now);
        cancel.Should().Throw<DomainException>();
    }

    [Fact]
    public void AnOlderStripeEvent_IsNotApplied()
    {
        var subscription = Active();

        subscription.TryApplyEventAt(Now.AddMinutes(10)).Should().BeTrue();
        subscription.TryApplyEventAt(Now.AddMinutes(5)).Should().BeFalse();
        subscription.TryApplyEventAt(Now.AddMinutes(10)).Should().BeTrue("the same second is not older");

        subscription.LastEventAt.Should().Be(Now.AddMinutes(10));
    }

    [Fact]
    public void APlanWithAPeriod_NeedsItsEnd()
    {
        var activate = () => Pending().Activate(null, Now);

        activate.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData(CancellationReason.User)]
    [InlineData(CancellationReason.Refunded)]
    public void Cancel_RaisesSubscriptionCancelledWithTheReason(CancellationReason reason)
    {
        var subscription = Active();
        subscription.LinkTelegramUser(7, null, wasFreeLead: false);

        subscription.Cancel(reason, Now);

        subscription.Status.Should().Be(SubscriptionStatus.Cancelled);
        subscription.CancelReason.Should().Be(reason);
        subscription.GrantsAccess.Should().BeFalse();
        subscription.DequeueEvents().Should().Equal(new SubscriptionCancelled(Tenant, 0, 7, PlanType.Monthly, reason));
    }

    [Fact]
    public void Cancel_WhenPending_Throws()
    {
        var subscription = Pending();

        var cancel = () => subscription.Cancel(CancellationReason.User, Now);

        cancel.Should().Throw<InvalidTransitionException>();
        subscription.CancelReason.Should().BeNull();
    }

    [Fact]
    public void Expire_FromActive_RaisesSubscriptionExpired()
    {
        var subscription = Active();

        subscription.Expire(Now);

        subscription.Status.Should().Be(SubscriptionStatus.Expired);
        subscription.GrantsAccess.Should().BeFalse();
        subscription.DequeueEvents().Should().Equal(new SubscriptionExpired(Tenant, 0, null, PlanType.Monthly));
    }

    [Fact]
    public void Expire_FromPending_RaisesNothing()
    {
        var subscription = Pending();

        subscription.Expire(Now);

        subscription.Status.Should().Be(SubscriptionStatus.Expired);
        subscription.HasPendingEvents.Should().BeFalse();
    }

    [Fact]
    public void LinkTelegramUser_ToTheSameUserAgain_IsAllowed()
    {
        var subscription = Pending();
        subscription.LinkTelegramUser(42, "old", wasFreeLead: true);

        subscription.LinkTelegramUser(42, "new", wasFreeLead: false);

        subscription.TelegramUserId.Should().Be(42);
        subscription.TelegramUsername.Should().Be("new");
        subscription.IsConverted.Should().BeTrue("a conversion is never undone");
    }

    [Fact]
    public void LinkTelegramUser_ToADifferentUser_Throws()
    {
        var subscription = Pending();
        subscription.LinkTelegramUser(42, "trader", wasFreeLead: false);

        var link = () => subscription.LinkTelegramUser(43, "thief", wasFreeLead: false);

        link.Should().Throw<DomainException>();
        subscription.TelegramUserId.Should().Be(42);
        subscription.TelegramUsername.Should().Be("trader");
    }

    [Fact]
    public void LinkStripe_KeepsKnownIdsWhenGivenNull()
    {
        var subscription = Pending();
        subscription.LinkStripe("cus_1", null);

        subscription.LinkStripe(null, "sub_1");
        subscription.LinkStripe(null, null);

        subscription.StripeCustomerId.Should().Be("cus_1");
        subscription.StripeSubscriptionId.Should().Be("sub_1");
    }

    [Fact]
    public void AnEvent_CarriesTheValuesOfWhenItWasRaised_NotOfLaterChangesInTheSameUnitOfWork()
    {
        var subscription = Pending();

        subscription.Activate(PeriodEnd, Now);
        subscription.LinkTelegramUser(5_000_000_000, "payer", wasFreeLead: false);
        subscription.Cancel(CancellationReason.User, Now.AddDays(1));

        var events = subscription.DequeueEvents();
        events[0].Should().BeOfType<SubscriptionActivated>().Which.TelegramUserId.Should().BeNull();
        events[1].Should().BeOfType<SubscriptionCancelled>().Which.TelegramUserId.Should().Be(5_000_000_000);
    }

    [Fact]
    public void StripeIds_OnceSet_NeverMoveToAnotherPurchase()
    {
        var subscription = Pending();
        subscription.LinkStripe("cus_1", "sub_1");

        subscription.ConflictsWithStripe("cus_2", null).Should().BeTrue();
        subscription.ConflictsWithStripe(null, "sub_2").Should().BeTrue();
        subscription.ConflictsWithStripe("cus_1", "sub_1").Should().BeFalse();
        var takeOver = () => subscription.LinkStripe("cus_2", "sub_2");

        takeOver.Should().Throw<DomainException>();
        subscription.StripeCustomerId.Should().Be("cus_1");
        subscription.StripeSubscriptionId.Should().Be("sub_1");
    }

    [Fact]
    public void ACheckoutsSubscription_HoldsNoEmailUntilItClaimsItsPayers_AndRecordsOneSessionOnly()
    {
        var subscription = TelegramSubscription.BeginCheckout("t1", PlanType.Lifetime, " Payer@Example.COM ", Now);
        subscription.Email.Should().BeNull();
        subscription.PayerEmail.Should().Be("payer@example.com");
        subscription.RecordCheckoutSession("cs_1");
        subscription.RecordCheckoutSession("cs_1");

        var another = () => subscription.RecordCheckoutSession("cs_2");
        subscription.ClaimPayerEmail();

        another.Should().Throw<DomainException>();
        subscription.Email.Should().Be("payer@example.com");
    }

    [Fact]
    public void ADelayedPaymentFailure_KeepsTheCheckoutPendingWithItsReason_UntilAPaymentActivatesIt()
    {
        var subscription = Pending(PlanType.Lifetime);

        subscription.RecordCheckoutPaymentFailure("bank debit failed", Now);
        subscription.Status.Should().Be(SubscriptionStatus.Pending);
        subscription.PaymentFailureReason.Should().Be("bank debit failed");
        subscription.Activate(null, Now);

        subscription.PaymentFailureReason.Should().BeNull();
        var onActive = () => subscription.RecordCheckoutPaymentFailure("late", Now);
        onActive.Should().Throw<DomainException>();
    }
}
