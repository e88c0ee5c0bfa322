using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

/// <remarks>For members the Telegram ids and the answers (which may carry emails) are left out; admins see them.</remarks>
public sealed record JourneySessionDto(
    Guid Id, long? TelegramChatId, long? TelegramUserId, JourneySessionStatus Status, Guid? CurrentStepId, JsonElement Answers, string? EndReason,
    DateTimeOffset StartedAt, DateTimeOffset LastActivityAt, DateTimeOffset? CompletedAt);

public sealed record JourneySessionPage(IReadOnlyList<JourneySessionDto> Items, int Total, int Page, int PageSize);

/// <summary>Where sessions are now (<see cref="Waiting"/>) and where the ones that did not complete stopped (<see cref="DroppedHere"/>).</summary>
public sealed record StepFunnelDto(Guid StepId, int Order, string Type, string? Name, int Waiting, int DroppedHere);

public sealed record JourneyAnalyticsDto(
    int Started, int Running, int Completed, int Ended, int Failed, double CompletionRate, double? MedianSecondsToComplete,
    IReadOnlyList<StepFunnelDto> Steps, int DroppedAtRemovedSteps, IReadOnlyDictionary<string, int> EndReasons, int Skipped);

public sealed record ListJourneySessions(Guid Id, JourneySessionStatus? Status, int Page = 1, int PageSize = 50) : ITenantQuery<JourneySessionPage>;

public sealed record GetJourneyAnalytics(Guid Id) : ITenantQuery<JourneyAnalyticsDto>;

/// <summary>The collected answers as CSV: one row per session that answered anything, one column per answer key.</summary>
public sealed record ExportJourneyAnswers(Guid Id) : ITenantQuery<string>;

internal sealed class ListJourneySessionsValidator : AbstractValidator<ListJourneySessions>
{
    public ListJourneySessionsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}

internal sealed class ListJourneySessionsHandler(IAppDbContext db, Common.Security.PersonalData personal) : Mediator.IQueryHandler<ListJourneySessions, JourneySessionPage>
{
    public async ValueTask<JourneySessionPage> Handle(ListJourneySessions query, CancellationToken cancellationToken)
    {
        if (!await db.Journeys.AnyAsync(j => j.Id == query.Id, cancellationToken))
        {
            throw new NotFoundException("Journey", query.Id);
        }

        var rows = db.JourneyUserSessions.AsNoTracking().Where(s => s.JourneyId == query.Id);
        if (query.Status is { } status)
        {
            rows = rows.Where(s => s.Status == status);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(s => s.StartedAt).ThenBy(s => s.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new JourneySessionPage(
            [.. page.Select(s => new JourneySessionDto(
                s.Id, personal.Id<long>(s.TelegramChatId), personal.Id<long>(s.TelegramUserId), s.Status, s.CurrentStepId,
                JsonSerializer.Deserialize<JsonElement>(personal.InFull ? s.Answers : "{}"), s.EndReason,
                s.StartedAt, s.LastActivityAt, s.CompletedAt))],
            total, query.Page, query.PageSize);
    }
}

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

internal sealed class ExportJourneyAnswersHandler(IAppDbContext db) : Mediator.IQueryHandler<ExportJourneyAnswers, string>
{
    public async ValueTask<string> Handle(ExportJourneyAnswers query, CancellationToken cancellationToken)
    {
        if (!await db.Journeys.AnyAsync(j => j.Id == query.Id, cancellationToken))
        {
            throw new NotFoundException("Journey", query.Id);
        }

        var sessions = await db.JourneyUserSessions.AsNoTracking().Where(s => s.JourneyId == query.Id && s.Answers != "{}")
            .OrderBy(s => s.StartedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var answers = sessions.ConvertAll(s => (Session: s, Values: JourneyEngine.Answers(s)));
        var stepKeys = (await db.JourneySteps.AsNoTracking().Where(s => s.JourneyId == query.Id).OrderBy(s => s.StepOrder).ToListAsync(cancellationToken))
            .Select(StepConfigs.FromStored)
            .Select(s => s switch { QuestionStep q => q.AnswerKey, WaitForReplyStep w => w.AnswerKey, _ => null })
            .Where(k => k is not null).Select(k => k!);
        var keys = stepKeys.Concat(answers.SelectMany(a => a.Values.Keys)).Distinct(StringComparer.Ordinal).ToList();

        var csv = new StringBuilder();
        csv.AppendJoin(',', ["session_id", "telegram_user_id", "telegram_chat_id", "status", "started_at", "completed_at", .. keys.Select(Csv.Cell)]).Append("\r\n");
        foreach (var (session, values) in answers)
        {
            csv.AppendJoin(',', [
                session.Id.ToString(), session.TelegramUserId.ToString(CultureInfo.InvariantCulture), session.TelegramChatId.ToString(CultureInfo.InvariantCulture),
                session.Status.ToString().ToLowerInvariant(), session.StartedAt.ToString("O", CultureInfo.InvariantCulture),
                session.CompletedAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
                .. keys.Select(k => Csv.Cell(values.GetValueOrDefault(k) ?? string.Empty)),
            ]).Append("\r\n");
        }

        return csv.ToString();
    }
}
