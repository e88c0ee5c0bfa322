using PromoStack.Application.Telegram;

namespace PromoStack.Application.Sandbox;

/// <summary>One message of a sandbox conversation: the admin's (from the inbox) or the bot's (from the outbox).</summary>
/// <param name="Id"><c>u:&lt;update id&gt;</c> for the user's, <c>b:&lt;outbox id&gt;</c> for the bot's: stable, so a later answer replaces it.</param>
/// <param name="From"><c>user</c> or <c>bot</c>.</param>
/// <param name="Type">
/// The user's: <c>text</c> or <c>button_press</c>. The bot's: <c>text</c>, <c>photo</c>, <c>document</c>, <c>album</c>,
/// <c>edit</c> (of <see cref="EditsId"/>), <c>notice</c> (a button's answer, shown by Telegram as a toast) or
/// <c>other</c> (a call that shows nothing in the chat).
/// </param>
/// <param name="At">When the user sent it, or when the bot queued it.</param>
/// <param name="Html">The bot's text or caption in Telegram's HTML (its parse mode); the user's text escaped.</param>
/// <param name="Text">The same as plain text, as Telegram shows it.</param>
/// <param name="CallbackData">The data of the button the user pressed.</param>
/// <param name="Buttons">The bot's inline keyboard, row by row: a URL button opens its URL, a callback button's data is sent back as a press.</param>
/// <param name="Images">The bot's images: a URL the app can load (signed in), or a Telegram file id it cannot.</param>
/// <param name="ReplyToId">The message this one answers, when the bot queued it as a reply.</param>
/// <param name="Status">
/// The user's: the inbox's <c>pending</c>, <c>processing</c>, <c>processed</c> or <c>failed</c>. The bot's: the outbox's
/// <c>pending</c>, <c>sending</c>, <c>sent</c> (recorded as sent: a sandbox bot reaches no Telegram), <c>failed</c>,
/// <c>unknown</c> or <c>cancelled</c>.
/// </param>
/// <param name="Error">Why it failed, if it did.</param>
/// <param name="Kind">What the bot's message is for (<c>reply</c>, <c>journey</c>, <c>vip_invite</c>, …).</param>
public sealed record SandboxMessageDto(
    string Id, string From, string Type, DateTimeOffset At, string? Html, string? Text, string? CallbackData,
    IReadOnlyList<IReadOnlyList<InlineButton>> Buttons, IReadOnlyList<SandboxImageDto> Images, string? EditsId, string? ReplyToId,
    string Status, string? Error, DateTimeOffset? SentAt, string? Kind);

/// <param name="Url">Where the app can load it: an image the app keeps (<c>/api/sandbox/&lt;role&gt;/images/&lt;id&gt;</c>, signed in, kept a day) or a public URL.</param>
/// <param name="FileId">A Telegram file id: only Telegram can show it.</param>
public sealed record SandboxImageDto(string? Url, string? FileId);
