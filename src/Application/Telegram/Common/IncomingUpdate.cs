namespace PromoStack.Application.Telegram;

/// <summary>An update, reduced to what the features act on. Update kinds the features do not handle are not stored.</summary>
public abstract record IncomingUpdate(long UpdateId);

/// <summary>A Telegram user as an update names them.</summary>
public sealed record TelegramUser(long Id, string? Username, string? FirstName, string? LastName);

/// <summary>A message in a private chat with the bot (commands included).</summary>
public sealed record PrivateMessage(long UpdateId, long ChatId, TelegramUser From, string? Text) : IncomingUpdate(UpdateId);

/// <summary>A press on an inline button; <see cref="ChatId"/> is null when the message is not available.</summary>
public sealed record ButtonPressed(long UpdateId, string CallbackQueryId, TelegramUser From, long? ChatId, string? Data) : IncomingUpdate(UpdateId);

/// <summary>A member of a chat (e.g. a channel) changed status.</summary>
public sealed record MemberChanged(
    long UpdateId, long ChatId, string? ChatUsername, TelegramUser Member, bool WasMember, bool IsMember, string? InviteLink)
    : IncomingUpdate(UpdateId);

/// <summary>The bot's own status in a chat changed; in a private chat, leaving means the user blocked the bot.</summary>
public sealed record BotStatusChanged(long UpdateId, long ChatId, bool IsPrivateChat, TelegramUser By, bool BotIsMember) : IncomingUpdate(UpdateId);

/// <summary>Someone asked to join a chat that requires approval.</summary>
public sealed record JoinRequested(long UpdateId, long ChatId, string? ChatUsername, TelegramUser From, string? InviteLink) : IncomingUpdate(UpdateId);

/// <summary>A post in a channel the bot administers; <see cref="Text"/> is its text or its media's caption.</summary>
public sealed record ChannelPosted(long UpdateId, long ChatId, string? ChatUsername, int MessageId, string? Text, bool HasMedia) : IncomingUpdate(UpdateId);

/// <summary>An update of a kind the features do not handle (or an unusual message): kept for the record, no effect.</summary>
public sealed record OtherUpdate(long UpdateId, string Kind) : IncomingUpdate(UpdateId);
