using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>On activation (first or renewed access after an end), the subscriber gets their link.</summary>
internal sealed class SendVipInvite(IAppDbContext db, VipInvites invites) : IDomainEventHandler<SubscriptionActivated>
{
    public async Task HandleAsync(SubscriptionActivated domainEvent, CancellationToken cancellationToken)
    {
        // Not linked to Telegram yet, or the bots are not set up: the link goes when they link (or ask with /status).
        if (await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.Id == domainEvent.SubscriptionId, cancellationToken) is { } subscription)
        {
            await invites.SendAsync(subscription, cancellationToken);
        }
    }
}
