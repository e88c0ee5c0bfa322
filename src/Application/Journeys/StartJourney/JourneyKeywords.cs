using PromoStack.Application.Telegram;

namespace PromoStack.Application.Journeys;

/// <summary>A message with a published journey's keyword starts that journey (the oldest journey's keyword wins).</summary>
internal sealed class JourneyKeywords(JourneyTriggerIndex triggers, JourneyEngine engine) : IConversationHandler
{
    public ConversationStage Stage => ConversationStage.Keyword;

    public async Task<bool> TryHandleAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        var match = (await triggers.ActiveAsync(TriggerConfigs.Keyword, cancellationToken))
            .FirstOrDefault(t => ((KeywordTrigger)t.Trigger).Matches(context.Text));
        if (match.Journey is null)
        {
            return false;
        }

        await engine.StartAsync(match.Journey, context.ChatId, context.From.Id, cancellationToken);
        return true;
    }
}
