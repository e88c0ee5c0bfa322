using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Application.Journeys;

/// <summary>A journey message that could not be delivered (e.g. the user blocked the bot) fails its session.</summary>
internal sealed class JourneyDeliveryFailures(IAppDbContext db, JourneyEngine engine, TimeProvider clock) : Telegram.IDeliveryFailureHandler
{
    public string Kind => JourneyEngine.MessageKind;

    public async Task HandleAsync(string? dedupeKey, string reason, CancellationToken cancellationToken)
    {
        // Keys look like journey:<session>:<position>[:...].
        var parts = dedupeKey?.Split(':');
        if (parts is not { Length: >= 2 } || !Guid.TryParseExact(parts[1], "N", out var sessionId)
            || await db.JourneyUserSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken) is not { IsRunning: true } session)
        {
            return;
        }

        var why = $"delivery_failed: {reason}";
        session.Fail(why.Length > 64 ? why[..64] : why, clock.GetUtcNow());
        await engine.CancelTimersAsync(session.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
