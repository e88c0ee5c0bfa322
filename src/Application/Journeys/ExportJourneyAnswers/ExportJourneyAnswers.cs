using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

/// <summary>The collected answers as CSV: one row per session that answered anything, one column per answer key.</summary>
public sealed record ExportJourneyAnswers(Guid Id) : ITenantQuery<string>, IAuditedQuery;

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
