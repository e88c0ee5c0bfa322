namespace PromoStack.Application.Stripe;

public static class StripeSecrets
{
    public const string SecretKey = "stripe.secret-key";
    public const string WebhookSecret = "stripe.webhook-secret";
}
