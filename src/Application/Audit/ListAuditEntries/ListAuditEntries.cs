using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.Audit;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Audit;

/// <summary>
/// The tenant's audit log, newest first: the changes its users made (and the exports of personal data, and platform
/// operators' look-ins) in the last year. Filtered by <paramref name="User"/> (a user id, or an email),
/// <paramref name="Action"/> (a message's name, e.g. <c>SaveConnection</c>) and time: <paramref name="From"/>
/// inclusive, <paramref name="To"/> exclusive.
/// </summary>
public sealed record ListAuditEntries(string? User = null, string? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Page = 1, int PageSize = 50)
    : ITenantQuery<Page<AuditEntryDto>>, IPagedQuery;

/// <param name="UserRole">Their role in the tenant when they acted.</param>
/// <param name="PlatformOperator">Whether they were a platform operator when they acted.</param>
/// <param name="Action">The message sent, by its name.</param>
/// <param name="Fields">What it carried, secrets masked and large values summarised.</param>
/// <param name="ClientAddress">The client's address as the API saw it, behind the known proxies.</param>
public sealed record AuditEntryDto(
    long Id, DateTimeOffset OccurredAt, string UserId, string? UserEmail, TenantRole? UserRole, bool PlatformOperator, string Action, JsonElement Fields,
    string? ClientAddress);

internal sealed class ListAuditEntriesValidator : PagedQueryValidator<ListAuditEntries>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(q => q.User).MaximumLength(TenantUser.EmailMaxLength);
        RuleFor(q => q.Action).Matches("^[A-Za-z]+$").MaximumLength(AuditEntry.ActionMaxLength)
            .WithMessage("An action is a message's name, such as SaveConnection.");
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("'to' must be after 'from'.");
    }
}

internal sealed class ListAuditEntriesHandler(IAppDbContext db) : IQueryHandler<ListAuditEntries, Page<AuditEntryDto>>
{
    public async ValueTask<Page<AuditEntryDto>> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (query.User is { Length: > 0 } user)
        {
            var who = user.Trim();
            var email = TenantUser.NormalizeEmail(who);
            entries = who.Contains('@', StringComparison.Ordinal) ? entries.Where(e => e.UserEmail == email) : entries.Where(e => e.UserId == who);
        }

        if (query.Action is { Length: > 0 } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        var page = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ToPageAsync(query, cancellationToken);
        return new Page<AuditEntryDto>(
            [.. page.Items.Select(e => new AuditEntryDto(
                e.Id, e.OccurredAt, e.UserId, e.UserEmail, e.UserRole, e.PlatformOperator, e.Action, JsonSerializer.Deserialize<JsonElement>(e.Fields),
                e.ClientAddress?.ToString()))],
            page.Total, page.Number, page.PageSize);
    }
}
