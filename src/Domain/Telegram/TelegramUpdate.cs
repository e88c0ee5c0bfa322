using PromoStack.Domain.Common;
using PromoStack.Domain.Jobs;

namespace PromoStack.Domain.Telegram;

/// <summary>Stored as <c>pending</c>, <c>processing</c>, <c>processed</c>, <c>failed</c>.</summary>
public enum InboxStatus
{
    Pending,
    Processing,
    Processed,
    Failed,
}

/// <summary>
/// An update Telegram delivered to a bot's webhook, stored before anything is done with it, once per (bot,
/// <c>update_id</c>). The updates of one chat are processed one at a time in <c>update_id</c> order.
/// </summary>
public sealed class TelegramUpdate : WorkItem, ITenantOwned
{
    public static readonly StateMachine<InboxStatus> Transitions = new("Telegram update",
    [
        (InboxStatus.Pending, [InboxStatus.Processing]),
        (InboxStatus.Processing, [InboxStatus.Processed, InboxStatus.Failed, InboxStatus.Pending]),
    ]);

    private TelegramUpdate(string tenantId, long botTelegramId, long updateId, long? chatId, string kind, string payload, DateTimeOffset receivedAt)
    {
        TenantId = tenantId;
        BotTelegramId = botTelegramId;
        UpdateId = updateId;
        ChatId = chatId;
        Kind = kind;
        Payload = payload;
        ReceivedAt = receivedAt;
    }

    public long Id { get; private set; }
    public string TenantId { get; private set; }
    public long BotTelegramId { get; private set; }
    public long UpdateId { get; private set; }
    public long? ChatId { get; private set; }
    public string Kind { get; private set; }
    public string Payload { get; private set; }
    public InboxStatus Status { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
}
