using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// A subscription with what is known of its life: its history, its VIP invite links (never usable from here) and its
/// Stripe ids. Personal data as <see cref="GetSubscription"/> shows it: masked, the Telegram and Stripe ids left out, for
/// a member.
/// </summary>
public sealed record GetSubscriptionDetail(int Id) : ITenantQuery<SubscriptionDetailDto>
{
    /// <summary>How many history entries, and how many invite links, are listed at most (the newest).</summary>
    public const int MaxEntries = 200;
}

/// <param name="Subscription">As <c>GET /api/subscriptions/{id}</c> returns it.</param>
/// <param name="History">What happened to it, the newest first, at most 200 entries.</param>
/// <param name="VipInvites">Its VIP invite links of the last 30 days (a link works 72 hours), the newest first.</param>
public sealed record SubscriptionDetailDto(
    SubscriptionDto Subscription, IReadOnlyList<SubscriptionHistoryEntryDto> History, IReadOnlyList<VipInviteDto> VipInvites, SubscriptionStripeDto Stripe);

/// <summary>
/// One change in a subscription's life. The row records when it was created, first activated, last ended and since when
/// a payment is overdue; the changes of the last 30 days (every activation, renewal, cancellation, expiry) come from the
/// events stored with them. An activation or end the row records is listed once, with its event when that is kept.
/// </summary>
/// <param name="Summary">A sentence for people (English).</param>
public sealed record SubscriptionHistoryEntryDto(DateTimeOffset At, SubscriptionHistoryType Type, string Summary);

/// <summary>Serialized as <c>created</c>, <c>activated</c>, <c>renewed</c>, <c>payment_overdue</c>, <c>cancelled</c>, <c>expired</c>.</summary>
public enum SubscriptionHistoryType
{
    Created,
    Activated,
    Renewed,
    PaymentOverdue,
    Cancelled,
    Expired,
}

/// <param name="CreatedAt">When the link was asked of Telegram.</param>
/// <param name="ExpiresAt">When Telegram stops accepting it (72 hours after).</param>
/// <param name="LinkHint">The link's start (<c>https://t.me/+AbC…</c>), never the whole link; null until Telegram made it.</param>
/// <param name="SentToSubscriber">Whether the message bot's message carrying it went out.</param>
/// <param name="UsedAt">When someone joined the VIP channel through it.</param>
/// <param name="UsedByOwner">Whether that was the subscriber (false: someone else, who was removed); null when unused.</param>
/// <param name="RevokedAt">When it was revoked: replaced by a newer link, or after a join by someone without access.</param>
public sealed record VipInviteDto(
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, VipInviteState State, string? LinkHint, bool SentToSubscriber, DateTimeOffset? UsedAt,
    bool? UsedByOwner, DateTimeOffset? RevokedAt);

/// <summary>
/// Serialized as <c>pending</c> (Telegram has not made it yet), <c>failed</c> (Telegram did not make it), <c>active</c>
/// (it would let someone in now), <c>used</c>, <c>revoked</c>, <c>expired</c>.
/// </summary>
public enum VipInviteState
{
    Pending,
    Failed,
    Active,
    Used,
    Revoked,
    Expired,
}

/// <summary>The Stripe objects the subscription is linked to; the ids are left out for a member.</summary>
/// <param name="CheckoutSessionId">The Checkout Session made for it (none for a grant or a subscription made in Stripe).</param>
/// <param name="PaymentIntentId">The payment a refund must name: a one-time purchase's, or the latest paid invoice's.</param>
/// <param name="LastEventAt">Stripe's time of the last event applied to it; an older one changes nothing.</param>
public sealed record SubscriptionStripeDto(
    string? CustomerId, string? SubscriptionId, string? CheckoutSessionId, string? PaymentIntentId, DateTimeOffset? LastEventAt);

internal sealed class GetSubscriptionDetailHandler(
    IAppDbContext db, ISubscriptionEventLog events, PersonalData personal, TypeAdapterConfig mappings, TimeProvider clock)
    : IQueryHandler<GetSubscriptionDetail, SubscriptionDetailDto>
{
    /// <summary>How long after a change the row records its event may have been stored (both are written by one transaction).</summary>
    private static readonly TimeSpan SameChange = TimeSpan.FromMinutes(1);

    private const string Expired = "Expired: access ended.";

    public async ValueTask<SubscriptionDetailDto> Handle(GetSubscriptionDetail query, CancellationToken cancellationToken)
    {
        var subscription = await db.TelegramSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.Id, cancellationToken)
                           ?? throw new NotFoundException("Subscription", query.Id);
        var recorded = await events.ListAsync(subscription.Id, GetSubscriptionDetail.MaxEntries, cancellationToken);
        var invites = await VipInviteHistory.ListAsync(
            db, subscription.Id, subscription.TelegramUserId, clock.GetUtcNow(), GetSubscriptionDetail.MaxEntries, cancellationToken);
        var stripe = new SubscriptionStripeDto(
            personal.Id(subscription.StripeCustomerId), personal.Id(subscription.StripeSubscriptionId), personal.Id(subscription.StripeCheckoutSessionId),
            personal.Id(subscription.StripePaymentIntentId), subscription.LastEventAt);
        return new SubscriptionDetailDto(
            subscription.Adapt<SubscriptionDto>(mappings).MaskedFor(personal), History(subscription, recorded), invites, stripe);
    }

    private static List<SubscriptionHistoryEntryDto> History(TelegramSubscription subscription, IReadOnlyList<RecordedSubscriptionEvent> recorded)
    {
        var entries = recorded.Select(Entry).OfType<SubscriptionHistoryEntryDto>().ToList();

        // What the row records, unless the event of the same change is listed (it is stored a moment later).
        void FromRow(DateTimeOffset? at, SubscriptionHistoryType type, string summary)
        {
            if (at is { } when && !entries.Any(e => e.Type == type && e.At >= when && e.At - when <= SameChange))
            {
                entries.Add(new SubscriptionHistoryEntryDto(when, type, summary));
            }
        }

        entries.Add(new SubscriptionHistoryEntryDto(
            subscription.CreatedAt, SubscriptionHistoryType.Created, subscription.StripeCheckoutSessionId is null ? "Created." : "Checkout started."));
        FromRow(subscription.FirstPaidAt, SubscriptionHistoryType.Activated, "Access granted for the first time.");
        if (subscription.Status is SubscriptionStatus.Cancelled && subscription.CancelReason is { } reason)
        {
            FromRow(subscription.EndedAt, SubscriptionHistoryType.Cancelled, Cancelled(reason));
        }
        else if (subscription.Status is SubscriptionStatus.Expired)
        {
            FromRow(subscription.EndedAt, SubscriptionHistoryType.Expired, Expired);
        }

        FromRow(subscription.PastDueSince, SubscriptionHistoryType.PaymentOverdue, "A payment is overdue: access is kept through the grace period.");
        return [.. entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Type).Take(GetSubscriptionDetail.MaxEntries)];
    }

    private static SubscriptionHistoryEntryDto? Entry(RecordedSubscriptionEvent recorded) => recorded.Event switch
    {
        SubscriptionActivated activated => new(recorded.OccurredAt, SubscriptionHistoryType.Activated, $"Access granted ({Name(activated.Plan)} plan)."),
        SubscriptionRenewed renewed => new(recorded.OccurredAt, SubscriptionHistoryType.Renewed, $"Renewed ({Name(renewed.Plan)} plan): paid for another period."),
        SubscriptionCancelled cancelled => new(recorded.OccurredAt, SubscriptionHistoryType.Cancelled, Cancelled(cancelled.Reason)),
        SubscriptionExpired => new(recorded.OccurredAt, SubscriptionHistoryType.Expired, Expired),
        _ => null,
    };

    private static string Cancelled(CancellationReason reason) => reason switch
    {
        CancellationReason.Revoked => "Revoked by an admin: access ended.",
        CancellationReason.Refunded => "Cancelled: the payment was refunded.",
        CancellationReason.Deleted => "Cancelled: the Stripe customer was deleted.",
        _ => "Cancelled: access ended.",
    };

    private static string Name(PlanType plan) => plan.ToString().ToLowerInvariant();
}
