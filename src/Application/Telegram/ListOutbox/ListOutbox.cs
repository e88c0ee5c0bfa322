using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Common.Security;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>The tenant's deliveries, newest first: what is waiting, what was sent, what failed and why.</summary>
public sealed record ListOutbox(OutboxStatus? Status, string? Kind, long? ChatId, int Page = 1, int PageSize = 50) : ITenantQuery<Page<OutboxItemDto>>, IPagedQuery;

/// <summary>One delivery, with what it shows in its chat. For members, a person's chat id and what was sent to them are left out.</summary>
/// <param name="Kind">The feature that sent it.</param>
/// <param name="ChatId">The chat: a channel or group (negative), or a person (null for members).</param>
/// <param name="DependsOnId">The delivery this one waits for: the message it replies to, edits or copies, or the invite link it carries.</param>
/// <param name="Content">What the message shows (null for members when it went to a person).</param>
public sealed record OutboxItemDto(
    long Id, string Bot, string Kind, long? ChatId, string Method, OutboxStatus Status, int Attempts, string? LastError,
    int? TelegramMessageId, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, long? DependsOnId, MessageContentDto? Content);

internal sealed class ListOutboxValidator : PagedQueryValidator<ListOutbox>
{
    public ListOutboxValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Kind).MaximumLength(32);
    }
}

internal sealed class ListOutboxHandler(IAppDbContext db, PersonalData personal) : IQueryHandler<ListOutbox, Page<OutboxItemDto>>
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

        // One page's payloads only: the content is read from each stored call once it is on the page.
        var page = await rows.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new
            {
                m.Id, m.BotRole, m.Kind, m.ChatId, m.Method, m.Payload, m.Status, m.Attempts, m.LastError, m.TelegramMessageId, m.CreatedAt, m.NextAttemptAt,
                m.SentAt, m.DependsOnId,
            })
            .ToPageAsync(query, cancellationToken);
        return new Page<OutboxItemDto>(
            [
                .. page.Items.Select(m => new OutboxItemDto(
                    m.Id, m.BotRole, m.Kind, OutboxView.ChatId(m.ChatId, personal), m.Method, m.Status, m.Attempts, m.LastError, m.TelegramMessageId,
                    m.CreatedAt, m.NextAttemptAt, m.SentAt, m.DependsOnId, OutboxView.Content(m.ChatId, m.Method, m.Payload, m.DependsOnId, personal))),
            ],
            page.Total, page.Number, page.PageSize);
    }
}
