using Mapster;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

internal sealed class OutboxMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<TelegramOutboxMessage, OutboxItemDto>().Map(dto => dto.Bot, message => message.BotRole);
}
