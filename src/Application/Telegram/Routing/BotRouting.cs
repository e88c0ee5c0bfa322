using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram.Routing;

/// <summary>A private message as the routes see it: who wrote, through which bot, and their bot user.</summary>
public sealed record BotMessageContext(long BotTelegramId, BotRole Bot, long UpdateId, long ChatId, TelegramUser From, string Text, BotUser User);

/// <summary>A <c>/command</c> (features may register their own, e.g. <c>/status</c>). Commands come first.</summary>
public interface IBotCommand
{
    /// <summary>The command without its slash, lowercase (e.g. <c>help</c>).</summary>
    string Name { get; }

    Task HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken);
}

/// <summary>
/// A <c>/start &lt;payload&gt;</c> deep link a feature owns (e.g. <c>vip</c>, <c>link_</c>). Its prefix is reserved:
/// journeys may not use it.
/// </summary>
public interface IStartPayloadHandler
{
    string Prefix { get; }

    Task HandleAsync(BotMessageContext context, string payload, CancellationToken cancellationToken);
}

/// <summary>
/// A <c>/start &lt;payload&gt;</c> that no reserved prefix owns (e.g. a journey's deep link); the first handler that
/// takes it ends the routing, else the welcome is sent.
/// </summary>
public interface IDeepLinkHandler
{
    Task<bool> TryHandleAsync(BotMessageContext context, string payload, CancellationToken cancellationToken);
}

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

/// <summary>
/// Decides a request to join one of the tenant's channels (e.g. the subscriptions feature approves a paying user).
/// Without a handler that takes it, a request stays pending for the channel's admins.
/// </summary>
public interface IJoinRequestHandler
{
    Task<bool> TryHandleAsync(string tenantId, ChannelKind channel, JoinRequested request, CancellationToken cancellationToken);
}

/// <summary>
/// Sees every post in one of the tenant's channels (e.g. cross-promotion picks VIP posts to tease in the FREE
/// channel). Every handler gets every post.
/// </summary>
public interface IChannelPostHandler
{
    Task HandleAsync(string tenantId, ChannelKind channel, ChannelPosted post, CancellationToken cancellationToken);
}

/// <summary>After commands, in this order: a confirmation the bot asked for, the user's waiting journey, keywords.</summary>
public enum ConversationStage
{
    PendingConfirmation = 1,
    JourneySession = 2,
    Keyword = 3,
}

/// <summary>A handler for plain text; the first that takes a message ends its routing, else the default reply goes.</summary>
public interface IConversationHandler
{
    ConversationStage Stage { get; }

    Task<bool> TryHandleAsync(BotMessageContext context, CancellationToken cancellationToken);
}
