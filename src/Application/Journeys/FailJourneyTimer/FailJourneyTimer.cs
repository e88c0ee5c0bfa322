using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Journeys;

/// <summary>A timer that kept failing gave up: its session fails with the reason.</summary>
public sealed record FailJourneyTimer(Guid TimerId, string Error) : ITenantCommand<Unit>;

internal sealed class FailJourneyTimerHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<FailJourneyTimer, Unit>
{
    public async ValueTask<Unit> Handle(FailJourneyTimer command, CancellationToken cancellationToken)
    {
        var sessionId = await db.JourneyScheduledMessages.Where(m => m.Id == command.TimerId).Select(m => (Guid?)m.SessionId).SingleOrDefaultAsync(cancellationToken);
        if (await db.JourneyUserSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken) is { IsRunning: true } session)
        {
            var reason = $"failed: {command.Error}";
            session.Fail(reason.Length > 64 ? reason[..64] : reason, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
