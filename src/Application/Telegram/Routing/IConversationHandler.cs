namespace PromoStack.Application.Telegram;

/// <summary>A handler for plain text; the first that takes a message ends its routing, else the default reply goes.</summary>
public interface IConversationHandler
{
    ConversationStage Stage { get; }

    Task<bool> TryHandleAsync(BotMessageContext context, CancellationToken cancellationToken);
}

/// <summary>After commands, in this order: a confirmation the bot asked for, the user's waiting journey, keywords.</summary>
public enum ConversationStage
{
    PendingConfirmation = 1,
    JourneySession = 2,
    Keyword = 3,
}
