using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>
/// The one definition of a free lead, for every feature that targets them (broadcasts, campaigns, the leads view):
/// a Telegram user who joined the tenant's FREE channel or started one of its bots, and has never paid for a
/// subscription (one that was only started at checkout does not count). Demo users are not leads. Composable queries,
/// tenant-scoped by the context's filters.
/// </summary>
public static class FreeLeads
{
    /// <summary>The Telegram user ids of the tenant's free leads.</summary>
    public static IQueryable<long> UserIds(IAppDbContext db) =>
        db.BotUsers.Where(u => !u.IsDemo).Select(u => u.ChatId)
            .Union(db.ChannelMemberships.Where(m => m.ChannelKind == ChannelKind.Free && !m.IsDemo).Select(m => m.TelegramUserId))
            .Where(id => !db.TelegramSubscriptions.Any(s => s.TelegramUserId == id && s.FirstPaidAt != null));

    /// <summary>
    /// The free leads a bot can write to: bots cannot start a conversation, so only users who started the bot, and
    /// not those who blocked it or unsubscribed.
    /// </summary>
    public static IQueryable<BotUser> Reachable(IAppDbContext db) =>
        db.BotUsers.Where(u => u.MessageBotLastSeenAt != null && !u.IsBlocked && u.UnsubscribedAt == null && !u.IsDemo
                               && !db.TelegramSubscriptions.Any(s => s.TelegramUserId == u.ChatId && s.FirstPaidAt != null));
}
