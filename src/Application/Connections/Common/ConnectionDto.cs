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
