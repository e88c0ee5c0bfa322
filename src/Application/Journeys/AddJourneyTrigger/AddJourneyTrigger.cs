using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

public sealed record AddJourneyTrigger(Guid Id, string? Type, JsonElement Config) : ITenantCommand<JourneyTriggerDto>;

internal sealed class AddJourneyTriggerHandler(
    IAppDbContext db, ITenantContext tenant, JourneyQueries journeys, IEnumerable<IStartPayloadHandler> reserved)
    : ICommandHandler<AddJourneyTrigger, JourneyTriggerDto>
{
    public async ValueTask<JourneyTriggerDto> Handle(AddJourneyTrigger command, CancellationToken cancellationToken)
    {
        var journey = await journeys.TrackedAsync(command.Id, cancellationToken);
        var errors = new List<FlowError>();
        var trigger = TriggerConfigs.Parse(command.Type, command.Config, [.. reserved.Select(r => r.Prefix)], errors);
        if (trigger is null)
        {
            throw new ValidationException(errors.Select(e => new ValidationFailure(e.Field, e.Message)));
        }

        var own = await db.JourneyTriggers.AsNoTracking().Where(t => t.JourneyId == journey.Id).ToListAsync(cancellationToken);
        if (own.Any(t => TriggerConfigs.FromStored(t).Identity == trigger.Identity))
        {
            throw new ConflictException($"This journey already has the trigger {trigger.Identity}.");
        }

        if (journey.IsActive)
        {
            await journeys.EnsureNoCollisionAsync(journey.Id, [trigger], cancellationToken);
        }

        var row = JourneyTrigger.Create(tenant.RequiredTenantId, journey.Id, trigger.Type, TriggerConfigs.ToJson(trigger));
        db.JourneyTriggers.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return JourneyQueries.Dto(row);
    }
}
