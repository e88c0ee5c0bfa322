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

    /// <summary>Never sent on purpose: its bot was disconnected from the tenant before it went out.</summary>
    Cancelled,
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

/// <summary>Which waiting message goes first: interactive replies, then notifications, then bulk sends.</summary>
public enum OutboxPriority
{
    Interactive = 0,
    Notification = 1,
    Bulk = 2,
}

/// <summary>What a feature asks to have sent: one Bot API call, by one bot, with its delivery rule.</summary>
/// <param name="DependsOnId">Another outbox row whose sent <c>message_id</c> this call needs (a reply, an edit, a copy).</param>
public sealed record OutboxRequest(
    string BotRole, long BotTelegramId, long ChatId, string Method, string PayloadJson, DeliverySemantics Delivery,
    OutboxPriority Priority, string Kind, string DedupeKey, DateTimeOffset? NotBefore = null, long? DependsOnId = null);

/// <summary>A Bot API call waiting to be made by the rate-limited sender of one bot.</summary>
public sealed class TelegramOutboxMessage : WorkItem, ITenantOwned
{
    public static readonly StateMachine<OutboxStatus> Transitions = new("Outbox message",
    [
        (OutboxStatus.Pending, [OutboxStatus.Sending, OutboxStatus.Failed, OutboxStatus.Cancelled]),
        (OutboxStatus.Sending, [OutboxStatus.Sent, OutboxStatus.Failed, OutboxStatus.Pending, OutboxStatus.Unknown]),
        (OutboxStatus.Failed, [OutboxStatus.Pending]),
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
        Kind = string.Empty;
    }

    public long Id { get; private set; }
    public string TenantId { get; private set; }
    public string BotRole { get; private set; }
    public long BotTelegramId { get; private set; }
    public long ChatId { get; private set; }
    public string Method { get; private set; }
    public string Payload { get; private set; }
    public DeliverySemantics Delivery { get; private set; }
    public OutboxPriority Priority { get; private set; }
    public string Kind { get; private set; }
    public long? DependsOnId { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int? TelegramMessageId { get; private set; }

    /// <summary>A text result of the call, e.g. the invite link <c>createChatInviteLink</c> made.</summary>
    public string? ResultText { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public static TelegramOutboxMessage Enqueue(string tenantId, OutboxRequest request, DateTimeOffset now)
    {
        var message = new TelegramOutboxMessage(
            tenantId, request.BotRole, request.ChatId, Guard.NotBlank(request.Method, "Method", 64), request.PayloadJson, request.Delivery, now)
        {
            BotTelegramId = request.BotTelegramId,
            Priority = request.Priority,
            Kind = Guard.NotBlank(request.Kind, "Kind", 32),
            DependsOnId = request.DependsOnId,
        };
        message.InitializeWork(request.NotBefore ?? now, request.DedupeKey);
        return message;
    }

    /// <summary>An admin asks to try a failed delivery again (it goes back to the queue).</summary>
    public void Retry(DateTimeOffset now)
    {
        Transitions.EnsureCanMove(Status, OutboxStatus.Pending);
        Status = OutboxStatus.Pending;
        RescheduleWork(now);
    }
}
