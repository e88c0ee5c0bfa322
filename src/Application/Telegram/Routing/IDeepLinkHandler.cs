namespace PromoStack.Application.Telegram;

/// <summary>
/// A <c>/start &lt;payload&gt;</c> that no reserved prefix owns (e.g. a journey's deep link); the first handler that
/// takes it ends the routing, else the welcome is sent.
/// </summary>
public interface IDeepLinkHandler
{
    Task<bool> TryHandleAsync(BotMessageContext context, string payload, CancellationToken cancellationToken);
}
