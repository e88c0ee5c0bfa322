using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Application.Telegram.Leads;
using PromoStack.Application.Telegram.Routing;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Stripe.Checkout;

/// <summary>A plan the tenant sells: its Stripe price and, once the catalogue is synced, what it costs.</summary>
internal sealed record PlanOffer(PlanType Plan, string PriceId, string? Price)
{
    public string Name => Plan.ToString();

    public string Label => Price is null ? Name : $"{Name} · {Price}";
}

/// <summary>The plans a tenant has a price for, priced from the cached Stripe catalogue.</summary>
internal sealed class PlanOffers(IAppDbContext db)
{
    public async Task<IReadOnlyList<PlanOffer>> ListAsync(CancellationToken cancellationToken)
    {
        var settings = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings?.SecretKey is null)
        {
            return [];
        }

        (PlanType Plan, string? PriceId)[] configured =
            [(PlanType.Monthly, settings.VipPriceId), (PlanType.Annual, settings.AnnualPriceId), (PlanType.Lifetime, settings.LifetimePriceId)];
        var priceIds = configured.Where(c => c.PriceId is not null).Select(c => c.PriceId!).ToList();
        var prices = await db.StripePrices.AsNoTracking().Where(p => priceIds.Contains(p.StripePriceId))
            .ToDictionaryAsync(p => p.StripePriceId, cancellationToken);
        return
        [
            .. configured.Where(c => c.PriceId is not null).Select(c => new PlanOffer(
                c.Plan, c.PriceId!,
                prices.TryGetValue(c.PriceId!, out var price) && price.UnitAmount is { } amount
                    ? StripeMoney.Format(amount, price.Currency) + StripeMoney.Per(price.RecurringInterval, price.RecurringIntervalCount)
                    : null)),
        ];
    }
}

/// <summary>
/// <c>/start vip</c> (also <c>/vip</c>): the plans as buttons. The <c>vip</c> prefix is reserved for this feature.
/// An active subscriber is pointed to /status instead.
/// </summary>
internal sealed class VipPlansStart(IAppDbContext db, PlanOffers offers, BotReplies replies) : IStartPayloadHandler, IBotCommand
{
    public string Prefix => "vip";

    public string Name => "vip";

    public Task HandleAsync(BotMessageContext context, string payload, CancellationToken cancellationToken) => ShowAsync(context, cancellationToken);

    Task IBotCommand.HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken) => ShowAsync(context, cancellationToken);

    private async Task ShowAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        if (await db.TelegramSubscriptions.AnyAsync(s => s.TelegramUserId == context.From.Id && s.Status == SubscriptionStatus.Active, cancellationToken))
        {
            await replies.ReplyAsync(context, "✅ You already have VIP access. /status shows your plan and sends your link if you need one.", cancellationToken);
            return;
        }

        var plans = await offers.ListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            await replies.ReplyAsync(context, "VIP is not on sale right now. Please check back soon.", cancellationToken);
            return;
        }

        await replies.ReplyAsync(
            context, "⭐ <b>VIP access</b>\nChoose your plan:",
            [.. plans.Select(p => (IReadOnlyList<InlineButton>)[new InlineButton(p.Label, CallbackData: ChoosePlanButton.DataPrefix + p.Plan.ToString().ToLowerInvariant())])],
            cancellationToken);
    }
}

/// <summary>
/// A plan button: a pending subscription for the presser and the plan, then a Stripe Checkout Session made for it
/// (subscription mode for monthly and annual, payment mode for lifetime) whose URL is sent as a button. The payment is
/// applied to that subscription alone, whatever email the payer types at Stripe. Access itself follows Stripe's webhook.
/// </summary>
internal sealed class ChoosePlanButton(IAppDbContext db, ITenantContext tenant, PlanOffers offers, BotReplies replies, VipCheckouts checkouts, TimeProvider clock)
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
        if (offer is null || settings?.SecretKey is null)
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
            checkout = await checkouts.CreateAsync(settings, subscription, offer.PriceId, botLink, botLink, cancellationToken);
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

/// <summary>Stripe amounts (minor units) as people read them.</summary>
internal static class StripeMoney
{
    private static readonly HashSet<string> ZeroDecimal =
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"];

    public static string Format(long minorUnits, string currency)
    {
        var code = currency.ToLowerInvariant();
        var amount = ZeroDecimal.Contains(code)
            ? minorUnits.ToString("N0", CultureInfo.InvariantCulture)
            : (minorUnits / 100m).ToString("N2", CultureInfo.InvariantCulture);
        return code switch
        {
            "usd" => $"${amount}",
            "eur" => $"€{amount}",
            "gbp" => $"£{amount}",
            _ => $"{amount} {code.ToUpperInvariant()}",
        };
    }

    /// <summary><c>/month</c>, <c>/3 months</c>, or <c> once</c> for a one-time price.</summary>
    public static string Per(string? interval, int? count) => interval is null
        ? " once"
        : count is > 1 ? $" / {count} {interval}s" : $"/{interval}";
}
