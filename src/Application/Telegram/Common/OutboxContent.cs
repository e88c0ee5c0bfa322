using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PromoStack.Application.Telegram;

/// <summary>
/// What a queued Bot API call shows in its chat, read back from its payload (the Bot API JSON the outbox stored):
/// the text or caption in Telegram's HTML, the inline keyboard, and the images — a URL, a Telegram file id, or an
/// image the app keeps (<see cref="StoredImageId"/>). A call that shows nothing (a ban, an invite link) is empty.
/// </summary>
/// <param name="Html">The text or caption, in Telegram's HTML when <paramref name="ParseMode"/> says so (the outbox's always do).</param>
/// <param name="ParseMode">How Telegram reads the text (<c>HTML</c>), or null for plain text.</param>
public sealed partial record OutboxContent(
    string? Html, IReadOnlyList<IReadOnlyList<InlineButton>> Buttons, IReadOnlyList<string> Images, string? ParseMode = null)
{
    /// <summary>How the outbox names an image the app keeps (a <c>coupon_renders</c> row), uploaded when the call is made.</summary>
    public const string StoredImagePrefix = "promostack:stored-image:";

    public static OutboxContent Empty { get; } = new(null, [], []);

    /// <summary>The text as Telegram shows it: tags dropped, entities decoded.</summary>
    public string? PlainText => Html is null ? null : WebUtility.HtmlDecode(Tag().Replace(Html, string.Empty));

    public static OutboxContent Read(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        var html = Text(root, "text") ?? Text(root, "caption");
        var parseMode = Text(root, "parse_mode");
        List<string> images = [];
        foreach (var field in (string[])["photo", "document"])
        {
            if (Text(root, field) is { } file)
            {
                images.Add(file);
            }
        }

        if (root.TryGetProperty("media", out var media) && media.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in media.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                if (Text(item, "media") is { } file)
                {
                    images.Add(file);
                }

                if (html is null && Text(item, "caption") is { } caption)
                {
                    html = caption;
                    parseMode = Text(item, "parse_mode");
                }
            }
        }

        return new OutboxContent(html, Keyboard(root), images, html is null ? null : parseMode);
    }

    /// <summary>The id of an image the app keeps, or null for a URL or a Telegram file id.</summary>
    public static long? StoredImageId(string image) =>
        image.StartsWith(StoredImagePrefix, StringComparison.Ordinal)
        && long.TryParse(image.AsSpan(StoredImagePrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private static List<IReadOnlyList<InlineButton>> Keyboard(JsonElement root)
    {
        if (!root.TryGetProperty("reply_markup", out var markup) || markup.ValueKind != JsonValueKind.Object
            || !markup.TryGetProperty("inline_keyboard", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return
        [
            .. rows.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Array).Select(row => (IReadOnlyList<InlineButton>)
            [
                .. row.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.Object)
                    .Select(b => new InlineButton(Text(b, "text") ?? string.Empty, Text(b, "url"), Text(b, "callback_data"))),
            ]),
        ];
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
