using PromoStack.Application.Telegram;

namespace PromoStack.Application.Journeys;

/// <summary><c>/start &lt;code&gt;</c> of a published journey starts it (re-entry policy applies).</summary>
internal sealed class JourneyDeepLinks(JourneyTriggerIndex triggers, JourneyEngine engine) : IDeepLinkHandler
{
    public async Task<bool> TryHandleAsync(BotMessageContext context, string payload, CancellationToken cancellationToken)
    {
        var match = (await triggers.ActiveAsync(TriggerConfigs.DeepLink, cancellationToken))
            .FirstOrDefault(t => ((DeepLinkTrigger)t.Trigger).Code == payload);
        if (match.Journey is null)
        {
            return false;
        }

        await engine.StartAsync(match.Journey, context.ChatId, context.From.Id, cancellationToken);
        return true;
    }
}
