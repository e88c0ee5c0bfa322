using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Common.Security;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>The tenant's subscriptions, newest first, filtered by status and plan, searched by email or Telegram username.</summary>
public sealed record ListSubscriptions(SubscriptionStatus? Status, PlanType? Plan, string? Search, int Page = 1, int PageSize = 50) : ITenantQuery<Page<SubscriptionDto>>, IPagedQuery,
    IAuditedQuery;

internal sealed class ListSubscriptionsValidator : PagedQueryValidator<ListSubscriptions>
{
    public ListSubscriptionsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Plan).IsInEnum();
        RuleFor(q => q.Search).MaximumLength(320);
    }
}

internal sealed class ListSubscriptionsHandler(IAppDbContext db, PersonalData personal, TypeAdapterConfig mappings)
    : IQueryHandler<ListSubscriptions, Page<SubscriptionDto>>
{
    public async ValueTask<Page<SubscriptionDto>> Handle(ListSubscriptions query, CancellationToken cancellationToken)
    {
        var rows = db.TelegramSubscriptions.AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(s => s.Status == status);
        }

        if (query.Plan is { } plan)
        {
            rows = rows.Where(s => s.PlanType == plan);
        }

        if (query.Search is { Length: > 0 } search)
        {
            // Emails are stored in lower case; a Telegram username matches in any case. Wildcards in the search are literal.
            var literal = search.Trim().TrimStart('@').ToLowerInvariant()
                .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            var pattern = $"%{literal}%";
            rows = rows.Where(s => EF.Functions.Like(s.Email!, pattern, "\\") || EF.Functions.Like(s.PayerEmail!, pattern, "\\")
                                   || (s.TelegramUsername != null && EF.Functions.Like(s.TelegramUsername.ToLower(), pattern, "\\")));
        }

        var page = await rows.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .ProjectToType<SubscriptionDto>(mappings).ToPageAsync(query, cancellationToken);
        return page with { Items = [.. page.Items.Select(s => s.MaskedFor(personal))] };
    }
}
