using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Audience;

/// <summary>
/// Every bot user of the tenant, newest first, searched and filtered, one page at a time by keyset: a page is the
/// <see cref="PageSize"/> users after <see cref="Cursor"/> (the previous page's <c>nextCursor</c>), read from the
/// index on the join order however deep the page, so a tenant with a million users pages as fast at the end as at
/// the start.
/// </summary>
/// <param name="Search">A name (first, last or both), a username (a leading <c>@</c> matches usernames only) or a Telegram id.</param>
/// <param name="Vip">With (true) or without (false) an active subscription.</param>
/// <param name="FreeLead">Never paid (true) or paid at least once (false).</param>
/// <param name="BlockedBy">Blocked <c>message_bot</c> (the signal bot's block is the same flag: <c>signal_bot</c>), <c>coupon_bot</c> or <c>any</c>.</param>
/// <param name="Unsubscribed">Sent /stop (true) or not (false).</param>
/// <param name="CouponUser">Used the coupon bot (true) or not (false).</param>
/// <param name="JoinedFrom">Joined at or after this instant.</param>
/// <param name="JoinedTo">Joined before this instant.</param>
public sealed record ListAudienceUsers(
    string? Search = null, bool? Vip = null, bool? FreeLead = null, string? BlockedBy = null, bool? Unsubscribed = null, bool? CouponUser = null,
    DateTimeOffset? JoinedFrom = null, DateTimeOffset? JoinedTo = null, string? Cursor = null, int PageSize = 50)
    : ITenantQuery<AudienceUserPage>;

/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record AudienceUserPage(IReadOnlyList<AudienceUserDto> Items, string? NextCursor, int PageSize);

internal sealed class ListAudienceUsersValidator : AbstractValidator<ListAudienceUsers>
{
    public const string AnyBot = "any";

    public ListAudienceUsersValidator()
    {
        RuleFor(q => q.Search).MaximumLength(100);
        RuleFor(q => q.PageSize).InclusiveBetween(1, PagedQueryValidator<IPagedQuery>.MaxPageSize);
        RuleFor(q => q.BlockedBy)
            .Must(b => b is AnyBot or BotRoleNames.MessageBot or BotRoleNames.SignalBot or BotRoleNames.CouponBot)
            .When(q => q.BlockedBy is not null)
            .WithMessage("Blocked by is message_bot, signal_bot, coupon_bot or any.");
        RuleFor(q => q.JoinedTo).GreaterThan(q => q.JoinedFrom).When(q => q.JoinedFrom is not null && q.JoinedTo is not null)
            .WithMessage("The end must be after the start.");
        RuleFor(q => q.Cursor).Must(c => AudienceCursor.TryDecode(c) is not null).When(q => q.Cursor is not null)
            .WithMessage("Not a cursor of this list: pass a nextCursor as it was given.");
    }
}

internal sealed class ListAudienceUsersHandler(IAppDbContext db) : IQueryHandler<ListAudienceUsers, AudienceUserPage>
{
    public async ValueTask<AudienceUserPage> Handle(ListAudienceUsers query, CancellationToken cancellationToken)
    {
        var users = Filter(db.BotUsers.AsNoTracking(), query);
        if (AudienceCursor.TryDecode(query.Cursor) is { } after)
        {
            // The first condition bounds the index range; the second steps past the users of the same instant already shown.
            users = users.Where(u => u.CreatedAt <= after.JoinedAt && (u.CreatedAt < after.JoinedAt || u.ChatId < after.TelegramUserId));
        }

        var rows = await users.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.ChatId)
            .Take(query.PageSize + 1)
            .Select(AudienceUserDto.From(db))
            .ToListAsync(cancellationToken);
        var next = rows.Count > query.PageSize ? new AudienceCursor(rows[query.PageSize - 1].JoinedAt, rows[query.PageSize - 1].TelegramUserId).Encode() : null;
        return new AudienceUserPage([.. rows.Take(query.PageSize)], next, query.PageSize);
    }

    private IQueryable<BotUser> Filter(IQueryable<BotUser> users, ListAudienceUsers query)
    {
        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            users = Search(users, search);
        }

        var vips = db.TelegramSubscriptions.Where(s => s.Status == SubscriptionStatus.Active);
        users = query.Vip switch
        {
            true => users.Where(u => vips.Any(s => s.TelegramUserId == u.ChatId)),
            false => users.Where(u => !vips.Any(s => s.TelegramUserId == u.ChatId)),
            null => users,
        };

        var payers = db.TelegramSubscriptions.Where(s => s.FirstPaidAt != null);
        users = query.FreeLead switch
        {
            true => users.Where(u => !payers.Any(s => s.TelegramUserId == u.ChatId)),
            false => users.Where(u => payers.Any(s => s.TelegramUserId == u.ChatId)),
            null => users,
        };

        users = query.BlockedBy switch
        {
            ListAudienceUsersValidator.AnyBot => users.Where(u => u.IsBlocked || u.CouponBotBlocked),
            BotRoleNames.CouponBot => users.Where(u => u.CouponBotBlocked),
            BotRoleNames.MessageBot or BotRoleNames.SignalBot => users.Where(u => u.IsBlocked),
            _ => users,
        };

        if (query.Unsubscribed is { } unsubscribed)
        {
            users = users.Where(u => (u.UnsubscribedAt != null) == unsubscribed);
        }

        if (query.CouponUser is { } couponUser)
        {
            users = users.Where(u => (u.CouponFirstSeenAt != null) == couponUser);
        }

        if (query.JoinedFrom is { } from)
        {
            users = users.Where(u => u.CreatedAt >= from);
        }

        if (query.JoinedTo is { } to)
        {
            users = users.Where(u => u.CreatedAt < to);
        }

        return users;
    }

    /// <summary>Names and usernames match anywhere, in any case (wildcards are literal); a number is a Telegram id.</summary>
    private static IQueryable<BotUser> Search(IQueryable<BotUser> users, string search)
    {
        if (long.TryParse(search, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var telegramId))
        {
            return users.Where(u => u.ChatId == telegramId);
        }

        var usernameOnly = search.StartsWith('@');
        var literal = search.TrimStart('@').ToLowerInvariant()
            .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var pattern = $"%{literal}%";
        return usernameOnly
            ? users.Where(u => u.Username != null && EF.Functions.Like(u.Username.ToLower(), pattern, "\\"))
            : users.Where(u => (u.Username != null && EF.Functions.Like(u.Username.ToLower(), pattern, "\\"))
                               || (u.FirstName != null && EF.Functions.Like(u.FirstName.ToLower(), pattern, "\\"))
                               || (u.LastName != null && EF.Functions.Like(u.LastName.ToLower(), pattern, "\\"))
                               || (u.FirstName != null && u.LastName != null && EF.Functions.Like((u.FirstName + " " + u.LastName).ToLower(), pattern, "\\")));
    }
}
