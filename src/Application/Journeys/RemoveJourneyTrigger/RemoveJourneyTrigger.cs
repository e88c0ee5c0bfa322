using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Journeys;

public sealed record RemoveJourneyTrigger(Guid Id, Guid TriggerId) : ITenantCommand<Unit>;

internal sealed class RemoveJourneyTriggerHandler(IAppDbContext db) : ICommandHandler<RemoveJourneyTrigger, Unit>
{
    public async ValueTask<Unit> Handle(RemoveJourneyTrigger command, CancellationToken cancellationToken)
    {
        var trigger = await db.JourneyTriggers.SingleOrDefaultAsync(t => t.Id == command.TriggerId && t.JourneyId == command.Id, cancellationToken)
                      ?? throw new NotFoundException("Trigger", command.TriggerId);
        db.JourneyTriggers.Remove(trigger);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
