using PromoStack.Domain.Common;

namespace PromoStack.Domain.Subscriptions;

/// <summary>Stored as <c>pending</c>, <c>active</c>, <c>past_due</c>, <c>cancelled</c>, <c>expired</c>.</summary>
public enum SubscriptionStatus
{
    Pending,
    Active,
    PastDue,
    Cancelled,
    Expired,
}

/// <summary>Stored as <c>monthly</c>, <c>annual</c>, <c>lifetime</c>.</summary>
public enum PlanType
{
    Monthly,
    Annual,
    Lifetime,
}

/// <summary>Stored as <c>user</c>, <c>revoked</c>, <c>refunded</c>, <c>deleted</c>.</summary>
public enum CancellationReason
{
    User,
    Revoked,
    Refunded,
    Deleted,
}

/// <summary>VIP access bought through Stripe. Only an active subscription grants the VIP channel.</summary>
public sealed class TelegramSubscription : AggregateRoot, ITenantOwned
{
    public static readonly StateMachine<SubscriptionStatus> Transitions = new("Subscription",
    [
        (SubscriptionStatus.Pending, [SubscriptionStatus.Active, SubscriptionStatus.Expired]),
        (SubscriptionStatus.Active, [SubscriptionStatus.PastDue, SubscriptionStatus.Cancelled, SubscriptionStatus.Expired]),
        (SubscriptionStatus.PastDue, [SubscriptionStatus.Active, SubscriptionStatus.Cancelled, SubscriptionStatus.Expired]),
        (SubscriptionStatus.Cancelled, [SubscriptionStatus.Active]),
        (SubscriptionStatus.Expired, [SubscriptionStatus.Active]),
    ]);

    private TelegramSubscription(string tenantId, string email, PlanType planType, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Email = email;
        PlanType = planType;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string Email { get; private set; }
    public string? StripeCustomerId { get; private set; }
    public string? StripeSubscriptionId { get; private set; }
    public PlanType PlanType { get; private set; }
    public long? TelegramUserId { get; private set; }
    public string? TelegramUsername { get; private set; }
    public SubscriptionStatus Status { get; private set; }
    public bool IsConverted { get; private set; }
    public CancellationReason? CancelReason { get; private set; }
    public DateTimeOffset? CurrentPeriodEnd { get; private set; }

    /// <summary>When it first became active (was paid for); a Telegram user with such a subscription is no free lead.</summary>
    public DateTimeOffset? FirstPaidAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool GrantsAccess => Status is SubscriptionStatus.Active or SubscriptionStatus.PastDue;

    public static TelegramSubscription Begin(string tenantId, string email, PlanType plan, DateTimeOffset now) =>
        new(tenantId, Guard.NotBlank(email, "Email", 320).ToLowerInvariant(), plan, now);

    public void LinkStripe(string? customerId, string? subscriptionId)
    {
        StripeCustomerId = customerId ?? StripeCustomerId;
        StripeSubscriptionId = subscriptionId ?? StripeSubscriptionId;
    }

    /// <summary>Links the paying Telegram user. Once linked, a subscription never changes hands.</summary>
    public void LinkTelegramUser(long telegramUserId, string? username, bool wasFreeLead)
    {
        if (TelegramUserId is { } existing && existing != telegramUserId)
        {
            throw new DomainException("This subscription is already linked to another Telegram user.");
        }

        TelegramUserId = telegramUserId;
        TelegramUsername = username;
        IsConverted |= wasFreeLead;
    }

    /// <summary>First activation or reactivation; raises <see cref="SubscriptionActivated"/>.</summary>
    public void Activate(DateTimeOffset? periodEnd, DateTimeOffset now)
    {
        var wasPastDue = Status == SubscriptionStatus.PastDue;
        Move(SubscriptionStatus.Active, now);
        FirstPaidAt ??= now;
        CurrentPeriodEnd = PlanType == PlanType.Lifetime ? null : periodEnd;
        CancelReason = null;
        var (userId, plan) = (TelegramUserId, PlanType);
        Raise(wasPastDue ? Renewed() : () => new SubscriptionActivated(TenantId, Id, userId, plan));
    }

    /// <summary>A paid renewal of an active subscription: extends the period, no status change.</summary>
    public void Renew(DateTimeOffset periodEnd, DateTimeOffset now)
    {
        if (Status != SubscriptionStatus.Active)
        {
            throw new DomainException($"Only an active subscription can be renewed (it is {Status}).");
        }

        CurrentPeriodEnd = periodEnd;
        UpdatedAt = now;
        Raise(Renewed());
    }

    public void MarkPastDue(DateTimeOffset now) => Move(SubscriptionStatus.PastDue, now);

    public void Cancel(CancellationReason reason, DateTimeOffset now)
    {
        Move(SubscriptionStatus.Cancelled, now);
        CancelReason = reason;
        var (userId, plan) = (TelegramUserId, PlanType);
        Raise(() => new SubscriptionCancelled(TenantId, Id, userId, plan, reason));
    }

    public void Expire(DateTimeOffset now)
    {
        var hadAccess = GrantsAccess;
        Move(SubscriptionStatus.Expired, now);
        if (hadAccess)
        {
            var (userId, plan) = (TelegramUserId, PlanType);
            Raise(() => new SubscriptionExpired(TenantId, Id, userId, plan));
        }
    }

    /// <summary>The renewal event, with the linked user and plan as they are now (the id is read once inserted).</summary>
    private Func<IDomainEvent> Renewed()
    {
        var (userId, plan) = (TelegramUserId, PlanType);
        return () => new SubscriptionRenewed(TenantId, Id, userId, plan);
    }

    private void Move(SubscriptionStatus to, DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, to);
        Status = to;
        UpdatedAt = now;
    }
}
