namespace PromoStack.Application.Common.Security;

/// <summary>
/// The only form in which a stored secret leaves the API: enough to recognise it, never enough to use it
/// (<c>123456:…wxyz</c> for a bot token, <c>sk_live_…wxyz</c> for a Stripe key).
/// </summary>
public static class SecretMask
{
    private const int VisibleTail = 4;

    public static string Mask(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length <= 3 * VisibleTail)
        {
            return "…";
        }

        // A recognisable, non-secret prefix: a Telegram bot's numeric id ("123456:") or a Stripe key kind ("sk_live_").
        var prefixEnd = secret.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 and <= 12
            ? colon + 1
            : secret.LastIndexOf('_') is var underscore and > 0 and <= 8 ? underscore + 1 : 0;
        return $"{secret[..prefixEnd]}…{secret[^VisibleTail..]}";
    }
}
