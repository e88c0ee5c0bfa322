namespace PromoStack.Application.Telegram;

/// <summary>A <c>/command</c> (features may register their own, e.g. <c>/status</c>). Commands come first.</summary>
public interface IBotCommand
{
    /// <summary>The command without its slash, lowercase (e.g. <c>help</c>).</summary>
    string Name { get; }

    Task HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken);
}
