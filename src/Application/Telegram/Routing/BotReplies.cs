using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>Replies to a private message through the outbox, once per update, from the bot that received it.</summary>
public sealed class BotReplies(ITelegramOutbox outbox, IAppDbContext db)
{
    public Task ReplyAsync(BotMessageContext context, string html, CancellationToken cancellationToken) =>
        ReplyAsync(context, html, null, cancellationToken);

    public Task ReplyAsync(BotMessageContext context, string html, IReadOnlyList<IReadOnlyList<InlineButton>>? buttons, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(
            new SendText(context.ChatId, html, buttons),
            new OutboxOptions(context.Bot, $"reply:{context.BotTelegramId}:{context.UpdateId}", "reply", OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
            cancellationToken);

    /// <summary>The tenant's text for a bot setting, or its default.</summary>
    public async Task<string> SettingAsync(string key, CancellationToken cancellationToken) =>
        await db.BotConfig.Where(c => c.SettingKey == key).Select(c => c.SettingValue).SingleOrDefaultAsync(cancellationToken)
        ?? BotSettings.Find(key)?.DefaultValue
        ?? throw new ArgumentOutOfRangeException(nameof(key), key, "Not a bot setting.");
}
