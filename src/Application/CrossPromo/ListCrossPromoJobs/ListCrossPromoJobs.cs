using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.CrossPromo;

namespace PromoStack.Application.CrossPromo;

/// <summary>The jobs, newest first, by status, type and the local date they were for.</summary>
public sealed record ListCrossPromoJobs(CrossPromoJobStatus? Status, string? Type, DateOnly? Date, int Page = 1, int PageSize = 50) : ITenantQuery<Page<CrossPromoJobDto>>, IPagedQuery;

public sealed record CrossPromoJobDto(
    int Id, string Type, string Status, DateTimeOffset DueAt, string? Reason, JsonElement Payload, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

internal sealed class ListCrossPromoJobsValidator : PagedQueryValidator<ListCrossPromoJobs>
{
    public ListCrossPromoJobsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Type).Must(t => t is null or CrossPromoJob.MorningNews or CrossPromoJob.VipTeaser or CrossPromoJob.WinningSignal)
            .WithMessage("The type is morning_news, vip_teaser or winning_signal.");
    }
}

internal sealed class ListCrossPromoJobsHandler(IAppDbContext db) : IQueryHandler<ListCrossPromoJobs, Page<CrossPromoJobDto>>
{
    public async ValueTask<Page<CrossPromoJobDto>> Handle(ListCrossPromoJobs query, CancellationToken cancellationToken)
    {
        var rows = db.CrossPromoJobs.AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(j => j.Status == status);
        }

        if (query.Type is { } type)
        {
            rows = rows.Where(j => j.JobType == type);
        }

        if (query.Date is { } date)
        {
            var suffix = $":{date:yyyy-MM-dd}";
            rows = rows.Where(j => j.DedupeKey!.EndsWith(suffix));
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(j => j.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<CrossPromoJobDto>(
            [.. page.Select(j => new CrossPromoJobDto(
                j.Id, j.JobType, j.Status.ToString().ToLowerInvariant(), j.NextAttemptAt, j.LastError, JsonSerializer.Deserialize<JsonElement>(j.Payload), j.CreatedAt, j.CompletedAt))],
            total, query.Page, query.PageSize);
    }
}
