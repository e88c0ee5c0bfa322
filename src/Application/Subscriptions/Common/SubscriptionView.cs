using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

internal static class SubscriptionView
{
    public static SubscriptionDto Of(TelegramSubscription s, PersonalData personal) => new(
        s.Id, personal.Email(s.Email), personal.Email(s.PayerEmail), s.PlanType, s.Status, personal.Id(s.TelegramUserId), personal.Name(s.TelegramUsername), s.Renews,
        s.CancelAtPeriodEnd, s.CurrentPeriodEnd, s.PastDueSince, s.CancelReason, s.IsConverted, personal.Id(s.StripeCustomerId), personal.Id(s.StripeSubscriptionId),
        s.PaymentFailureReason, s.CreatedAt, s.UpdatedAt);
}
