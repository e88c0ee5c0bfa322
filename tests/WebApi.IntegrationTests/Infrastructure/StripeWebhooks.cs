using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Stripe;
using PromoStack.Domain.Stripe;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>Stripe's side of the webhook for tests: a tenant's stored secrets, an event, a signed delivery.</summary>
public static class StripeWebhooks
{
    /// <summary>A tenant's Stripe settings with a webhook secret, stored as the app stores them (encrypted with that app's key ring).</summary>
    public static async Task SaveSecretsAsync(IServiceProvider services, string tenantId, string webhookSecret, DateTimeOffset now)
    {
        var secrets = services.GetRequiredService<ISecretProtector>();
        var settings = TenantStripeSettings.Create(tenantId, now);
        settings.SetSecrets(secrets.Protect(StripeSecrets.SecretKey, "sk_test_x12345678"), secrets.Protect(StripeSecrets.WebhookSecret, webhookSecret), now);
        var db = services.GetRequiredService<AppDbContext>();
        db.StripeSettings.Add(settings);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The pending subscription our checkout makes before its Checkout Session (as the bot and the web checkout do);
    /// its id is what the session's metadata names.
    /// </summary>
    public static async Task<int> SeedPendingCheckoutAsync(IServiceProvider services, string tenantId, PlanType plan, DateTimeOffset now, long? telegramUserId = null, string? payerEmail = null)
    {
        var subscription = TelegramSubscription.BeginCheckout(tenantId, plan, payerEmail, now);
        if (telegramUserId is { } user)
        {
            subscription.LinkTelegramUser(user, null, wasFreeLead: false);
        }

        var db = services.GetRequiredService<AppDbContext>();
        db.TelegramSubscriptions.Add(subscription);
        await db.SaveChangesAsync();
        return subscription.Id;
    }

    /// <summary>The metadata our checkouts put on the session and the Stripe subscription.</summary>
    public static JsonObject OurMetadata(string tenantId, int subscriptionId, string plan) => new()
    {
        ["tenant_id"] = tenantId, ["subscription_id"] = subscriptionId.ToString(CultureInfo.InvariantCulture), ["plan"] = plan,
    };

    /// <summary>An event envelope around <paramref name="obj"/> (a copy), as Stripe posts it.</summary>
    public static string Event(string id, string type, JsonObject obj, DateTimeOffset created, string apiVersion = "2020-08-27") => new JsonObject
    {
        ["id"] = id, ["object"] = "event", ["api_version"] = apiVersion, ["created"] = created.ToUnixTimeSeconds(), ["type"] = type,
        ["data"] = new JsonObject { ["object"] = obj.DeepClone() },
    }.ToJsonString();

    /// <summary>Posts the exact body to the tenant's webhook, signed with <paramref name="secret"/> at <paramref name="at"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string secret, DateTimeOffset at, string tenant = "alpha")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, string.Create(CultureInfo.InvariantCulture, $"/api/stripe/webhook/{tenant}"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", StripeSignature.Header(body, secret, at));
        return await client.SendAsync(request);
    }
}
