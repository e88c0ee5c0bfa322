using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>The tenant's deliveries, newest first: what is waiting, what was sent, what failed and why.</summary>
public sealed record ListOutbox(OutboxStatus? Status, string? Kind, long? ChatId, int Page = 1, int PageSize = 50) : ITenantQuery<Page<OutboxItemDto>>, IPagedQuery;

public sealed record OutboxItemDto(
    long Id, string Bot, string Kind, long ChatId, string Method, OutboxStatus Status, int Attempts, string? LastError,
    int? TelegramMessageId, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt);

internal sealed class ListOutboxValidator : PagedQueryValidator<ListOutbox>
{
    public ListOutboxValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).MaximumLength(32);
    }
}

internal sealed class ListOutboxHandler(IAppDbContext db, TypeAdapterConfig mappings) : IQueryHandler<ListOutbox, Page<OutboxItemDto>>
{
    public async ValueTask<Page<OutboxItemDto>> Handle(ListOutbox query, CancellationToken cancellationToken)
    {
        var rows = db.TelegramOutbox.AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(m => m.Status == status);
        }

        if (query.Kind is { } kind)
        {
            rows = rows.Where(m => m.Kind == kind);
        }

        if (query.ChatId is { } chatId)
        {
            rows = rows.Where(m => m.ChatId == chatId);
        }

        return await rows.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .ProjectToType<OutboxItemDto>(mappings).ToPageAsync(query, cancellationToken);
    }
}
