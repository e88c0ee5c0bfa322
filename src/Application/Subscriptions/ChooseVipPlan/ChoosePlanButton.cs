using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// A plan button: a pending subscription for the presser and the plan, then a Stripe Checkout Session made for it
/// (subscription mode for monthly and annual, payment mode for lifetime) whose URL is sent as a button. The payment is
/// applied to that subscription alone, whatever email the payer types at Stripe. Access itself follows Stripe's webhook.
/// </summary>
internal sealed class ChoosePlanButton(
    IAppDbContext db, ITenantContext tenant, PlanOffers offers, BotReplies replies, ITenantStripe tenantStripe, VipCheckouts checkouts, TimeProvider clock)
    : IButtonHandler
{
    public const string DataPrefix = "vip_plan:";

    public string Prefix => DataPrefix;

    public async Task<string?> HandleAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        if (await db.TelegramSubscriptions.AnyAsync(s => s.TelegramUserId == context.From.Id && s.Status == SubscriptionStatus.Active, cancellationToken))
        {
            return "You already have VIP access.";
        }

        var chosen = context.Text[DataPrefix.Length..];
        var offer = (await offers.ListAsync(cancellationToken)).FirstOrDefault(o => o.Plan.ToString().Equals(chosen, StringComparison.OrdinalIgnoreCase));
        var settings = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (offer is null || tenantStripe.Of(settings) is not { } access)
        {
            return "This plan is no longer available. Send /vip to see the plans.";
        }

        var bot = await db.BotConnections.AsNoTracking().Where(c => c.BotTelegramId == context.BotTelegramId)
            .Select(c => c.BotUsername).FirstOrDefaultAsync(cancellationToken);
        var botLink = $"https://t.me/{bot}";
        var subscription = TelegramSubscription.BeginCheckout(tenant.RequiredTenantId, offer.Plan, null, clock.GetUtcNow());
        subscription.LinkTelegramUser(context.From.Id, context.From.Username, await FreeLeads.UserIds(db).ContainsAsync(context.From.Id, cancellationToken));
        db.TelegramSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        StripeCheckout checkout;
        try
        {
            checkout = await checkouts.CreateAsync(access, subscription, offer.PriceId, botLink, botLink, cancellationToken);
        }
        catch (Exception exception) when (exception is StripeUnavailableException or StripeRejectedException)
        {
            db.TelegramSubscriptions.Remove(subscription);
            await replies.ReplyAsync(context, "Sorry, payments are not available right now. Please try again in a moment.", cancellationToken);
            return null;
        }

        subscription.RecordCheckoutSession(checkout.SessionId);
        await replies.ReplyAsync(
            context,
            $"💳 <b>{offer.Name}</b>{(offer.Price is null ? string.Empty : $" — {TelegramHtml.Escape(offer.Price)}")}\n"
            + "Pay securely with Stripe. Your VIP invite arrives here as soon as the payment is confirmed.",
            [[new InlineButton("Pay now", Url: checkout.Url)]],
            cancellationToken);
        return null;
    }
}
