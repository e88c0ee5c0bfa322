using System.Security.Cryptography;
using System.Text;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Connections;
using PromoStack.Application.Telegram;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// A bot's webhook URL names the bot (its public id); the tenant is that bot's, and only once Telegram has proved it
/// knows the bot's secret token.
/// </summary>
public sealed class TelegramWebhookGate(ITelegramWebhooks webhooks, ISecretProtector secrets, TenantEntry tenants)
{
    /// <summary>The bot the delivery is for, with its tenant entered; null for an unknown bot or a wrong secret.</summary>
    public async Task<WebhookTarget?> EnterAsync(Guid publicId, string? secretToken, CancellationToken cancellationToken)
    {
        var target = await webhooks.FindAsync(publicId, cancellationToken);
        if (target is null || secretToken is null
            || !SameSecret(secretToken, secrets.Unprotect(ConnectionSecrets.WebhookSecret, target.EncryptedSecret)))
        {
            return null;
        }

        tenants.Enter(target.TenantId);
        return target;
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
