using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Domain.Stripe;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>A tenant's Stripe settings with a webhook secret, stored as the app stores them (encrypted with that app's key ring).</summary>
public static class StripeWebhookSetup
{
    public static async Task SaveSecretsAsync(IServiceProvider services, string tenantId, string webhookSecret, DateTimeOffset now)
    {
        var secrets = services.GetRequiredService<ISecretProtector>();
        var settings = TenantStripeSettings.Create(tenantId, now);
        settings.SetSecrets(secrets.Protect(StripeSecrets.SecretKey, "sk_test_x12345678"), secrets.Protect(StripeSecrets.WebhookSecret, webhookSecret), now);
        var db = services.GetRequiredService<AppDbContext>();
        db.StripeSettings.Add(settings);
        await db.SaveChangesAsync();
    }
}
