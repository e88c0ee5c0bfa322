using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// What webhooks should have done but did not (one never came): cancellations at the period end, renewals never seen
/// (past due from the period end, expired after the grace period), fixed terms that ran out; and the reminder before
/// a non-renewing term ends; and a checkout whose Checkout Session was never made (the request died before Stripe
/// answered), which no webhook will ever settle, expires after a day. The same domain rules as the webhooks, so a late
/// webhook finds a consistent state.
/// </summary>
public sealed record SweepSubscriptions : ITenantCommand<int>;

internal sealed class SweepSubscriptionsHandler(IAppDbContext db, ITelegramOutbox outbox, IOptions<SubscriptionOptions> options, TimeProvider clock)
    : ICommandHandler<SweepSubscriptions, int>
{
    /// <summary>How long a pending subscription without a Checkout Session may wait for one.</summary>
    public static readonly TimeSpan UnstartedCheckoutLifetime = TimeSpan.FromDays(1);

    public async ValueTask<int> Handle(SweepSubscriptions command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var unstartedSince = now - UnstartedCheckoutLifetime;
        var unstarted = await db.TelegramSubscriptions
            .Where(s => s.Status == SubscriptionStatus.Pending && s.StripeCheckoutSessionId == null && s.StripeSubscriptionId == null && s.CreatedAt < unstartedSince)
            .ToListAsync(cancellationToken);
        foreach (var checkout in unstarted)
        {
            checkout.Expire(now);
        }

        var soon = now + TelegramSubscription.ReminderLead;
        var due = await db.TelegramSubscriptions
            .Where(s => s.Status == SubscriptionStatus.Active && (s.CurrentPeriodEnd <= soon || s.PastDueSince != null))
            .ToListAsync(cancellationToken);
        var canMessage = await db.BotConnections.AnyAsync(c => c.BotRole == BotRole.MessageBot, cancellationToken);
        var changed = 0;
        foreach (var subscription in due)
        {
            var before = subscription.Status;
            subscription.Sweep(now, TimeSpan.FromDays(options.Value.GraceDays));
            changed += subscription.Status != before ? 1 : 0;
            if (canMessage && subscription.NeedsRenewalReminder(now) && subscription.TelegramUserId is { } chat)
            {
                await outbox.EnqueueAsync(
                    new SendText(chat, $"⏳ Your VIP access ends on <b>{subscription.CurrentPeriodEnd!.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}</b>. Send /start vip to renew."),
                    new OutboxOptions(BotRole.MessageBot, $"renewal-reminder:{subscription.Id}:{subscription.CurrentPeriodEnd:yyyyMMdd}", "reminder",
                        OutboxPriority.Notification, DeliverySemantics.AtLeastOnce),
                    cancellationToken);
                subscription.MarkRenewalReminderSent(now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed + unstarted.Count;
    }
}
