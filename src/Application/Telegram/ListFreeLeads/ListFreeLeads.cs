using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>The tenant's free leads in Telegram id order, with where each came from and whether a bot can reach them.</summary>
public sealed record ListFreeLeads(int Page = 1, int PageSize = 50) : ITenantQuery<FreeLeadPage>, IPagedQuery, IAuditedQuery;

/// <param name="Reachable">How many of all the leads the bot can write to: they started it, and neither blocked it nor unsubscribed.</param>
public sealed record FreeLeadPage(IReadOnlyList<FreeLeadDto> Items, int Total, int Reachable, int Number, int PageSize)
    : Page<FreeLeadDto>(Items, Total, Number, PageSize);

/// <remarks>For members the Telegram id is left out and the names masked (admins see them in full).</remarks>
public sealed record FreeLeadDto(
    long? TelegramUserId, string? Username, string? FirstName, bool StartedBot, bool InFreeChannel, bool Reachable, DateTimeOffset FirstSeenAt);

internal sealed class ListFreeLeadsValidator : PagedQueryValidator<ListFreeLeads>
{
    public ListFreeLeadsValidator()
    {
    }
}

internal sealed class ListFreeLeadsHandler(IAppDbContext db, Common.Security.PersonalData personal) : IQueryHandler<ListFreeLeads, FreeLeadPage>
{
    public async ValueTask<FreeLeadPage> Handle(ListFreeLeads query, CancellationToken cancellationToken)
    {
        var leads = FreeLeads.UserIds(db);
        var total = await leads.CountAsync(cancellationToken);
        var reachable = await FreeLeads.Reachable(db).CountAsync(cancellationToken);
        var ids = await leads.OrderBy(id => id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);

        var users = await db.BotUsers.AsNoTracking().Where(u => ids.Contains(u.ChatId))
            .Select(u => new { u.ChatId, u.Username, u.FirstName, u.IsBlocked, u.UnsubscribedAt, u.CreatedAt })
            .ToDictionaryAsync(u => u.ChatId, cancellationToken);
        var members = await db.ChannelMemberships.AsNoTracking()
            .Where(m => m.ChannelKind == ChannelKind.Free && ids.Contains(m.TelegramUserId))
            .Select(m => new { m.TelegramUserId, m.Username, m.Status, m.JoinedAt })
            .ToDictionaryAsync(m => m.TelegramUserId, cancellationToken);

        var items = ids.Select(id =>
        {
            var user = users.GetValueOrDefault(id);
            var member = members.GetValueOrDefault(id);
            DateTimeOffset[] seen = [.. new[] { user?.CreatedAt, member?.JoinedAt }.OfType<DateTimeOffset>()];
            return new FreeLeadDto(
                personal.Id<long>(id), personal.Name(user?.Username ?? member?.Username), personal.Name(user?.FirstName), user is not null, member?.Status == MembershipStatus.Member,
                user is { IsBlocked: false, UnsubscribedAt: null }, seen.Min());
        }).ToList();
        return new FreeLeadPage(items, total, reachable, query.Page, query.PageSize);
    }
}
