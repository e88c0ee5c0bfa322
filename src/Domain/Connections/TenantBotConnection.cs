using PromoStack.Domain.Common;

namespace PromoStack.Domain.Connections;

/// <summary>Stored as <c>signal_bot</c> / <c>message_bot</c>.</summary>
public enum BotRole
{
    SignalBot,
    MessageBot,
}

/// <summary>
/// A tenant's Telegram bot. The token and webhook secret are held only in encrypted form (<see cref="BotToken"/> and
/// <see cref="WebhookSecret"/> are ciphertexts); the webhook URL carries <see cref="PublicId"/>, never the serial id.
/// </summary>
public sealed class TenantBotConnection : ITenantOwned
{
    private TenantBotConnection(string tenantId, BotRole botRole, Guid publicId, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        BotRole = botRole;
        PublicId = publicId;
        BotToken = string.Empty;
        WebhookSecret = string.Empty;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public BotRole BotRole { get; private set; }
    public string BotToken { get; private set; }
    public string? BotUsername { get; private set; }
    public long? BotTelegramId { get; private set; }
    public string? ChannelId { get; private set; }
    public string? FreeChannelId { get; private set; }
    public string WebhookSecret { get; private set; }
    public Guid PublicId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static TenantBotConnection Connect(
        string tenantId, BotRole role, BotIdentity identity, string encryptedToken, string encryptedWebhookSecret, DateTimeOffset now)
    {
        var connection = new TenantBotConnection(tenantId, role, Guid.NewGuid(), now);
        connection.Reconnect(identity, encryptedToken, encryptedWebhookSecret, now);
        return connection;
    }

    public void Reconnect(BotIdentity identity, string encryptedToken, string encryptedWebhookSecret, DateTimeOffset now)
    {
        BotTelegramId = identity.TelegramId;
        BotUsername = identity.Username;
        BotToken = encryptedToken;
        WebhookSecret = encryptedWebhookSecret;
        UpdatedAt = now;
    }

    public void SetChannels(string? vipChannelId, string? freeChannelId, DateTimeOffset now)
    {
        ChannelId = vipChannelId;
        FreeChannelId = freeChannelId;
        UpdatedAt = now;
    }
}

/// <summary>Who a bot is, as <c>getMe</c> reports it.</summary>
public sealed record BotIdentity(long TelegramId, string Username);
