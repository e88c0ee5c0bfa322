using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Stripe;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// A checkout from the tenant's website (no sign-in): a pending subscription of its own for the plan, and a Stripe
/// Checkout page made for it, whose success page is the tenant's bot with a single-use <c>link_</c> deep link (valid
/// 7 days) that links the payer's Telegram account to this very subscription. The answer is the same whatever the
/// email already has (no way to learn who subscribes), and another checkout for the same email leaves this one's link
/// working. Stripe is called outside any transaction: the pending row is committed first, the session recorded after.
/// </summary>
public sealed record StartWebCheckout(string Email, PlanType Plan) : ITenantCommand<CheckoutDto>, ICallsOutsideServices;

public sealed record CheckoutDto(string Url);

internal sealed class StartWebCheckoutValidator : AbstractValidator<StartWebCheckout>
{
    public StartWebCheckoutValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(320).EmailAddress();
        RuleFor(c => c.Plan).IsInEnum();
    }
}

internal sealed class StartWebCheckoutHandler(IAppDbContext db, ITenantContext tenant, ITenantStripe tenantStripe, VipCheckouts checkouts, TimeProvider clock)
    : ICommandHandler<StartWebCheckout, CheckoutDto>
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    public async ValueTask<CheckoutDto> Handle(StartWebCheckout command, CancellationToken cancellationToken)
    {
        var settings = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var priceId = command.Plan switch
        {
            PlanType.Monthly => settings?.VipPriceId,
            PlanType.Annual => settings?.AnnualPriceId,
            _ => settings?.LifetimePriceId,
        };
        if (tenantStripe.Of(settings) is not { } access || priceId is null)
        {
            throw new NotFoundException("Plan", command.Plan.ToString().ToLowerInvariant());
        }

        var bot = await db.BotConnections.AsNoTracking().Where(c => c.BotRole == BotRole.MessageBot).Select(c => c.BotUsername).SingleOrDefaultAsync(cancellationToken)
                  ?? throw new ConflictException("This business has not connected its bot yet.");
        var now = clock.GetUtcNow();
        var subscription = TelegramSubscription.BeginCheckout(tenant.RequiredTenantId, command.Plan, command.Email, now);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        subscription.IssueLinkToken(LinkTokens.Hash(token), now + LinkLifetime);
        db.TelegramSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);

        var botLink = $"https://t.me/{bot}";
        StripeCheckout checkout;
        try
        {
            checkout = await checkouts.CreateAsync(access, subscription, priceId, $"{botLink}?start=link_{token}", botLink, cancellationToken);
        }
        catch (Exception exception) when (exception is StripeUnavailableException or StripeRejectedException)
        {
            // No session was made: the reserved row is no open checkout (CancellationToken.None: the request may be gone).
            subscription.Expire(clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        subscription.RecordCheckoutSession(checkout.SessionId);
        await db.SaveChangesAsync(CancellationToken.None);
        return new CheckoutDto(checkout.Url);
    }
}
