namespace PromoStack.Application.Telegram;

public interface ITelegramWebhooks
{
    Task<WebhookTarget?> FindAsync(Guid publicId, CancellationToken cancellationToken);
}

/// <summary>The bot a webhook URL belongs to, found by its public id across tenants.</summary>
public sealed record WebhookTarget(string TenantId, long BotTelegramId, string EncryptedSecret);
