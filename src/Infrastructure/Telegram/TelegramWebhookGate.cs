using System.Security.Cryptography;
using System.Text;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Connections;
using PromoStack.Application.Telegram;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.Infrastructure.Webhooks;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// A bot's webhook URL names the bot (its public id); the tenant is that bot's, and only once Telegram has proved it
/// knows the bot's secret token. The cheap checks come first: a delivery without a secret, or naming an id of a form
/// we never generate, is refused without a lookup, and a bot is looked up at most once per
/// <see cref="CachedTelegramWebhooks.Lifetime"/> (an unknown id once per <see cref="CachedTelegramWebhooks.UnknownLifetime"/>),
/// never for a source over its limits (<see cref="WebhookSource"/>).
/// </summary>
public sealed class TelegramWebhookGate(CachedTelegramWebhooks webhooks, ISecretProtector secrets, TenantEntry tenants)
{
    /// <summary>The bot the delivery is for, with its tenant entered; refused for an unknown bot or a wrong secret.</summary>
    public async Task<WebhookVerdict<WebhookTarget>> EnterAsync(Guid publicId, string? secretToken, WebhookSource source, CancellationToken cancellationToken)
    {
        if (source.IsOverRequestCap)
        {
            return WebhookVerdict.Limit<WebhookTarget>();
        }

        if (string.IsNullOrEmpty(secretToken) || !IsOurs(publicId))
        {
            return WebhookVerdict.Fail<WebhookTarget>(source);
        }

        if (!webhooks.TryRecall(publicId, acceptStale: source.IsLimited, out var target))
        {
            if (source.IsLimited)
            {
                return WebhookVerdict.Limit<WebhookTarget>();
            }

            target = await webhooks.LookUpAsync(publicId, cancellationToken);
        }

        if (target is null || !SameSecret(secretToken, secrets.Unprotect(ConnectionSecrets.WebhookSecret, target.EncryptedSecret)))
        {
            return WebhookVerdict.Fail<WebhookTarget>(source);
        }

        tenants.Enter(target.TenantId);
        return WebhookVerdict.Admit(target);
    }

    /// <summary>Our public ids are random GUIDs (<see cref="Guid.NewGuid"/>: version 4, RFC 9562 variant).</summary>
    private static bool IsOurs(Guid publicId) => publicId.Version == 4 && publicId.Variant is >= 0b1000 and <= 0b1011;

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
