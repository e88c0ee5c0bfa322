using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram.Routing;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

public sealed record JourneyStepDto(Guid Id, int Order, string Type, JsonElement Config);

public sealed record JourneyTriggerDto(Guid Id, string Type, JsonElement Config);

public sealed record JourneyDto(
    Guid Id, string Name, string? Description, bool IsActive, ReentryPolicy ReentryPolicy, int? InactivityTimeoutMinutes,
    IReadOnlyList<JourneyStepDto> Steps, IReadOnlyList<JourneyTriggerDto> Triggers, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record JourneySummaryDto(Guid Id, string Name, string? Description, bool IsActive, int Steps, int RunningSessions, DateTimeOffset UpdatedAt);

public sealed record ListJourneys : ITenantQuery<IReadOnlyList<JourneySummaryDto>>;

public sealed record GetJourney(Guid Id) : ITenantQuery<JourneyDto>;

public sealed record CreateJourney(string Name, string? Description, ReentryPolicy ReentryPolicy, int? InactivityTimeoutMinutes) : ITenantCommand<JourneyDto>;

public sealed record UpdateJourney(Guid Id, string Name, string? Description, ReentryPolicy ReentryPolicy, int? InactivityTimeoutMinutes)
    : ITenantCommand<JourneyDto>;

/// <summary>Deletes an unpublished journey with its history; a published one must be stopped first (409).</summary>
public sealed record DeleteJourney(Guid Id) : ITenantCommand<Unit>;

/// <summary>
/// The whole ordered list: steps with an <c>id</c> are edited in place (sessions on them stay), new ones are added,
/// missing ones are removed (a session standing on one ends with <c>step_removed</c>). A published journey's new
/// flow must pass all checks; a draft's too, so nothing invalid is ever stored.
/// </summary>
public sealed record ReplaceJourneySteps(Guid Id, IReadOnlyList<StepInput> Steps) : ITenantCommand<JourneyDto>;

public sealed record AddJourneyTrigger(Guid Id, string? Type, JsonElement Config) : ITenantCommand<JourneyTriggerDto>;

public sealed record RemoveJourneyTrigger(Guid Id, Guid TriggerId) : ITenantCommand<Unit>;

/// <summary>Checks the whole flow and its triggers, then starts answering them; a trigger another published journey owns → 409.</summary>
public sealed record PublishJourney(Guid Id) : ITenantCommand<JourneyDto>;

/// <summary>Stops answering triggers and ends the running sessions (<c>journey_stopped</c>), their timers cancelled.</summary>
public sealed record StopJourney(Guid Id) : ITenantCommand<JourneyDto>;

/// <summary>A draft copy with the same settings, steps (new ids, same names) and triggers.</summary>
public sealed record DuplicateJourney(Guid Id, string? Name) : ITenantCommand<JourneyDto>;

internal abstract class JourneySettingsValidator<T> : AbstractValidator<T>
{
    protected void Settings(Func<T, string> name, Func<T, string?> description, Func<T, ReentryPolicy> reentry, Func<T, int?> inactivity)
    {
        RuleFor(c => name(c)).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(c => description(c)).MaximumLength(2000).OverridePropertyName("description");
        RuleFor(c => reentry(c)).IsInEnum().OverridePropertyName("reentryPolicy");
        RuleFor(c => inactivity(c)).InclusiveBetween(1, Journey.MaxInactivityTimeoutMinutes).OverridePropertyName("inactivityTimeoutMinutes");
    }
}

internal sealed class CreateJourneyValidator : JourneySettingsValidator<CreateJourney>
{
    public CreateJourneyValidator() => Settings(c => c.Name, c => c.Description, c => c.ReentryPolicy, c => c.InactivityTimeoutMinutes);
}

internal sealed class UpdateJourneyValidator : JourneySettingsValidator<UpdateJourney>
{
    public UpdateJourneyValidator() => Settings(c => c.Name, c => c.Description, c => c.ReentryPolicy, c => c.InactivityTimeoutMinutes);
}

internal sealed class ReplaceJourneyStepsValidator : AbstractValidator<ReplaceJourneySteps>
{
    public ReplaceJourneyStepsValidator()
    {
        RuleFor(c => c.Steps).NotNull();
        RuleFor(c => c.Steps.Count).InclusiveBetween(1, JourneyFlow.MaxSteps).OverridePropertyName("steps").When(c => c.Steps is not null);
        RuleFor(c => c.Steps).Must(steps => steps.Where(s => s.Id is not null).GroupBy(s => s.Id).All(g => g.Count() == 1))
            .When(c => c.Steps is not null).WithMessage("A step id appears twice.");
        RuleFor(c => c).Custom((command, context) =>
        {
            if (command.Steps is null)
            {
                return;
            }

            var errors = new List<FlowError>();
            var parsed = command.Steps.Select((s, i) => StepConfigs.Parse(s.Id ?? Guid.Empty, s.Type, s.Config, $"steps[{i}]", errors)).ToList();
            if (errors.Count == 0)
            {
                // Ids only matter for the graph, which is checked before the new steps get theirs.
                var flow = new JourneyFlow([.. parsed.Select((s, i) => s! with { Id = s.Id == Guid.Empty ? Guid.CreateVersion7() : s.Id })]);
                errors.AddRange(flow.Validate());
            }

            foreach (var error in errors)
            {
                context.AddFailure(new ValidationFailure(error.Field, error.Message));
            }
        });
    }
}

internal sealed class DuplicateJourneyValidator : AbstractValidator<DuplicateJourney>
{
    public DuplicateJourneyValidator() => RuleFor(c => c.Name).MaximumLength(200);
}

internal sealed class JourneyQueries(IAppDbContext db)
{
    public async Task<Journey> TrackedAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Journeys.SingleOrDefaultAsync(j => j.Id == id, cancellationToken) ?? throw new NotFoundException("Journey", id);

    public async Task<JourneyDto> DtoAsync(Guid id, CancellationToken cancellationToken)
    {
        var journey = await db.Journeys.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken) ?? throw new NotFoundException("Journey", id);
        var steps = await db.JourneySteps.AsNoTracking().Where(s => s.JourneyId == id).OrderBy(s => s.StepOrder).ToListAsync(cancellationToken);
        var triggers = await db.JourneyTriggers.AsNoTracking().Where(t => t.JourneyId == id).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        return new JourneyDto(
            journey.Id, journey.Name, journey.Description, journey.IsActive, journey.ReentryPolicy, journey.InactivityTimeoutMinutes,
            [.. steps.Select(s => new JourneyStepDto(s.Id, s.StepOrder, s.StepType, JsonSerializer.Deserialize<JsonElement>(s.Config)))],
            [.. triggers.Select(Dto)], journey.CreatedAt, journey.UpdatedAt);
    }

    public static JourneyTriggerDto Dto(JourneyTrigger t) => new(t.Id, t.TriggerType, JsonSerializer.Deserialize<JsonElement>(t.TriggerConfig));

    /// <summary>Throws 409 when another published journey owns one of <paramref name="journeyId"/>'s triggers.</summary>
    public async Task EnsureNoCollisionAsync(Guid journeyId, IEnumerable<TriggerDefinition> triggers, CancellationToken cancellationToken)
    {
        var others = await db.JourneyTriggers.AsNoTracking().Where(t => t.JourneyId != journeyId && t.IsActive)
            .Join(db.Journeys.AsNoTracking().Where(j => j.IsActive), t => t.JourneyId, j => j.Id, (t, j) => new { Trigger = t, j.Name })
            .ToListAsync(cancellationToken);
        var taken = others.Select(o => (TriggerConfigs.FromStored(o.Trigger).Identity, o.Name)).ToList();
        foreach (var trigger in triggers)
        {
            if (taken.FirstOrDefault(t => t.Identity == trigger.Identity) is { Name: { } owner })
            {
                throw new ConflictException($"The trigger {trigger.Identity} already starts the published journey '{owner}'.");
            }
        }
    }
}

internal sealed class ListJourneysHandler(IAppDbContext db) : IQueryHandler<ListJourneys, IReadOnlyList<JourneySummaryDto>>
{
    public async ValueTask<IReadOnlyList<JourneySummaryDto>> Handle(ListJourneys query, CancellationToken cancellationToken) =>
        await db.Journeys.AsNoTracking().OrderBy(j => j.CreatedAt)
            .Select(j => new JourneySummaryDto(
                j.Id, j.Name, j.Description, j.IsActive, db.JourneySteps.Count(s => s.JourneyId == j.Id),
                db.JourneyUserSessions.Count(s => s.JourneyId == j.Id && JourneyEngine.Running.Contains(s.Status)), j.UpdatedAt))
            .ToListAsync(cancellationToken);
}

internal sealed class GetJourneyHandler(JourneyQueries journeys) : IQueryHandler<GetJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(GetJourney query, CancellationToken cancellationToken) => await journeys.DtoAsync(query.Id, cancellationToken);
}

internal sealed class CreateJourneyHandler(IAppDbContext db, ITenantContext tenant, JourneyQueries journeys, TimeProvider clock)
    : ICommandHandler<CreateJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(CreateJourney command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var journey = Journey.Create(tenant.RequiredTenantId, command.Name, command.Description, now);
        journey.Edit(command.Name, command.Description, command.ReentryPolicy, command.InactivityTimeoutMinutes, now);
        db.Journeys.Add(journey);
        await db.SaveChangesAsync(cancellationToken);
        return await journeys.DtoAsync(journey.Id, cancellationToken);
    }
}

internal sealed class UpdateJourneyHandler(IAppDbContext db, JourneyQueries journeys, TimeProvider clock) : ICommandHandler<UpdateJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(UpdateJourney command, CancellationToken cancellationToken)
    {
        var journey = await journeys.TrackedAsync(command.Id, cancellationToken);
        journey.Edit(command.Name, command.Description, command.ReentryPolicy, command.InactivityTimeoutMinutes, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await journeys.DtoAsync(journey.Id, cancellationToken);
    }
}

internal sealed class DeleteJourneyHandler(IAppDbContext db, JourneyQueries journeys) : ICommandHandler<DeleteJourney, Unit>
{
    public async ValueTask<Unit> Handle(DeleteJourney command, CancellationToken cancellationToken)
    {
        var journey = await journeys.TrackedAsync(command.Id, cancellationToken);
        if (journey.IsActive)
        {
            throw new ConflictException("The journey is published: stop it first.");
        }

        db.Journeys.Remove(journey);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal sealed class ReplaceJourneyStepsHandler(IAppDbContext db, ITenantContext tenant, JourneyQueries journeys, JourneyEngine engine, TimeProvider clock)
    : ICommandHandler<ReplaceJourneySteps, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(ReplaceJourneySteps command, CancellationToken cancellationToken)
    {
        var journey = await journeys.TrackedAsync(command.Id, cancellationToken);
        var existing = await db.JourneySteps.Where(s => s.JourneyId == journey.Id).ToDictionaryAsync(s => s.Id, cancellationToken);
        var unknown = command.Steps.Select((s, i) => (s.Id, i)).Where(x => x.Id is { } id && !existing.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException(unknown.Select(u => new ValidationFailure($"steps[{u.i}].id", "This journey has no step with this id (omit the id for a new step).")));
        }

        var errors = new List<FlowError>();
        for (var i = 0; i < command.Steps.Count; i++)
        {
            var input = command.Steps[i];
            var step = StepConfigs.Parse(input.Id ?? Guid.Empty, input.Type, input.Config, $"steps[{i}]", errors)!;
            var json = StepConfigs.ToJson(step);
            if (input.Id is { } id)
            {
                existing[id].Change(i, input.Type!, json);
            }
            else
            {
                db.JourneySteps.Add(JourneyStep.Create(tenant.RequiredTenantId, journey.Id, i, input.Type!, json));
            }
        }

        var kept = command.Steps.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToHashSet();
        var removed = existing.Keys.Where(id => !kept.Contains(id)).ToList();
        if (removed.Count > 0)
        {
            var stranded = await db.JourneyUserSessions
                .Where(s => s.CurrentStepId != null && removed.Contains(s.CurrentStepId.Value) && JourneyEngine.Running.Contains(s.Status))
                .ToListAsync(cancellationToken);
            foreach (var session in stranded)
            {
                await engine.EndAsync(session, "step_removed", cancellationToken);
            }

            db.JourneySteps.RemoveRange(removed.Select(id => existing[id]));
        }

        journey.Edit(journey.Name, journey.Description, journey.ReentryPolicy, journey.InactivityTimeoutMinutes, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await journeys.DtoAsync(journey.Id, cancellationToken);
    }
}

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

internal sealed class PublishJourneyHandler(IAppDbContext db, JourneyQueries journeys, JourneyEngine engine, TimeProvider clock)
    : ICommandHandler<PublishJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(PublishJourney command, CancellationToken cancellationToken)
    {
        var journey = await journeys.TrackedAsync(command.Id, cancellationToken);
        if (journey.IsActive)
        {
            throw new ConflictException("The journey is already published.");
        }

        var errors = (await engine.FlowAsync(journey.Id, cancellationToken)).Validate().ToList();
        var triggers = await db.JourneyTriggers.AsNoTracking().Where(t => t.JourneyId == journey.Id && t.IsActive).ToListAsync(cancellationToken);
        if (triggers.Count == 0)
        {
            errors.Add(new FlowError("triggers", "Add a trigger first: a deep link, a keyword or an event."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Select(e => new ValidationFailure(e.Field, e.Message)));
        }

        await journeys.EnsureNoCollisionAsync(journey.Id, triggers.Select(TriggerConfigs.FromStored), cancellationToken);
        journey.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await journeys.DtoAsync(journey.Id, cancellationToken);
    }
}

internal sealed class StopJourneyHandler(IAppDbContext db, JourneyQueries journeys, JourneyEngine engine, TimeProvider clock)
    : ICommandHandler<StopJourney, JourneyDto>
{
    public async ValueTask<JourneyDto> Handle(StopJourney command, CancellationToken cancellationToken)
    {
        var journey = await journeys.TrackedAsync(command.Id, cancellationToken);
        if (!journey.IsActive)
        {
            throw new ConflictException("The journey is not published.");
        }

        journey.Unpublish(clock.GetUtcNow());
        var running = await db.JourneyUserSessions.Where(s => s.JourneyId == journey.Id && JourneyEngine.Running.Contains(s.Status)).ToListAsync(cancellationToken);
        foreach (var session in running)
        {
            await engine.EndAsync(session, "journey_stopped", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await journeys.DtoAsync(journey.Id, cancellationToken);
    }
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
