using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Journeys;

internal sealed class JourneysOnChannelJoin(JourneyEventStarter starter) : IDomainEventHandler<UserJoinedChannel>
{
    public Task HandleAsync(UserJoinedChannel domainEvent, CancellationToken cancellationToken) =>
        starter.StartAsync(domainEvent.Channel == ChannelKind.Vip ? TriggerConfigs.JoinedVip : TriggerConfigs.JoinedFreeChannel, domainEvent.TelegramUserId, cancellationToken);
}
