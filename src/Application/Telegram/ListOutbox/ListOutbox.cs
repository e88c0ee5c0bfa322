using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>The tenant's deliveries, newest first: what is waiting, what was sent, what failed and why.</summary>
public sealed record ListOutbox(OutboxStatus? Status, string? Kind, long? ChatId, int Page = 1, int PageSize = 50) : ITenantQuery<OutboxPage>;

public sealed record OutboxPage(IReadOnlyList<OutboxItemDto> Items, int Total, int Page, int PageSize);

public sealed record OutboxItemDto(
    long Id, string Bot, string Kind, long ChatId, string Method, OutboxStatus Status, int Attempts, string? LastError,
    int? TelegramMessageId, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt);

internal sealed class ListOutboxValidator : AbstractValidator<ListOutbox>
{
    public ListOutboxValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).MaximumLength(32);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}

internal sealed class ListOutboxHandler(IAppDbContext db) : IQueryHandler<ListOutbox, OutboxPage>
{
    public async ValueTask<OutboxPage> Handle(ListOutbox query, CancellationToken cancellationToken)
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

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(m => new OutboxItemDto(
                m.Id, m.BotRole, m.Kind, m.ChatId, m.Method, m.Status, m.Attempts, m.LastError, m.TelegramMessageId, m.CreatedAt,
                m.NextAttemptAt, m.SentAt))
            .ToListAsync(cancellationToken);
        return new OutboxPage(items, total, query.Page, query.PageSize);
    }
}
