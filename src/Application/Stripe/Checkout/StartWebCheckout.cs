using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Stripe.Checkout;

public sealed record CheckoutDto(string Url);

/// <summary>
/// A checkout from the tenant's website (no sign-in): a pending subscription for the email and plan, and a Stripe
/// Checkout page whose success page is the tenant's bot with a single-use <c>link_</c> deep link (valid 7 days) that
/// links the payer's Telegram account to this very subscription.
/// </summary>
public sealed record StartWebCheckout(string TenantId, string Email, PlanType Plan) : ICommand<CheckoutDto>, ITenantAgnostic;

internal sealed class StartWebCheckoutValidator : AbstractValidator<StartWebCheckout>
{
    public StartWebCheckoutValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(320).EmailAddress();
        RuleFor(c => c.Plan).IsInEnum();
    }
}

internal sealed class StartWebCheckoutHandler(
    IAppDbContext db, ITenantContext tenant, ISecretProtector secrets, IStripeGateway stripe, TimeProvider clock)
    : ICommandHandler<StartWebCheckout, CheckoutDto>
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    public async ValueTask<CheckoutDto> Handle(StartWebCheckout command, CancellationToken cancellationToken)
    {
        tenant.Enter(command.TenantId);
        var settings = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var priceId = command.Plan switch
        {
            PlanType.Monthly => settings?.VipPriceId,
            PlanType.Annual => settings?.AnnualPriceId,
            _ => settings?.LifetimePriceId,
        };
        if (settings?.SecretKey is null || priceId is null)
        {
            throw new NotFoundException("Plan", command.Plan.ToString().ToLowerInvariant());
        }

        var bot = await db.BotConnections.AsNoTracking().Where(c => c.BotRole == BotRole.MessageBot).Select(c => c.BotUsername).SingleOrDefaultAsync(cancellationToken)
                  ?? throw new ConflictException("This business has not connected its bot yet.");
        var now = clock.GetUtcNow();
        var email = command.Email.Trim().ToLowerInvariant();
        var subscription = await db.TelegramSubscriptions.SingleOrDefaultAsync(s => s.Email == email, cancellationToken);
        if (subscription is { GrantsAccess: true })
        {
            throw new ConflictException("This email already has VIP access.");
        }

        if (subscription is null)
        {
            subscription = TelegramSubscription.Begin(tenant.RequiredTenantId, email, command.Plan, now);
            db.TelegramSubscriptions.Add(subscription);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        subscription.IssueLinkToken(LinkTokens.Hash(token), now + LinkLifetime);
        await db.SaveChangesAsync(cancellationToken);

        var botLink = $"https://t.me/{bot}";
        var checkout = await stripe.CreateCheckoutAsync(
            new StripeAccess(secrets.Unprotect(StripeSecrets.SecretKey, settings.SecretKey), settings.StripeAccountId),
            new StripeCheckoutRequest(
                priceId, command.Plan != PlanType.Lifetime, email, $"{botLink}?start=link_{token}", botLink,
                new Dictionary<string, string>
                {
                    ["tenant_id"] = tenant.RequiredTenantId,
                    ["subscription_id"] = subscription.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["plan"] = command.Plan.ToString().ToLowerInvariant(),
                }),
            cancellationToken);
        return new CheckoutDto(checkout.Url);
    }
}

public static class LinkTokens
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
