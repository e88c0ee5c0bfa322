using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

public sealed record ListJourneySessions(Guid Id, JourneySessionStatus? Status, int Page = 1, int PageSize = 50) : ITenantQuery<Page<JourneySessionDto>>, IPagedQuery,
    IAuditedQuery;

/// <remarks>For members the Telegram ids and the answers (which may carry emails) are left out; admins see them.</remarks>
public sealed record JourneySessionDto(
    Guid Id, long? TelegramChatId, long? TelegramUserId, JourneySessionStatus Status, Guid? CurrentStepId, JsonElement Answers, string? EndReason,
    DateTimeOffset StartedAt, DateTimeOffset LastActivityAt, DateTimeOffset? CompletedAt);

internal sealed class ListJourneySessionsValidator : PagedQueryValidator<ListJourneySessions>
{
    public ListJourneySessionsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
    }
}

internal sealed class ListJourneySessionsHandler(IAppDbContext db, Common.Security.PersonalData personal) : Mediator.IQueryHandler<ListJourneySessions, Page<JourneySessionDto>>
{
    public async ValueTask<Page<JourneySessionDto>> Handle(ListJourneySessions query, CancellationToken cancellationToken)
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
        return new Page<JourneySessionDto>(
            [.. page.Select(s => new JourneySessionDto(
                s.Id, personal.Id<long>(s.TelegramChatId), personal.Id<long>(s.TelegramUserId), s.Status, s.CurrentStepId,
                JsonSerializer.Deserialize<JsonElement>(personal.InFull ? s.Answers : "{}"), s.EndReason,
                s.StartedAt, s.LastActivityAt, s.CompletedAt))],
            total, query.Page, query.PageSize);
    }
}
