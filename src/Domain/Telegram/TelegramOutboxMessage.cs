using PromoStack.Domain.Common;
using PromoStack.Domain.Jobs;

namespace PromoStack.Domain.Telegram;

/// <summary>Stored as <c>pending</c>, <c>sending</c>, <c>sent</c>, <c>failed</c>, <c>unknown</c>.</summary>
public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Unknown,
}

/// <summary>
/// What to do when a worker died between calling Telegram and recording the result. Telegram has no idempotency
/// key, so this window cannot be closed; each message kind chooses which way to be wrong.
/// </summary>
public enum DeliverySemantics
{
    /// <summary>Send again: a duplicate is better than a lost message (a private reply, an invite link).</summary>
    AtLeastOnce,

    /// <summary>Never send again: the message is marked <c>unknown</c> (a channel post, a cross-promo copy).</summary>
    AtMostOnce,
}

/// <summary>A Bot API call waiting to be made by the rate-limited sender of one bot.</summary>
public sealed class TelegramOutboxMessage : WorkItem, ITenantOwned
{
    public static readonly StateMachine<OutboxStatus> Transitions = new("Outbox message",
    [
        (OutboxStatus.Pending, [OutboxStatus.Sending]),
        (OutboxStatus.Sending, [OutboxStatus.Sent, OutboxStatus.Failed, OutboxStatus.Pending, OutboxStatus.Unknown]),
    ]);

    private TelegramOutboxMessage(
        string tenantId, string botRole, long chatId, string method, string payload, DeliverySemantics delivery, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        BotRole = botRole;
        ChatId = chatId;
        Method = method;
        Payload = payload;
        Delivery = delivery;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string TenantId { get; private set; }
    public string BotRole { get; private set; }
    public long ChatId { get; private set; }
    public string Method { get; private set; }
    public string Payload { get; private set; }
    public DeliverySemantics Delivery { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int? TelegramMessageId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public static TelegramOutboxMessage Enqueue(
        string tenantId, string botRole, long chatId, string method, string payloadJson, DeliverySemantics delivery,
        DateTimeOffset dueAt, string? dedupeKey, DateTimeOffset now)
    {
        var message = new TelegramOutboxMessage(tenantId, botRole, chatId, Guard.NotBlank(method, "Method", 64), payloadJson, delivery, now);
        message.InitializeWork(dueAt, dedupeKey);
        return message;
    }
}
