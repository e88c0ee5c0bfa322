using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary><c>/cancel</c>: asks to confirm ending a renewing subscription at its period end.</summary>
internal sealed class CancelBotCommand(IAppDbContext db, BotReplies replies, TimeProvider clock) : IBotCommand
{
    public const string Confirmation = "vip_cancel";

    public string Name => "cancel";

    public async Task HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken)
    {
        var subscription = await db.TelegramSubscriptions.FirstOrDefaultAsync(
            s => s.TelegramUserId == context.From.Id && s.Status == SubscriptionStatus.Active, cancellationToken);
        if (subscription is not { Renews: true, CancelAtPeriodEnd: false, CurrentPeriodEnd: { } end })
        {
            await replies.ReplyAsync(context, subscription is null
                ? "You have no active VIP subscription."
                : "Your VIP access does not renew by itself: there is nothing to cancel. /status shows until when it runs.", cancellationToken);
            return;
        }

        context.User.AskToConfirm(Confirmation, clock.GetUtcNow().AddMinutes(10));
        await replies.ReplyAsync(
            context, $"Cancel your VIP subscription? You keep access until {end.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}. Reply <b>YES</b> to confirm.",
            cancellationToken);
    }
}

/// <summary>The answer to a question the bot asked (a pending confirmation), before journeys and keywords.</summary>
internal sealed class CancelConfirmation(IAppDbContext db, BotReplies replies, ITenantStripe tenantStripe, IStripeGateway stripe, TimeProvider clock)
    : IConversationHandler
{
    public ConversationStage Stage => ConversationStage.PendingConfirmation;

    public async Task<bool> TryHandleAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (context.User.PendingConfirmation != CancelBotCommand.Confirmation || context.User.TakePendingConfirmation(now) is null)
        {
            return false;
        }

        var subscription = await db.TelegramSubscriptions.FirstOrDefaultAsync(
            s => s.TelegramUserId == context.From.Id && s.Status == SubscriptionStatus.Active && s.Renews, cancellationToken);
        if (!context.Text.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase) || subscription is null)
        {
            await replies.ReplyAsync(context, "Nothing changed: your VIP subscription continues.", cancellationToken);
            return true;
        }

        // Stripe first: it is what stops the charges. If it fails, nothing changes here and the user is told to retry.
        if (subscription.StripeSubscriptionId is { } stripeId && await tenantStripe.ForCurrentTenantAsync(cancellationToken) is { } access)
        {
            try
            {
                await stripe.SetCancelAtPeriodEndAsync(access, stripeId, true, cancellationToken);
            }
            catch (Exception exception) when (exception is StripeUnavailableException or StripeRejectedException)
            {
                await replies.ReplyAsync(context, "Sorry, the cancellation did not go through. Please try /cancel again in a moment.", cancellationToken);
                return true;
            }
        }

        subscription.SetCancelAtPeriodEnd(true, now);
        await replies.ReplyAsync(context,
            $"Done: your subscription will not renew. You keep VIP access until {subscription.CurrentPeriodEnd!.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}.",
            cancellationToken);
        return true;
    }
}
