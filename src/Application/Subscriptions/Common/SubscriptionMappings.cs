using Mapster;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

internal sealed class SubscriptionMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<TelegramSubscription, SubscriptionDto>().Map(dto => dto.Plan, subscription => subscription.PlanType);
}
