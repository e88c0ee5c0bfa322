using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Common;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Import;

/// <summary>
/// The original's <c>telegram_subscriptions</c>: paid VIP access becomes a subscription, free channel joins become
/// FREE channel memberships. How each status maps is in <c>docs/import.md</c>; in short, anyone paying keeps access:
/// <c>active</c>, <c>pending</c> with a payment, <c>left</c> (left the channel, still paying) and <c>payment_failed</c>
/// (past due from its last change, then Stripe's next event or the grace period decides) are active; <c>revoked</c>
/// is cancelled; <c>free_joined</c> and <c>abandoned</c> are FREE memberships (joined, left). The plan comes from
/// the free-text plan name (annual, lifetime, else monthly). The original kept no period end: a renewing plan's is
/// its next anniversary of the start (Stripe bills on that anchor), so the next renewal event extends it. A paid
/// subscriber who joined the VIP channel (<c>joined_at</c>) is a VIP member (left again when <c>left</c> or <c>revoked</c>).
/// </summary>
internal static class SubscriptionsImport
{
    public static async Task RunAsync(TenantImportSession session, CancellationToken cancellationToken)
    {
        var emails = session.Merge ? (await session.Db.TelegramSubscriptions.AsNoTracking().Where(s => s.Email != null).Select(s => s.Email!).ToListAsync(cancellationToken)).ToHashSet() : [];
        var stripeIds = session.Merge ? (await session.Db.TelegramSubscriptions.AsNoTracking().Where(s => s.StripeSubscriptionId != null).Select(s => s.StripeSubscriptionId!).ToListAsync(cancellationToken)).ToHashSet() : [];
        var members = session.Merge ? (await session.Db.ChannelMemberships.AsNoTracking().Select(m => new { m.ChannelKind, m.TelegramUserId }).ToListAsync(cancellationToken))
            .Select(m => (m.ChannelKind, m.TelegramUserId)).ToHashSet() : [];
        await foreach (var row in session.RowsAsync("telegram_subscriptions", "telegram_subscriptions", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.Text("id") ?? "?";
            try
            {
                if (!IsFree(row) && (emails.Contains(row.Text("email")?.Trim().ToLowerInvariant() ?? string.Empty) || stripeIds.Contains(row.Text("stripe_subscription_id") ?? string.Empty)))
                {
                    if (session.Merge)
                    {
                        session.AlreadyHere(row, "telegram_subscriptions", "a subscription of this email or Stripe subscription");
                    }
                    else
                    {
                        session.Quarantined(row, key, "telegram_subscriptions", "Another subscription of the tenant has the same email or Stripe subscription; one per email here.");
                    }

                    continue;
                }

                if (!IsFree(row))
                {
                    emails.Add(row.Text("email")?.Trim().ToLowerInvariant() ?? string.Empty);
                    if (row.Text("stripe_subscription_id") is { } stripeId)
                    {
                        stripeIds.Add(stripeId);
                    }
                }

                if (row.Long("telegram_user_id") is { } user && IsFree(row) && !members.Add((ChannelKind.Free, user)))
                {
                    session.AlreadyHere(row, "channel_memberships", "this FREE channel member");
                    continue;
                }

                await ImportAsync(session, row, key, members, cancellationToken);
            }
            catch (Exception exception) when (exception is DomainException or SourceFormatException)
            {
                session.Quarantined(row, key, "telegram_subscriptions", exception.Message);
            }
        }
    }

    private static async Task ImportAsync(
        TenantImportSession session, SourceRow row, string key, HashSet<(ChannelKind, long)> members, CancellationToken cancellationToken)
    {
        var status = row.Text("status") ?? "pending";
        var created = row.Time("created_at") ?? session.Now;
        var changed = row.Time("updated_at") ?? created;
        var userId = row.Long("telegram_user_id");
        var username = row.Text("telegram_username");
        if (IsFree(row))
        {
            if (status is not ("free_joined" or "abandoned" or "active" or "pending" or "left"))
            {
                throw new SourceFormatException($"Unknown status '{status}' for a free join.");
            }

            if (userId is null)
            {
                session.Skip(row, "channel_memberships", "free sign-ups that never joined the FREE channel (no Telegram user): nothing to keep");
                return;
            }

            var membership = ChannelMembership.Joined(session.TenantId, ChannelKind.Free, userId.Value, username, row.Text("invite_link"), row.Time("joined_at") ?? created);
            if (status is "abandoned" or "left")
            {
                membership.Leave(changed);
            }

            membership.DiscardEvents();
            await session.AddAsync(row, key, membership, "channel_memberships", m => m.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
            return;
        }

        var plan = Plan(row.Text("plan_type"), row.Text("stripe_subscription_id"));
        var email = row.RequiredText("email");
        var subscription = TelegramSubscription.Begin(session.TenantId, email, plan, created);
        subscription.LinkStripe(row.Text("stripe_customer_id"), row.Text("stripe_subscription_id"));
        if (userId is { } telegramUser)
        {
            subscription.LinkTelegramUser(telegramUser, username, wasFreeLead: row.Bool("is_converted") == true || row.Has("free_signup_at"));
        }

        var paidAt = row.Time("converted_at") ?? row.Time("joined_at") ?? created;
        switch (status)
        {
            case "active" or "left":
                subscription.Activate(PeriodEnd(plan, created, session.Now), paidAt);
                break;
            case "pending" when row.Has("stripe_subscription_id") || row.Decimal("amount_paid") > 0:
                subscription.Activate(PeriodEnd(plan, created, session.Now), paidAt);
                break;
            case "pending":
                break;
            case "payment_failed":
                subscription.Activate(PeriodEnd(plan, created, session.Now), paidAt);
                subscription.RecordPaymentFailure(changed);
                break;
            case "revoked":
                subscription.Activate(PeriodEnd(plan, created, session.Now), paidAt);
                subscription.Cancel(CancellationReason.Revoked, row.Time("revoked_at") ?? changed);
                break;
            default:
                throw new SourceFormatException($"Unknown status '{status}'.");
        }

        subscription.DiscardEvents();
        await session.AddAsync(row, key, subscription, "telegram_subscriptions", s => s.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (userId is { } member && (row.Has("joined_at") || status == "left") && members.Add((ChannelKind.Vip, member)))
        {
            var membership = ChannelMembership.Joined(session.TenantId, ChannelKind.Vip, member, username, row.Text("invite_link"), row.Time("joined_at") ?? created);
            if (status is "left" or "revoked")
            {
                membership.Leave(status == "revoked" ? row.Time("revoked_at") ?? changed : changed);
            }

            membership.DiscardEvents();
            session.AddAlso(membership);
        }
    }

    /// <summary>Free: nothing paid, or a plan named free (the original's own test).</summary>
    private static bool IsFree(SourceRow row) =>
        row.Decimal("amount_paid") is 0m && !row.Has("stripe_subscription_id")
        || (row.Text("plan_type") ?? string.Empty).Contains("free", StringComparison.OrdinalIgnoreCase);

    private static PlanType Plan(string? name, string? stripeSubscriptionId)
    {
        var text = (name ?? string.Empty).ToLowerInvariant();
        return text.Contains("lifetime", StringComparison.Ordinal) ? PlanType.Lifetime
            : text.Contains("annual", StringComparison.Ordinal) || text.Contains("year", StringComparison.Ordinal) ? PlanType.Annual
            : stripeSubscriptionId is null && text.Contains("one", StringComparison.Ordinal) ? PlanType.Lifetime
            : PlanType.Monthly;
    }

    /// <summary>The next anniversary of the start after now (monthly or yearly); none for lifetime.</summary>
    private static DateTimeOffset? PeriodEnd(PlanType plan, DateTimeOffset start, DateTimeOffset now)
    {
        if (plan == PlanType.Lifetime)
        {
            return null;
        }

        var end = start;
        for (var n = 1; end <= now; n++)
        {
            end = plan == PlanType.Annual ? start.AddYears(n) : start.AddMonths(n);
        }

        return end;
    }
}
