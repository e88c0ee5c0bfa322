using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Common;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// <c>/start link_&lt;token&gt;</c>: the payer arrives from the checkout's success page; the token (single use,
/// expiring) links their Telegram account to exactly the subscription it was issued for.
/// </summary>
internal sealed class LinkDeepLink(IAppDbContext db, BotReplies replies, VipInvites invites, TimeProvider clock) : IStartPayloadHandler
{
    public string Prefix => "link_";

    public async Task HandleAsync(BotMessageContext context, string payload, CancellationToken cancellationToken)
    {
        var hash = LinkTokens.Hash(payload[Prefix.Length..]);
        var subscription = await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.LinkTokenHash == hash, cancellationToken);
        if (subscription is null)
        {
            await replies.ReplyAsync(context, "This link has expired or was already used. Send /start vip to see the plans.", cancellationToken);
            return;
        }

        try
        {
            var wasFreeLead = await FreeLeads.UserIds(db).ContainsAsync(context.From.Id, cancellationToken);
            subscription.ConsumeLinkToken(context.From.Id, context.From.Username, wasFreeLead, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await invites.SendAsync(subscription, cancellationToken);
            await replies.ReplyAsync(context, subscription.GrantsAccess
                ? "✅ Your VIP access is now linked to this Telegram account."
                : "✅ Linked. Your VIP access starts as soon as the payment is confirmed.", cancellationToken);
        }
        catch (DomainException exception)
        {
            await replies.ReplyAsync(context, Telegram.TelegramHtml.Escape(exception.Message), cancellationToken);
        }
    }
}
