namespace PromoStack.Application.Common.Abstractions;

/// <summary>URLs of this API as the outside world reaches it (<c>App__PublicBaseUrl</c>).</summary>
public interface IPublicUrls
{
    /// <summary>Where Telegram posts a bot's updates.</summary>
    Uri TelegramWebhook(Guid publicId);

    /// <summary>Where the tenant's Stripe account posts its events.</summary>
    Uri StripeWebhook(string tenantId);
}
