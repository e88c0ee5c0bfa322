using PromoStack.Domain.Common;

namespace PromoStack.Domain.Connections;

/// <summary>Stored as <c>signal_bot</c> / <c>message_bot</c> / <c>coupon_bot</c>.</summary>
public enum BotRole
{
    /// <summary>Administers the VIP and FREE channels: posts, copies, invite links, removals, join requests.</summary>
    SignalBot,

    /// <summary>Talks to users in private chats.</summary>
    MessageBot,

    /// <summary>Turns a partner's coupon codes into promo images for its affiliates; a bot of its own.</summary>
    CouponBot,
}

/// <summary>The names roles have in URLs and storage: <c>signal_bot</c>, <c>message_bot</c>, <c>coupon_bot</c>.</summary>
public static class BotRoleNames
{
    public const string SignalBot = "signal_bot";
    public const string MessageBot = "message_bot";
    public const string CouponBot = "coupon_bot";

    public static string Of(BotRole role) => role switch
    {
        BotRole.SignalBot => SignalBot,
        BotRole.MessageBot => MessageBot,
        _ => CouponBot,
    };

    public static BotRole Parse(string name) => name switch
    {
        SignalBot => BotRole.SignalBot,
        MessageBot => BotRole.MessageBot,
        CouponBot => BotRole.CouponBot,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "A bot role is signal_bot, message_bot or coupon_bot."),
    };
}

/// <summary>
/// A tenant's Telegram bot in one role. The token and webhook secret are held only in encrypted form
/// (<see cref="BotToken"/> and <see cref="WebhookSecret"/> are ciphertexts; <see cref="BotTokenHint"/> is the masked
/// form shown to admins); the webhook URL carries <see cref="PublicId"/>, never the serial id. A tenant may use one
/// bot for both roles: the two rows then share the bot's webhook (public id and secret).
/// </summary>
public sealed class TenantBotConnection : ITenantOwned
{
    public const int ChannelIdMaxLength = 64;

    private TenantBotConnection(string tenantId, BotRole botRole, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        BotRole = botRole;
        BotToken = string.Empty;
        BotTokenHint = string.Empty;
        WebhookSecret = string.Empty;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public BotRole BotRole { get; private set; }
    public string BotToken { get; private set; }
    public string BotTokenHint { get; private set; }
    public string? BotUsername { get; private set; }
    public long BotTelegramId { get; private set; }
    public string? ChannelId { get; private set; }
    public string? FreeChannelId { get; private set; }
    public string WebhookSecret { get; private set; }
    public Guid PublicId { get; private set; }

    /// <summary>A local stand-in (Development only): its sends are recorded as delivered and nothing reaches Telegram.</summary>
    public bool IsSandbox { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static TenantBotConnection Connect(string tenantId, BotRole role, BotCredentials credentials, BotChannels channels, DateTimeOffset now)
    {
        var connection = new TenantBotConnection(tenantId, role, now);
        connection.Reconnect(credentials, channels, now);
        return connection;
    }

    /// <summary>
    /// A sandbox bot for local use: no token, a negative id no real bot can have, sends recorded as delivered.
    /// </summary>
    public static TenantBotConnection ConnectSandbox(string tenantId, BotRole role, BotChannels channels, DateTimeOffset now)
    {
        var roleName = BotRoleNames.Of(role);
        var identity = new BotIdentity(-(1_000_000_000L + (uint)StableHash($"{tenantId}/{roleName}")), $"{tenantId}_{roleName}_sandbox");
        var connection = Connect(tenantId, role, new BotCredentials(identity, string.Empty, "sandbox", new WebhookBinding(Guid.NewGuid(), string.Empty)), channels, now);
        connection.IsSandbox = true;
        return connection;
    }

    /// <summary>Points this role at a (possibly other) bot, with its webhook and channels.</summary>
    public void Reconnect(BotCredentials credentials, BotChannels channels, DateTimeOffset now)
    {
        if (BotRole != BotRole.SignalBot && (channels.VipChannelId is not null || channels.FreeChannelId is not null))
        {
            throw new DomainException($"Only the signal bot administers channels; the {BotRoleNames.Of(BotRole).Replace('_', ' ')} talks to users.");
        }

        BotTelegramId = credentials.Identity.TelegramId;
        BotUsername = credentials.Identity.Username;
        BotToken = credentials.EncryptedToken;
        IsSandbox = false;
        BotTokenHint = credentials.TokenHint;
        WebhookSecret = credentials.Webhook.EncryptedSecret;
        PublicId = credentials.Webhook.PublicId;
        ChannelId = channels.VipChannelId;
        FreeChannelId = channels.FreeChannelId;
        UpdatedAt = now;
    }

    public bool IsSameBotAs(BotIdentity identity) => BotTelegramId == identity.TelegramId;

    /// <summary>What <see cref="Reconnect"/> needs to put this connection back as it is now.</summary>
    public (BotCredentials Credentials, BotChannels Channels) Snapshot() =>
        (new BotCredentials(new BotIdentity(BotTelegramId, BotUsername ?? string.Empty), BotToken, BotTokenHint, Webhook), new BotChannels(ChannelId, FreeChannelId));

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    public WebhookBinding Webhook => new(PublicId, WebhookSecret);
}

/// <summary>Who a bot is, as <c>getMe</c> reports it.</summary>
public sealed record BotIdentity(long TelegramId, string Username);

/// <summary>The webhook of one bot: the public id in its URL and the encrypted secret Telegram echoes back.</summary>
public sealed record WebhookBinding(Guid PublicId, string EncryptedSecret);

/// <summary>A bot's identity, encrypted token, masked token and webhook.</summary>
public sealed record BotCredentials(BotIdentity Identity, string EncryptedToken, string TokenHint, WebhookBinding Webhook);

/// <summary>The channels a signal bot administers (VIP and FREE); none for a message bot.</summary>
public sealed record BotChannels(string? VipChannelId, string? FreeChannelId)
{
    public static BotChannels None { get; } = new(null, null);
}
