namespace PromoStack.Application.Telegram;

public static class TelegramHtml
{
    /// <summary>Escapes text for Telegram's HTML parse mode (&amp;, &lt;, &gt; and quotes).</summary>
    public static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
