using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>The tenant's subscriptions, newest first, filtered by status and plan, searched by email or Telegram username.</summary>
public sealed record ListSubscriptions(SubscriptionStatus? Status, PlanType? Plan, string? Search, int Page = 1, int PageSize = 50) : ITenantQuery<SubscriptionPage>;

public sealed record SubscriptionPage(IReadOnlyList<SubscriptionDto> Items, int Total, int Page, int PageSize);

internal sealed class ListSubscriptionsValidator : AbstractValidator<ListSubscriptions>
{
    public ListSubscriptionsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Plan).IsInEnum();
        RuleFor(q => q.Search).MaximumLength(320);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}

internal sealed class ListSubscriptionsHandler(IAppDbContext db, PersonalData personal) : IQueryHandler<ListSubscriptions, SubscriptionPage>
{
    public async ValueTask<SubscriptionPage> Handle(ListSubscriptions query, CancellationToken cancellationToken)
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

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new SubscriptionPage([.. page.Select(s => SubscriptionView.Of(s, personal))], total, query.Page, query.PageSize);
    }
}
