using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

/// <summary>A due <c>journey_scheduled_messages</c> row: its session advances (at most once; see <see cref="JourneyEngine"/>).</summary>
public sealed record RunJourneyTimer(Guid TimerId) : ITenantCommand<Unit>;

internal sealed class RunJourneyTimerHandler(IAppDbContext db, JourneyEngine engine) : ICommandHandler<RunJourneyTimer, Unit>
{
    public async ValueTask<Unit> Handle(RunJourneyTimer command, CancellationToken cancellationToken)
    {
        if (await db.JourneyScheduledMessages.AsNoTracking().SingleOrDefaultAsync(
                m => m.Id == command.TimerId && m.Status == ScheduledMessageStatus.Pending, cancellationToken) is { } timer)
        {
            await engine.DueAsync(timer, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
