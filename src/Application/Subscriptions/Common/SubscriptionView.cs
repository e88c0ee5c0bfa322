using PromoStack.Application.Common.Security;

namespace PromoStack.Application.Subscriptions;

internal static class SubscriptionView
{
    /// <summary>The subscription as the current user may see it: emails and the username masked, ids left out for a member.</summary>
    public static SubscriptionDto MaskedFor(this SubscriptionDto dto, PersonalData personal) => dto with
    {
        Email = personal.Email(dto.Email),
        PayerEmail = personal.Email(dto.PayerEmail),
        TelegramUserId = personal.Id(dto.TelegramUserId),
        TelegramUsername = personal.Name(dto.TelegramUsername),
        StripeCustomerId = personal.Id(dto.StripeCustomerId),
        StripeSubscriptionId = personal.Id(dto.StripeSubscriptionId),
    };
}
