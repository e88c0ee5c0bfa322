using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Journeys;

internal sealed class JourneysOnPayment(JourneyEventStarter starter) : IDomainEventHandler<SubscriptionActivated>
{
    public Task HandleAsync(SubscriptionActivated domainEvent, CancellationToken cancellationToken) =>
        starter.StartAsync(TriggerConfigs.PaymentSucceeded, domainEvent.TelegramUserId, cancellationToken);
}
