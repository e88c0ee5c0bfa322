using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>
/// Applies one stored update for the tenant, in the inbox's per-chat order: bot users are recorded (and marked when
/// they block or unblock the bot), joins and leaves of the tenant's channels become memberships, and a join a
/// <see cref="UserJoinedChannel"/> event.
/// </summary>
public sealed record HandleTelegramUpdate(long BotTelegramId, IncomingUpdate Update) : ITenantCommand<Unit>;

internal sealed class HandleTelegramUpdateHandler(
    IAppDbContext db, ITenantContext tenant, MessageRouter router, IEnumerable<IBotRoleRouter> roleRouters, ITelegramOutbox outbox,
    IEnumerable<IJoinRequestHandler> joinRequests, IEnumerable<IChannelPostHandler> channelPosts, IEnumerable<IButtonHandler> buttons, TimeProvider clock)
    : ICommandHandler<HandleTelegramUpdate, Unit>
{
    public async ValueTask<Unit> Handle(HandleTelegramUpdate command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        switch (command.Update)
        {
            case PrivateMessage message:
                var role = await RoleOfAsync(command.BotTelegramId, cancellationToken);
                var author = await SeenAsync(role, message.ChatId, message.From, now, cancellationToken);
                if (message.Text is { Length: > 0 } text && role is { } by)
                {
                    var context = new BotMessageContext(command.BotTelegramId, by, message.UpdateId, message.ChatId, message.From, text, author);
                    await (roleRouters.FirstOrDefault(r => r.Role == by) is { } own
                        ? own.RouteAsync(context, cancellationToken)
                        : router.RouteAsync(context, cancellationToken));
                }

                break;
            case ButtonPressed press:
                await PressedAsync(command.BotTelegramId, press, now, cancellationToken);
                break;
            case BotStatusChanged { IsPrivateChat: true } status:
                var statusRole = await RoleOfAsync(command.BotTelegramId, cancellationToken);
                var user = await SeenAsync(statusRole, status.ChatId, status.By, now, cancellationToken);
                // Each bot is blocked on its own: blocking the coupon bot leaves the message bot able to write, and the other way round.
                switch (statusRole, status.BotIsMember)
                {
                    case (BotRole.CouponBot, true):
                        user.MarkCouponBotUnblocked();
                        break;
                    case (BotRole.CouponBot, false):
                        user.MarkCouponBotBlocked();
                        break;
                    case (_, true):
                        user.MarkUnblocked();
                        break;
                    default:
                        user.MarkBlocked();
                        break;
                }

                break;
            case MemberChanged change when await ChannelKindAsync(command.BotTelegramId, change.ChatId, change.ChatUsername, cancellationToken) is { } kind:
                await ApplyMembershipAsync(kind, change, now, cancellationToken);
                break;
            case JoinRequested request when await ChannelKindAsync(command.BotTelegramId, request.ChatId, request.ChatUsername, cancellationToken) is { } channel:
                foreach (var handler in joinRequests)
                {
                    if (await handler.TryHandleAsync(tenant.RequiredTenantId, channel, request, cancellationToken))
                    {
                        break;
                    }
                }

                break;
            case ChannelPosted post when await ChannelKindAsync(command.BotTelegramId, post.ChatId, post.ChatUsername, cancellationToken) is { } postedIn:
                foreach (var handler in channelPosts)
                {
                    await handler.HandleAsync(tenant.RequiredTenantId, postedIn, post, cancellationToken);
                }

                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>
    /// A press in a private chat goes to the feature whose prefix its data has; every press is answered (with the
    /// feature's notice, if any), so the user's client stops waiting.
    /// </summary>
    private async Task PressedAsync(long botTelegramId, ButtonPressed press, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await RoleOfAsync(botTelegramId, cancellationToken) is not { } role)
        {
            return;
        }

        string? notice = null;
        if ((press.ChatId ?? press.From.Id) == press.From.Id)
        {
            var presser = await SeenAsync(role, press.From.Id, press.From, now, cancellationToken);
            if (press.Data is { Length: > 0 } data
                && buttons.Where(b => data.StartsWith(b.Prefix, StringComparison.Ordinal)).MaxBy(b => b.Prefix.Length) is { } handler)
            {
                notice = await handler.HandleAsync(new BotMessageContext(botTelegramId, role, press.UpdateId, press.From.Id, press.From, data, presser), cancellationToken);
            }
        }

        await outbox.EnqueueAsync(
            new AnswerButton(press.CallbackQueryId, notice),
            new OutboxOptions(role, $"answer:{press.CallbackQueryId}", "button_answer", OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
            cancellationToken);
    }

    /// <summary>The bot user, recorded or refreshed as seen by the bot of <paramref name="role"/> (each bot has its own blocked flag).</summary>
    private async Task<BotUser> SeenAsync(BotRole? role, long chatId, TelegramUser from, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = await db.BotUsers.SingleOrDefaultAsync(u => u.ChatId == chatId, cancellationToken);
        var byCouponBot = role == BotRole.CouponBot;
        if (user is null)
        {
            user = byCouponBot
                ? BotUser.FirstSeenByCouponBot(tenant.RequiredTenantId, chatId, from.Username, from.FirstName, from.LastName, now)
                : BotUser.FirstSeen(tenant.RequiredTenantId, chatId, from.Username, from.FirstName, from.LastName, now);
            db.BotUsers.Add(user);
        }
        else if (byCouponBot)
        {
            user.SeenByCouponBot(from.Username, from.FirstName, from.LastName, now);
        }
        else
        {
            user.Seen(from.Username, from.FirstName, from.LastName, now);
        }

        return user;
    }

    /// <summary>The role of the bot an update came through; the message bot's when one bot serves both.</summary>
    private async Task<BotRole?> RoleOfAsync(long botTelegramId, CancellationToken cancellationToken)
    {
        var roles = await db.BotConnections.Where(c => c.BotTelegramId == botTelegramId).Select(c => c.BotRole).ToListAsync(cancellationToken);
        return roles.Count == 0 ? null
            : roles.Contains(BotRole.CouponBot) ? BotRole.CouponBot
            : roles.Contains(BotRole.MessageBot) ? BotRole.MessageBot
            : BotRole.SignalBot;
    }

    /// <summary>The tenant's channel this chat is, per the signal bot's connection (by id or @username).</summary>
    private async Task<ChannelKind?> ChannelKindAsync(long botTelegramId, long chatId, string? chatUsername, CancellationToken cancellationToken)
    {
        var channels = await db.BotConnections.AsNoTracking()
            .Where(c => c.BotRole == BotRole.SignalBot && c.BotTelegramId == botTelegramId)
            .Select(c => new { c.ChannelId, c.FreeChannelId })
            .SingleOrDefaultAsync(cancellationToken);
        bool Is(string? configured) =>
            configured is not null && (configured == chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                       || (chatUsername is not null && configured.Equals($"@{chatUsername}", StringComparison.OrdinalIgnoreCase)));
        return channels is null ? null : Is(channels.ChannelId) ? ChannelKind.Vip : Is(channels.FreeChannelId) ? ChannelKind.Free : null;
    }

    private async Task ApplyMembershipAsync(ChannelKind kind, MemberChanged change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var membership = await db.ChannelMemberships
            .SingleOrDefaultAsync(m => m.ChannelKind == kind && m.TelegramUserId == change.Member.Id, cancellationToken);
        if (change.IsMember && !change.WasMember)
        {
            if (membership is null)
            {
                db.ChannelMemberships.Add(ChannelMembership.Joined(
                    tenant.RequiredTenantId, kind, change.Member.Id, change.Member.Username, change.InviteLink, now));
            }
            else
            {
                membership.Join(change.Member.Username, change.InviteLink, now);
            }
        }
        else if (!change.IsMember && change.WasMember)
        {
            membership?.Leave(now);
        }
    }
}
