using System.Text.RegularExpressions;

namespace PromoStack.Application.Telegram;

/// <summary>
/// Checks text a tenant writes for Telegram's HTML parse mode before it is saved, so a message is not refused at
/// send time: only the tags Telegram knows, properly nested, and a bare <c>&lt;</c> written as <c>&amp;lt;</c>.
/// </summary>
public static partial class TelegramHtmlCheck
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "span", "blockquote", "tg-emoji"];

    /// <summary>What is wrong with <paramref name="html"/>, or null when Telegram will accept it.</summary>
    public static string? Problem(string html)
    {
        var open = new Stack<string>();
        var position = 0;
        foreach (Match tag in TagPattern().Matches(html))
        {
            if (html.AsSpan(position, tag.Index - position).Contains('<'))
            {
                return "A '<' that does not start a tag: write it as &lt;.";
            }

            position = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            if (!Tags.Contains(name))
            {
                return $"Telegram does not support the tag <{name}>: use b, i, u, s, a, code, pre, blockquote or tg-spoiler.";
            }

            if (tag.Groups["close"].Success)
            {
                if (open.Count == 0 || open.Pop() != name)
                {
                    return $"The closing tag </{name}> does not match an open tag.";
                }
            }
            else
            {
                open.Push(name);
            }
        }

        if (html.AsSpan(position).Contains('<'))
        {
            return "A '<' that does not start a tag: write it as &lt;.";
        }

        return open.Count > 0 ? $"The tag <{open.Peek()}> is not closed." : null;
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?>")]
    private static partial Regex TagPattern();
}
