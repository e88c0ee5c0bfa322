namespace PromoStack.Application.Connections;

/// <summary>Purposes of the secrets a connection stores (a ciphertext of one can never be read as the other).</summary>
public static class ConnectionSecrets
{
    public const string Token = "telegram.bot-token";
    public const string WebhookSecret = "telegram.webhook-secret";
}
