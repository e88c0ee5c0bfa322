using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

/// <summary>
/// Starts the journeys an event triggers, for users the message bot can reach (a known bot user who has not blocked
/// the bot or sent /stop); anyone else is skipped with the reason recorded in <c>journey_skips</c>.
/// </summary>
internal sealed class JourneyEventStarter(IAppDbContext db, ITenantContext tenant, JourneyTriggerIndex triggers, JourneyEngine engine, TimeProvider clock)
{
    public async Task StartAsync(string eventName, long? telegramUserId, CancellationToken cancellationToken)
    {
        // No Telegram user (a payment not linked to one yet): no journey can start, so the triggers are not read.
        if (telegramUserId is not { } userId)
        {
            return;
        }

        var journeys = (await triggers.ActiveAsync(TriggerConfigs.Event, cancellationToken))
            .Where(t => ((EventTrigger)t.Trigger).Event == eventName).Select(t => t.Journey).ToList();
        if (journeys.Count == 0)
        {
            return;
        }

        var user = await db.BotUsers.AsNoTracking().FirstOrDefaultAsync(u => u.ChatId == userId, cancellationToken);
        var reason = user switch
        {
            null => "The user has never started the bot, so it cannot message them.",
            { IsBlocked: true } => "The user has blocked the bot.",
            { UnsubscribedAt: not null } => "The user sent /stop.",
            _ => null,
        };
        foreach (var journey in journeys)
        {
            if (reason is null)
            {
                await engine.StartAsync(journey, userId, userId, cancellationToken);
            }
            else
            {
                db.JourneySkips.Add(JourneySkip.Record(tenant.RequiredTenantId, journey.Id, userId, eventName, reason, clock.GetUtcNow()));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
