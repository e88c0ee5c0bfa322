using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

public sealed record GetJourneyAnalytics(Guid Id) : ITenantQuery<JourneyAnalyticsDto>;

public sealed record JourneyAnalyticsDto(
    int Started, int Running, int Completed, int Ended, int Failed, double CompletionRate, double? MedianSecondsToComplete,
    IReadOnlyList<StepFunnelDto> Steps, int DroppedAtRemovedSteps, IReadOnlyDictionary<string, int> EndReasons, int Skipped);

/// <summary>Where sessions are now (<see cref="Waiting"/>) and where the ones that did not complete stopped (<see cref="DroppedHere"/>).</summary>
public sealed record StepFunnelDto(Guid StepId, int Order, string Type, string? Name, int Waiting, int DroppedHere);

internal sealed class GetJourneyAnalyticsHandler(IAppDbContext db) : Mediator.IQueryHandler<GetJourneyAnalytics, JourneyAnalyticsDto>
{
    public async ValueTask<JourneyAnalyticsDto> Handle(GetJourneyAnalytics query, CancellationToken cancellationToken)
    {
        if (!await db.Journeys.AnyAsync(j => j.Id == query.Id, cancellationToken))
        {
            throw new NotFoundException("Journey", query.Id);
        }

        var sessions = db.JourneyUserSessions.AsNoTracking().Where(s => s.JourneyId == query.Id);
        var byStatus = await sessions.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Count(params JourneySessionStatus[] statuses) => byStatus.Where(s => statuses.Contains(s.Key)).Sum(s => s.Count);
        var byStep = await sessions.GroupBy(s => new { s.CurrentStepId, Running = JourneyEngine.Running.Contains(s.Status), Done = s.Status == JourneySessionStatus.Completed })
            .Select(g => new { g.Key.CurrentStepId, g.Key.Running, g.Key.Done, Count = g.Count() }).ToListAsync(cancellationToken);
        var reasons = await sessions.Where(s => s.EndReason != null).GroupBy(s => s.EndReason!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var durations = await sessions.Where(s => s.Status == JourneySessionStatus.Completed && s.CompletedAt != null)
            .Select(s => new { s.StartedAt, s.CompletedAt }).ToListAsync(cancellationToken);
        var seconds = durations.Select(d => (d.CompletedAt!.Value - d.StartedAt).TotalSeconds).Order().ToList();
        var steps = await db.JourneySteps.AsNoTracking().Where(s => s.JourneyId == query.Id).OrderBy(s => s.StepOrder).ToListAsync(cancellationToken);

        var started = byStatus.Sum(s => s.Count);
        var completed = Count(JourneySessionStatus.Completed);
        return new JourneyAnalyticsDto(
            started, Count(JourneyEngine.Running), completed, Count(JourneySessionStatus.Ended), Count(JourneySessionStatus.Failed),
            started == 0 ? 0 : Math.Round((double)completed / started, 4),
            seconds.Count == 0 ? null : seconds.Count % 2 == 1 ? seconds[seconds.Count / 2] : (seconds[(seconds.Count / 2) - 1] + seconds[seconds.Count / 2]) / 2,
            [.. steps.Select(step => new StepFunnelDto(
                step.Id, step.StepOrder, step.StepType, StepConfigs.FromStored(step).Name,
                byStep.Where(x => x.CurrentStepId == step.Id && x.Running).Sum(x => x.Count),
                byStep.Where(x => x.CurrentStepId == step.Id && !x.Running && !x.Done).Sum(x => x.Count)))],
            byStep.Where(x => x.CurrentStepId == null && !x.Running && !x.Done).Sum(x => x.Count),
            reasons,
            await db.JourneySkips.CountAsync(s => s.JourneyId == query.Id, cancellationToken));
    }
}
