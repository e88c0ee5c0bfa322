using PromoStack.Domain.Common;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// Which app instance sends for a bot right now: one sender per bot across all instances, so Telegram's per-bot
/// limits hold globally. A system table, written only by <see cref="TelegramSenderWorker"/> in SQL.
/// </summary>
public sealed class BotSenderLease : IGlobalEntity
{
    private BotSenderLease(long botTelegramId, string tenantId, Guid holder, DateTimeOffset lockedUntil)
    {
        BotTelegramId = botTelegramId;
        TenantId = tenantId;
        Holder = holder;
        LockedUntil = lockedUntil;
    }

    public long BotTelegramId { get; private set; }
    public string TenantId { get; private set; }
    public Guid Holder { get; private set; }
    public DateTimeOffset LockedUntil { get; private set; }
}
