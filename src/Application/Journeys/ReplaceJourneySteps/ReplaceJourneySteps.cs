using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

/// <summary>
/// The whole ordered list: steps with an <c>id</c> are edited in place (sessions on them stay), new ones are added,
/// missing ones are removed (a session standing on one ends with <c>step_removed</c>). A published journey's new
/// flow must pass all checks; a draft's too, so nothing invalid is ever stored.
/// </summary>
public sealed record ReplaceJourneySteps(Guid Id, IReadOnlyList<StepInput> Steps) : ITenantCommand<JourneyDto>;

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
