using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Journeys;

internal sealed class JourneysOnCancellation(JourneyEventStarter starter) : IDomainEventHandler<SubscriptionCancelled>
{
    public Task HandleAsync(SubscriptionCancelled domainEvent, CancellationToken cancellationToken) =>
        starter.StartAsync(TriggerConfigs.SubscriptionCancelled, domainEvent.TelegramUserId, cancellationToken);
}
