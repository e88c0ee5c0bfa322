using PromoStack.Application.Telegram;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Signals;

/// <summary>Which of the tenant's channels a signal's message went to (as the signal bot's connection names them now).</summary>
public enum SignalPostChannel
{
    Vip,
    Free,

    /// <summary>A chat the connection no longer names (the channel was changed since).</summary>
    Other,
}

/// <summary>
/// A message posted for a signal, through the outbox: the VIP post, its edits and the replies announcing each change,
/// and the copies cross-promotion made of them in the FREE channel with their call to action.
/// </summary>
/// <param name="Id">The outbox message's number (a reply, an edit or a copy names the one it refers to in <paramref name="DependsOnId"/>).</param>
/// <param name="Step">
/// What the message is for: <c>opened</c> (the post), <c>tp1</c>, <c>tp2</c>, <c>tp3</c> or <c>end</c> (a change:
/// the post's edit and a reply), or the kind of the feature that sent it otherwise (<c>crosspromo</c>).
/// </param>
/// <param name="TelegramMessageId">The message's id in its chat, once sent.</param>
/// <param name="Content">What the message shows in its chat.</param>
public sealed record SignalPostDto(
    long Id, SignalPostChannel Channel, long? ChatId, string Step, OutboxStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    int? TelegramMessageId, long? DependsOnId, string? LastError, MessageContentDto? Content);
