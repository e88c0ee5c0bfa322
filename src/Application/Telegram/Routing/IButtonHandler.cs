namespace PromoStack.Application.Telegram;

/// <summary>
/// A press on an inline button in a private chat whose callback data starts with <see cref="Prefix"/> (e.g.
/// <c>vip_plan:</c>). The press is always answered; the handler's text, if any, is shown as a short notice.
/// </summary>
public interface IButtonHandler
{
    string Prefix { get; }

    /// <summary><paramref name="context"/>'s text is the button's callback data.</summary>
    Task<string?> HandleAsync(BotMessageContext context, CancellationToken cancellationToken);
}
