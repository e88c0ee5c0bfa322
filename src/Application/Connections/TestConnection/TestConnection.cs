using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Connections;

/// <summary>Asks Telegram how the connection really stands: the bot, its rights in each channel, its webhook.</summary>
public sealed record TestConnection(BotRole Role) : ITenantQuery<ConnectionReport>;

public sealed record ConnectionReport(bool Ok, BotReport Bot, WebhookReport Webhook, IReadOnlyList<ChannelReport> Channels);

public sealed record BotReport(long Id, string Username);

public sealed record WebhookReport(bool Registered, string? Url, int PendingUpdates, string? LastError, DateTimeOffset? LastErrorAt);

/// <summary>One channel: is the bot an administrator there, with the rights the features need (post, edit, invite, ban)?</summary>
public sealed record ChannelReport(string Kind, string ChannelId, bool IsAdministrator, bool CanPost, bool CanEdit, bool CanInvite, bool CanBan)
{
    public bool Ok => IsAdministrator && CanPost && CanEdit && CanInvite && CanBan;
}

internal sealed class TestConnectionHandler(IAppDbContext db, ITelegramBotApi telegram, ISecretProtector secrets, IPublicUrls urls)
    : IQueryHandler<TestConnection, ConnectionReport>
{
    public async ValueTask<ConnectionReport> Handle(TestConnection query, CancellationToken cancellationToken)
    {
        var connection = await db.BotConnections.AsNoTracking().SingleOrDefaultAsync(c => c.BotRole == query.Role, cancellationToken)
            ?? throw new NotFoundException("Connection", BotRoleNames.Of(query.Role));
        if (connection.IsSandbox)
        {
            throw new ConflictException("A sandbox bot never reaches Telegram, so there is nothing to test.");
        }

        var token = secrets.Unprotect(ConnectionSecrets.Token, connection.BotToken);

        var identity = await telegram.GetMeAsync(token, cancellationToken);
        var info = await telegram.GetWebhookInfoAsync(token, cancellationToken);
        var expected = urls.TelegramWebhook(connection.PublicId).ToString();
        var webhook = new WebhookReport(info.Url == expected, info.Url, info.PendingUpdateCount, info.LastErrorMessage, info.LastErrorDate);

        var channels = new List<ChannelReport>();
        foreach (var (kind, channelId) in new[] { ("vip", connection.ChannelId), ("free", connection.FreeChannelId) })
        {
            if (channelId is not null)
            {
                var rights = await telegram.GetChannelRightsAsync(token, channelId, identity.TelegramId, cancellationToken);
                channels.Add(new ChannelReport(kind, channelId, rights is not null, rights?.CanPostMessages ?? false,
                    rights?.CanEditMessages ?? false, rights?.CanInviteUsers ?? false, rights?.CanRestrictMembers ?? false));
            }
        }

        var ok = identity.TelegramId == connection.BotTelegramId && webhook.Registered && channels.All(c => c.Ok);
        return new ConnectionReport(ok, new BotReport(identity.TelegramId, identity.Username), webhook, channels);
    }
}
