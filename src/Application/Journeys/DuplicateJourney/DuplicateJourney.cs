using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

/// <summary>A draft copy with the same settings, steps (new ids, same names) and triggers.</summary>
public sealed record DuplicateJourney(Guid Id, string? Name) : ITenantCommand<JourneyDto>;

internal sealed class DuplicateJourneyValidator : AbstractValidator<DuplicateJourney>
{
    public DuplicateJourneyValidator() => RuleFor(c => c.Name).MaximumLength(200);
}

internal sealed class DuplicateJourneyHandler(IAppDbContext db, JourneyQueries journeys, TimeProvider clock) : ICommandHandler<DuplicateJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(DuplicateJourney command, CancellationToken cancellationToken)
    {
        var source = await journeys.TrackedAsync(command.Id, cancellationToken);
        var name = command.Name is { Length: > 0 } given ? given : $"{source.Name} (copy)";
        var copy = source.Duplicate(name.Length > 200 ? name[..200] : name, clock.GetUtcNow());
        db.Journeys.Add(copy);
        foreach (var step in await db.JourneySteps.AsNoTracking().Where(s => s.JourneyId == source.Id).OrderBy(s => s.StepOrder).ToListAsync(cancellationToken))
        {
            db.JourneySteps.Add(JourneyStep.Create(copy.TenantId, copy.Id, step.StepOrder, step.StepType, step.Config));
        }

        foreach (var trigger in await db.JourneyTriggers.AsNoTracking().Where(t => t.JourneyId == source.Id).ToListAsync(cancellationToken))
        {
            db.JourneyTriggers.Add(trigger.CopyTo(copy.Id));
        }

        await db.SaveChangesAsync(cancellationToken);
        return await journeys.DtoAsync(copy.Id, cancellationToken);
    }
}
