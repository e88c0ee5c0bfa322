using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Stripe;

namespace PromoStack.Application.Stripe;

/// <summary>
/// Saves the Stripe settings. A new <see cref="SecretKey"/> (required the first time; omitted, the stored one stays)
/// is checked with Stripe before anything is saved (outside any transaction: the settings are read, Stripe is asked,
/// then one save); secrets are stored encrypted.
/// </summary>
public sealed record SaveStripeSettings(
    string? SecretKey, string? WebhookSecret, string? StripeAccountId, string? VipProductId, string? MonthlyPriceId, string? AnnualPriceId,
    string? LifetimePriceId) : ITenantCommand<StripeSettingsDto>, ICallsOutsideServices;

internal sealed class SaveStripeSettingsValidator : AbstractValidator<SaveStripeSettings>
{
    public SaveStripeSettingsValidator()
    {
        RuleFor(c => c.SecretKey).Matches("^(sk|rk)_(test|live)_[A-Za-z0-9]{8,200}$").When(c => c.SecretKey is not null)
            .WithMessage("A Stripe secret key looks like sk_live_… or sk_test_… (or a restricted rk_… key).");
        RuleFor(c => c.WebhookSecret).Matches("^whsec_[A-Za-z0-9+/=]{8,200}$").When(c => c.WebhookSecret is not null)
            .WithMessage("A webhook signing secret looks like whsec_….");
        RuleFor(c => c.StripeAccountId).Matches("^acct_[A-Za-z0-9]{4,100}$").When(c => c.StripeAccountId is not null)
            .WithMessage("A connected account id looks like acct_….");
        RuleFor(c => c.VipProductId).Matches("^prod_[A-Za-z0-9]{4,100}$").When(c => c.VipProductId is not null)
            .WithMessage("A product id looks like prod_….");
        foreach (var (price, name) in new (System.Linq.Expressions.Expression<Func<SaveStripeSettings, string?>>, string)[]
                 {
                     (c => c.MonthlyPriceId, "monthly"), (c => c.AnnualPriceId, "annual"), (c => c.LifetimePriceId, "lifetime"),
                 })
        {
            RuleFor(price).Matches("^price_[A-Za-z0-9]{4,100}$").WithMessage($"The {name} price id looks like price_….");
        }
    }
}

internal sealed class SaveStripeSettingsHandler(
    IAppDbContext db, ITenantContext tenant, ISecretProtector secrets, ITenantStripe tenantStripe, IStripeGateway stripe, IStripeWebhookSecrets webhookSecrets,
    TimeProvider clock)
    : ICommandHandler<SaveStripeSettings, StripeSettingsDto>
{
    public async ValueTask<StripeSettingsDto> Handle(SaveStripeSettings command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = await db.StripeSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            if (command.SecretKey is null)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("secretKey", "The secret key is required the first time.")]);
            }

            settings = TenantStripeSettings.Create(tenant.RequiredTenantId, now);
            db.StripeSettings.Add(settings);
        }

        var key = command.SecretKey ?? tenantStripe.Of(settings)!.SecretKey;
        if (command.SecretKey is not null || command.StripeAccountId != settings.StripeAccountId)
        {
            // Stripe says whether the key (and the connected account) work before anything is stored.
            await stripe.CheckAccessAsync(new StripeAccess(key, command.StripeAccountId), cancellationToken);
        }

        settings.SetSecrets(
            secrets.Protect(StripeSecrets.SecretKey, key),
            command.WebhookSecret is null ? null : secrets.Protect(StripeSecrets.WebhookSecret, command.WebhookSecret),
            now);
        settings.SetProduct(command.StripeAccountId, command.VipProductId, command.MonthlyPriceId, command.AnnualPriceId, command.LifetimePriceId, now);
        await db.SaveChangesAsync(cancellationToken);
        webhookSecrets.Forget();
        return StripeSettingsView.Of(settings, secrets);
    }
}
