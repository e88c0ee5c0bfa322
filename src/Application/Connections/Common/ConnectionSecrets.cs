using System.Security.Cryptography;

namespace PromoStack.Application.Connections;

/// <summary>Purposes of the secrets a connection stores (a ciphertext of one can never be read as the other).</summary>
public static class ConnectionSecrets
{
    public const string Token = "telegram.bot-token";
    public const string WebhookSecret = "telegram.webhook-secret";

    /// <summary>A fresh webhook secret: Telegram accepts 1–256 characters of A–Z, a–z, 0–9, _ and -: 32 random bytes in base64url.</summary>
    public static string NewWebhookSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
