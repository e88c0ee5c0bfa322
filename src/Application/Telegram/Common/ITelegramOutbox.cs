using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>
/// The one way features send to Telegram: the call is queued in the feature's own transaction (it is sent only if
/// the feature's change commits) and delivered by the sender of the tenant's bot, in priority order, at Telegram's
/// rate limits. The returned row is the outbox id other messages may depend on (a reply, an edit). Enqueuing the
/// same dedupe key again returns the row already queued: a message is queued once and sent once.
/// </summary>
public interface ITelegramOutbox
{
    Task<TelegramOutboxMessage> EnqueueAsync(OutgoingMessage message, OutboxOptions options, CancellationToken cancellationToken);
}

/// <summary>How a message is queued: who sends it, its dedupe key, kind, priority and delivery rule.</summary>
public sealed record OutboxOptions(
    BotRole Bot, string DedupeKey, string Kind, OutboxPriority Priority, DeliverySemantics Delivery, DateTimeOffset? NotBefore = null);

/// <summary>A Bot API call a feature wants made, in its own terms (no Telegram.Bot types outside Infrastructure).</summary>
public abstract record OutgoingMessage(long ChatId);

/// <summary>An inline URL or callback button.</summary>
public sealed record InlineButton(string Text, string? Url = null, string? CallbackData = null);

/// <summary>HTML text (escape user-provided parts with <see cref="TelegramHtml.Escape"/>), optional buttons and reply.</summary>
public sealed record SendText(long ChatId, string Html, IReadOnlyList<IReadOnlyList<InlineButton>>? Buttons = null, long? ReplyToOutboxId = null)
    : OutgoingMessage(ChatId);

/// <summary>
/// HTML text sent once another row has its result (e.g. the invite link a <see cref="CreateInviteLink"/> row made):
/// <see cref="ResultPlaceholder"/> in <paramref name="Html"/> becomes that result. A separate message, not a reply.
/// </summary>
public sealed record SendTextWithResult(long ChatId, long ResultOutboxId, string Html) : OutgoingMessage(ChatId)
{
    public const string ResultPlaceholder = "{result}";
}

/// <summary>Edits the text of a message sent earlier through the outbox.</summary>
public sealed record EditText(long ChatId, long MessageOutboxId, string Html, IReadOnlyList<IReadOnlyList<InlineButton>>? Buttons = null)
    : OutgoingMessage(ChatId);

/// <summary>Copies a message (no "forwarded from" header) from another chat.</summary>
public sealed record CopyMessage(long ChatId, long FromChatId, int? MessageId, long? MessageOutboxId = null) : OutgoingMessage(ChatId);

/// <summary>A photo (by URL or Telegram file id) with an optional HTML caption and buttons.</summary>
public sealed record SendPhoto(long ChatId, string Photo, string? CaptionHtml = null, IReadOnlyList<IReadOnlyList<InlineButton>>? Buttons = null)
    : OutgoingMessage(ChatId);

/// <summary>
/// An image the app made and keeps for a day (a <c>coupon_renders</c> row of the same tenant), uploaded to Telegram
/// when the message is sent: as a photo (Telegram recompresses it) or, lossless, as a document.
/// </summary>
public sealed record SendStoredImage(
    long ChatId, long StoredImageId, string? CaptionHtml = null, IReadOnlyList<IReadOnlyList<InlineButton>>? Buttons = null, bool AsDocument = false)
    : OutgoingMessage(ChatId);

/// <summary>An album of 2 to 10 stored images in one message (an album carries no buttons).</summary>
public sealed record SendStoredAlbum(long ChatId, IReadOnlyList<AlbumImage> Images) : OutgoingMessage(ChatId)
{
    public const int MinImages = 2;
    public const int MaxImages = 10;
}

/// <summary>One image of an album, with its HTML caption.</summary>
public sealed record AlbumImage(long StoredImageId, string? CaptionHtml);

/// <summary>Forwards a message (with its "forwarded from" header) from another chat.</summary>
public sealed record ForwardMessage(long ChatId, long FromChatId, int? MessageId, long? MessageOutboxId = null) : OutgoingMessage(ChatId);

/// <summary>A new invite link to a channel, e.g. single-use (<paramref name="MemberLimit"/> 1) and expiring; the link is the row's result.</summary>
public sealed record CreateInviteLink(long ChatId, int? MemberLimit, DateTimeOffset? ExpireAt, string? Name = null) : OutgoingMessage(ChatId);

public sealed record RevokeInviteLink(long ChatId, string InviteLink) : OutgoingMessage(ChatId);

/// <summary>Removes a user from a channel (ban; an unban after it lets them rejoin later with a new link).</summary>
public sealed record BanMember(long ChatId, long UserId) : OutgoingMessage(ChatId);

/// <summary>Lets a removed user rejoin later; with <paramref name="AfterOutboxId"/>, only once that row (the ban) went through.</summary>
public sealed record UnbanMember(long ChatId, long UserId, long? AfterOutboxId = null) : OutgoingMessage(ChatId);

public sealed record ApproveJoinRequest(long ChatId, long UserId) : OutgoingMessage(ChatId);

public sealed record DeclineJoinRequest(long ChatId, long UserId) : OutgoingMessage(ChatId);

/// <summary>Answers a button press (stops the client's spinner), optionally with a short notice.</summary>
public sealed record AnswerButton(string CallbackQueryId, string? Text = null) : OutgoingMessage(0);
