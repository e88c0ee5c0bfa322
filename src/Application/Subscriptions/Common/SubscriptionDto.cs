using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <param name="Email">The subscriber's email (unique in the tenant); null until paid, or when another subscription holds the payer's.</param>
/// <param name="PayerEmail">The email the payer gave at checkout (as Stripe reports it).</param>
/// <param name="PaymentFailureReason">Why a pending checkout is not paid yet (a delayed payment method failed).</param>
/// <param name="IsDemo">Seeded as demo data: not counted in the figures.</param>
/// <remarks>Emails and the Telegram username are masked for members, the Telegram and Stripe ids left out (admins see them in full).</remarks>
public sealed record SubscriptionDto(
    int Id, string? Email, string? PayerEmail, PlanType Plan, SubscriptionStatus Status, long? TelegramUserId, string? TelegramUsername, bool Renews, bool CancelAtPeriodEnd,
    DateTimeOffset? CurrentPeriodEnd, DateTimeOffset? PastDueSince, CancellationReason? CancelReason, bool IsConverted, string? StripeCustomerId,
    string? StripeSubscriptionId, string? PaymentFailureReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool IsDemo);
