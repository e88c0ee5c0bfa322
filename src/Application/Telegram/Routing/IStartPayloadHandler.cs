namespace PromoStack.Application.Telegram;

/// <summary>
/// A <c>/start &lt;payload&gt;</c> deep link a feature owns (e.g. <c>vip</c>, <c>link_</c>). Its prefix is reserved:
/// journeys may not use it.
/// </summary>
public interface IStartPayloadHandler
{
    string Prefix { get; }

    Task HandleAsync(BotMessageContext context, string payload, CancellationToken cancellationToken);
}
