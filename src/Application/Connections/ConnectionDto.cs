using System.Linq.Expressions;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Connections;

/// <summary>A bot connection as admins see it: the token only in masked form, never the webhook secret.</summary>
public sealed record ConnectionDto(
    BotRole Role, long BotId, string? BotUsername, string Token, string? ChannelId, string? FreeChannelId, Guid WebhookId, bool Sandbox,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static readonly Expression<Func<TenantBotConnection, ConnectionDto>> Projection = c => new ConnectionDto(
        c.BotRole, c.BotTelegramId, c.BotUsername, c.BotTokenHint, c.ChannelId, c.FreeChannelId, c.PublicId, c.IsSandbox, c.CreatedAt, c.UpdatedAt);

    private static readonly Func<TenantBotConnection, ConnectionDto> FromEntity = Projection.Compile();

    public static ConnectionDto From(TenantBotConnection c) => FromEntity(c);
}

/// <summary>Purposes of the secrets a connection stores (a ciphertext of one can never be read as the other).</summary>
public static class ConnectionSecrets
{
    public const string Token = "telegram.bot-token";
    public const string WebhookSecret = "telegram.webhook-secret";
}

/// <summary>Cross-tenant facts about bots, answered by the tenancy directory.</summary>
public interface IBotRegistry
{
    /// <summary>Whether another tenant has connected this bot (one bot has one webhook, so it can serve one tenant).</summary>
    Task<bool> IsConnectedToAnotherTenantAsync(long botTelegramId, CancellationToken cancellationToken);
}
