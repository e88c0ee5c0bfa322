using PromoStack.Domain.Connections;

namespace PromoStack.Application.Telegram;

/// <summary>
/// A bot role with a conversation of its own (the coupon bot): the private messages its bot receives go to it
/// instead of the message router, so its commands and replies never mix with the message bot's.
/// </summary>
public interface IBotRoleRouter
{
    BotRole Role { get; }

    Task RouteAsync(BotMessageContext context, CancellationToken cancellationToken);
}
