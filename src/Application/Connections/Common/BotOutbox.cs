using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Connections;

internal static class BotOutbox
{
    /// <summary>
    /// A bot that leaves the tenant takes none of its queued messages along: the ones not yet sent are cancelled with
    /// the reason, so a later owner of the bot never sends or fails them. Messages already in flight settle as usual.
    /// </summary>
    public static Task<int> CancelQueuedAsync(IAppDbContext db, long botTelegramId, CancellationToken cancellationToken) =>
        db.TelegramOutbox.Where(m => m.BotTelegramId == botTelegramId && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(
                m => m.SetProperty(x => x.Status, OutboxStatus.Cancelled).SetProperty(x => x.LastError, "Not sent: the bot was disconnected from this workspace."),
                cancellationToken);
}
