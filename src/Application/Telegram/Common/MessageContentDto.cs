namespace PromoStack.Application.Telegram;

/// <summary>What an outbox message is, as its chat shows it.</summary>
public enum MessageContentKind
{
    /// <summary>A text message.</summary>
    Text,

    /// <summary>A text message in reply to another outbox message.</summary>
    Reply,

    /// <summary>A photo, with its caption.</summary>
    Photo,

    /// <summary>A file (an image sent losslessly), with its caption.</summary>
    Document,

    /// <summary>Two to ten photos in one message, with the caption of the first that has one.</summary>
    Album,

    /// <summary>A new text (and keyboard) for a message sent earlier.</summary>
    Edit,

    /// <summary>Another message copied, without a "forwarded from" header.</summary>
    Copy,

    /// <summary>Another message forwarded.</summary>
    Forward,

    /// <summary>A short notice shown over the chat after a button press.</summary>
    Notice,

    /// <summary>A call that shows nothing in a chat (an invite link made, a member removed, a join request answered).</summary>
    None,
}

/// <summary>
/// A message's content as Telegram shows it, read from the Bot API call the outbox stored (never the raw payload):
/// the text or caption with how Telegram reads it, the inline keyboard row by row, and how many images it carries.
/// An invite link a message carries is made when it is sent and is not shown.
/// </summary>
/// <param name="Kind">What the message is (a reply, an edit or a copy refers to another outbox message).</param>
/// <param name="Text">The text of a text message, a reply, an edit or a notice.</param>
/// <param name="Caption">The caption of a photo, a document or an album.</param>
/// <param name="ParseMode">How Telegram reads the text or caption: <c>HTML</c>, or null for plain text.</param>
/// <param name="Buttons">The inline keyboard, row by row: each button opens its URL or sends its callback data to the bot.</param>
/// <param name="Images">How many images the message carries (a photo or a document: 1; an album: 2 to 10).</param>
public sealed record MessageContentDto(
    MessageContentKind Kind, string? Text, string? Caption, string? ParseMode, IReadOnlyList<IReadOnlyList<InlineButton>> Buttons, int Images)
{
    /// <summary>Shown where a message's text has the invite link that is made when it is sent.</summary>
    public const string HiddenResult = "[invite link]";

    /// <summary>The content of a stored Bot API call (<paramref name="method"/>, <paramref name="payload"/>).</summary>
    /// <param name="dependsOn">Whether the call waits for another outbox message (a reply's, an edit's or a copy's original, an invite link).</param>
    public static MessageContentDto Read(string method, string payload, bool dependsOn)
    {
        var content = OutboxContent.Read(payload);
        var parseMode = content.ParseMode is { } mode && mode.Equals("html", StringComparison.OrdinalIgnoreCase) ? "HTML" : content.ParseMode;
        var withResult = dependsOn && content.Html is { } html && html.Contains(SendTextWithResult.ResultPlaceholder, StringComparison.Ordinal);
        var text = withResult ? content.Html!.Replace(SendTextWithResult.ResultPlaceholder, HiddenResult, StringComparison.Ordinal) : content.Html;
        return method switch
        {
            "sendMessage" => new(dependsOn && !withResult ? MessageContentKind.Reply : MessageContentKind.Text, text, null, parseMode, content.Buttons, 0),
            "editMessageText" or "editMessageReplyMarkup" => new(MessageContentKind.Edit, text, null, parseMode, content.Buttons, 0),
            "editMessageCaption" => new(MessageContentKind.Edit, null, text, parseMode, content.Buttons, 0),
            "sendPhoto" => new(MessageContentKind.Photo, null, text, parseMode, content.Buttons, content.Images.Count),
            "sendDocument" => new(MessageContentKind.Document, null, text, parseMode, content.Buttons, content.Images.Count),
            "sendMediaGroup" => new(MessageContentKind.Album, null, text, parseMode, [], content.Images.Count),
            "copyMessage" => new(MessageContentKind.Copy, null, null, null, [], 0),
            "forwardMessage" => new(MessageContentKind.Forward, null, null, null, [], 0),
            "answerCallbackQuery" => new(MessageContentKind.Notice, text, null, null, [], 0),
            _ => new(MessageContentKind.None, null, null, null, [], 0),
        };
    }
}
