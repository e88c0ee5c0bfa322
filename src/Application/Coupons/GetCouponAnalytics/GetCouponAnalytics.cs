using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Time;
using PromoStack.Application.Common.Security;
using PromoStack.Domain.Common;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// How the coupon bot and the web generator were used from <see cref="From"/> to <see cref="To"/> (<c>YYYY-MM-DD</c>,
/// both included, days of the tenant's time zone; by default the 30 days ending today, at most
/// <see cref="CouponPeriod.MaxDays"/>). Every figure counts only attempts made in those days; retention also looks
/// only at those days. <see cref="Top"/> is how many users and codes the top lists hold.
/// </summary>
public sealed record GetCouponAnalytics(string? From = null, string? To = null, int Top = 10) : ITenantQuery<CouponAnalyticsDto>;

/// <param name="Timezone">The tenant's IANA zone: what "a day" means in every figure.</param>
/// <param name="Summary">Attempts by outcome and kind, and the rates (see <see cref="CouponTally"/> for their definitions).</param>
/// <param name="Errors">Every error type, with how many attempts ended with it and on whose side it is; the most frequent first.</param>
/// <param name="UniqueUsers">Telegram chats and web clients (a keyed hash of address and browser) that made at least one attempt.</param>
/// <param name="Daily">Every day of the period, in order, days without attempts included with zeros.</param>
/// <param name="TopUsers">Telegram users with the most images made, then the most attempts, then the most recent.</param>
/// <param name="Templates">Images made per template, the most used first.</param>
/// <param name="Sizes">Images made per size, every size listed.</param>
/// <param name="Codes">The codes of the most successful attempts (code checks and images), with how many users used each.</param>
/// <param name="Weekdays">Attempts per day of the week (Monday first) over the period's days.</param>
public sealed record CouponAnalyticsDto(
    DateOnly From, DateOnly To, string Timezone, CouponTally Summary, IReadOnlyList<CouponErrorCountDto> Errors, CouponUserCountDto UniqueUsers,
    IReadOnlyList<CouponDayDto> Daily, CouponRetentionDto Retention, IReadOnlyList<CouponTopUserDto> TopUsers,
    IReadOnlyList<CouponTemplateUseDto> Templates, IReadOnlyList<CouponSizeUseDto> Sizes, IReadOnlyList<CouponCodeUseDto> Codes,
    IReadOnlyList<CouponWeekdayDto> Weekdays);

public sealed record CouponErrorCountDto(string ErrorType, bool UserMistake, int Count);

/// <summary>People counted apart by where they came from, and together (a chat and a web client are never the same user).</summary>
public sealed record CouponUserCountDto(int Telegram, int Web)
{
    public int Total => Telegram + Web;
}

/// <param name="UniqueUsers">Chats and web clients with an attempt that day.</param>
public sealed record CouponDayDto(DateOnly Date, int Attempts, int Successes, int Failures, int UserMistakes, int SystemFailures, int UniqueUsers);

/// <summary>
/// New users are those whose first attempt ever (for this tenant) falls in the period. A new user is retained on day
/// n if they made an attempt on the n-th day after the day of their first one (tenant days).
/// </summary>
/// <param name="NewUsers">New users, by where they came from.</param>
/// <param name="Days">D1, D7 and D30.</param>
public sealed record CouponRetentionDto(CouponUserCountDto NewUsers, IReadOnlyList<CouponRetentionDayDto> Days);

/// <param name="Day">n: 1, 7 or 30.</param>
/// <param name="Cohort">New users whose day n is within the period and not after today: only they could have come back on it.</param>
/// <param name="Retained">Of those, how many made an attempt on their day n.</param>
/// <param name="Rate">Retained / cohort; null for an empty cohort.</param>
public sealed record CouponRetentionDayDto(int Day, int Cohort, int Retained, double? Rate);

/// <summary>For members the chat id is left out and the names masked (admins see them in full).</summary>
/// <param name="Images">Images made.</param>
public sealed record CouponTopUserDto(long? ChatId, string? Username, string? Name, int Attempts, int Images, DateTimeOffset LastSeenAt);

public sealed record CouponTemplateUseDto(string Slug, int Images);

public sealed record CouponSizeUseDto(CouponSize Size, int Images);

/// <param name="Uses">Successful attempts with the code (checks and images).</param>
/// <param name="Images">Images made with it.</param>
/// <param name="Users">Chats and web clients that used it successfully.</param>
public sealed record CouponCodeUseDto(string Code, int Uses, int Images, int Users);

public sealed record CouponWeekdayDto(DayOfWeek Day, int Attempts, int Successes);

internal sealed class GetCouponAnalyticsValidator : AbstractValidator<GetCouponAnalytics>
{
    public const int MaxTop = 100;

    public GetCouponAnalyticsValidator()
    {
        RuleFor(q => q.From).Must(CouponPeriod.IsDateOrAbsent).WithMessage(CouponPeriod.DateMessage);
        RuleFor(q => q.To).Must(CouponPeriod.IsDateOrAbsent).WithMessage(CouponPeriod.DateMessage);
        RuleFor(q => q.Top).InclusiveBetween(1, MaxTop);
    }
}

internal sealed class GetCouponAnalyticsHandler(IAppDbContext db, PersonalData personal, TimeProvider clock)
    : IQueryHandler<GetCouponAnalytics, CouponAnalyticsDto>
{
    /// <summary>The n of Dn retention.</summary>
    private static readonly int[] RetentionDays = [1, 7, 30];

    public async ValueTask<CouponAnalyticsDto> Handle(GetCouponAnalytics query, CancellationToken cancellationToken)
    {
        var zone = await TenantZone.LoadAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var period = CouponPeriod.Resolve(query.From, query.To, now, zone.Zone);
        var tz = zone.Id;

        // PostgreSQL groups and counts; a row's tenant day is created_at AT TIME ZONE the tenant's zone. A user is a
        // chat (Telegram) or a web client: (Chat, Web) is (chat id, "") or (0, client), never null.
        var attempts = db.BotUsage.AsNoTracking().Where(u => u.CreatedAt >= period.Start && u.CreatedAt < period.End);
        var usage = attempts.Select(u => new
        {
            Chat = u.ChatId ?? 0L,
            Web = u.WebClient ?? string.Empty,
            u.ErrorType,
            Image = u.TemplateSlug != null,
            Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(u.CreatedAt.UtcDateTime, tz)),
        });

        var counts = await usage.GroupBy(u => new { u.Day, u.ErrorType, u.Image })
            .Select(g => new { g.Key.Day, g.Key.ErrorType, g.Key.Image, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var usersByDay = await usage.GroupBy(u => u.Day)
            .Select(g => new
            {
                Day = g.Key,
                Users = g.Where(u => u.Chat != 0L).Select(u => u.Chat).Distinct().Count() + g.Where(u => u.Web != string.Empty).Select(u => u.Web).Distinct().Count(),
            })
            .ToDictionaryAsync(d => d.Day, d => d.Users, cancellationToken);
        var uniqueUsers = new CouponUserCountDto(
            await attempts.Where(u => u.ChatId != null).Select(u => u.ChatId).Distinct().CountAsync(cancellationToken),
            await attempts.Where(u => u.WebClient != null).Select(u => u.WebClient).Distinct().CountAsync(cancellationToken));

        var byDay = counts.ToLookup(c => c.Day, c => new CouponCount(c.ErrorType, c.Image, c.Count));
        var all = byDay.SelectMany(day => day).ToList();
        var daily = period.EachDay().Select(day =>
        {
            var tally = CouponTally.Of(byDay[day]);
            return new CouponDayDto(day, tally.Attempts, tally.Successes, tally.Failures, tally.UserMistakes, tally.SystemFailures, usersByDay.GetValueOrDefault(day));
        }).ToList();

        var today = ZonedTime.Today(now, zone.Zone);
        var lastObservedDay = period.To < today ? period.To : today;
        var (templates, sizes) = await ImagesAsync(attempts, cancellationToken);
        return new CouponAnalyticsDto(
            period.From, period.To, tz, CouponTally.Of(all), Errors(all), uniqueUsers, daily,
            await RetentionAsync(attempts, period, tz, lastObservedDay, cancellationToken),
            await TopUsersAsync(attempts, query.Top, cancellationToken),
            templates, sizes, await CodesAsync(attempts, query.Top, cancellationToken), Weekdays(daily));
    }

    private static List<CouponErrorCountDto> Errors(IEnumerable<CouponCount> counts)
    {
        var failures = counts.Where(c => c.ErrorType is not null).GroupBy(c => c.ErrorType!).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return [.. CouponErrorTypes.Names.Union(failures.Keys)
            .Select(type => new CouponErrorCountDto(type, CouponTally.IsUserMistake(type), failures.GetValueOrDefault(type)))
            .OrderByDescending(e => e.Count)];
    }

    /// <summary>
    /// New users: the users of the period whose first attempt ever falls in it. Their attempts in the period are joined
    /// to their first day; one exactly n days later retains them for Dn.
    /// </summary>
    private async Task<CouponRetentionDto> RetentionAsync(
        IQueryable<Domain.Telegram.BotUsage> attempts, CouponPeriod period, string tz, DateOnly lastObservedDay, CancellationToken cancellationToken)
    {
        // Only the users of the period can be new in it: their attempts up to its end are all that is aggregated. Chats
        // and web clients are looked up apart, each a plain IN between never-null values, which PostgreSQL runs as a
        // hash semi-join (an OR of the two would be a subplan per row, rescanned once too big to hash).
        var chats = attempts.Where(u => u.ChatId != null).Select(u => u.ChatId ?? 0L);
        var clients = attempts.Where(u => u.WebClient != null).Select(u => u.WebClient ?? string.Empty);
        var untilEnd = db.BotUsage.AsNoTracking().Where(u => u.CreatedAt < period.End);
        var firstDays = untilEnd.Where(u => u.ChatId != null && chats.Contains(u.ChatId ?? 0L))
            .Select(u => new { Chat = u.ChatId ?? 0L, Web = u.WebClient ?? string.Empty, u.CreatedAt })
            .Concat(untilEnd.Where(u => u.WebClient != null && clients.Contains(u.WebClient ?? string.Empty))
                .Select(u => new { Chat = u.ChatId ?? 0L, Web = u.WebClient ?? string.Empty, u.CreatedAt }))
            .GroupBy(u => new { u.Chat, u.Web })
            .Select(g => new { g.Key.Chat, g.Key.Web, First = g.Min(u => u.CreatedAt) })
            .Where(f => f.First >= period.Start)
            .Select(f => new
            {
                f.Chat,
                f.Web,
                Day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(f.First.UtcDateTime, tz)),
            });
        var cohorts = await firstDays.GroupBy(f => new { f.Day, Telegram = f.Chat != 0L })
            .Select(g => new { g.Key.Day, g.Key.Telegram, Users = g.Count() })
            .ToListAsync(cancellationToken);

        // The attempts' own (Chat, Web) expressions on the join's right side: PostgreSQL hashes a plain equality.
        var returns = await (
                from first in firstDays
                join u in attempts on new { first.Chat, first.Web } equals new { Chat = u.ChatId ?? 0L, Web = u.WebClient ?? string.Empty }
                let after = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(u.CreatedAt.UtcDateTime, tz)).DayNumber - first.Day.DayNumber
                where RetentionDays.Contains(after)
                group first by new { first.Day, After = after } into g
                select new
                {
                    g.Key.Day,
                    g.Key.After,
                    Users = g.Where(f => f.Chat != 0L).Select(f => f.Chat).Distinct().Count() + g.Where(f => f.Web != string.Empty).Select(f => f.Web).Distinct().Count(),
                })
            .ToListAsync(cancellationToken);

        return new CouponRetentionDto(
            new CouponUserCountDto(cohorts.Where(c => c.Telegram).Sum(c => c.Users), cohorts.Where(c => !c.Telegram).Sum(c => c.Users)),
            [.. RetentionDays.Select(n =>
            {
                bool Observed(DateOnly firstDay) => firstDay.AddDays(n) <= lastObservedDay;
                var cohort = cohorts.Where(c => Observed(c.Day)).Sum(c => c.Users);
                var retained = returns.Where(r => r.After == n && Observed(r.Day)).Sum(r => r.Users);
                return new CouponRetentionDayDto(n, cohort, retained, CouponTally.Rate(retained, cohort));
            })]);
    }

    private async Task<List<CouponTopUserDto>> TopUsersAsync(IQueryable<Domain.Telegram.BotUsage> attempts, int top, CancellationToken cancellationToken)
    {
        var leaders = await attempts.Where(u => u.ChatId != null)
            .GroupBy(u => u.ChatId!.Value)
            .Select(g => new
            {
                ChatId = g.Key,
                Attempts = g.Count(),
                Images = g.Count(u => u.Success && u.TemplateSlug != null),
                LastSeenAt = g.Max(u => u.CreatedAt),
            })
            .OrderByDescending(u => u.Images).ThenByDescending(u => u.Attempts).ThenByDescending(u => u.LastSeenAt).ThenBy(u => u.ChatId)
            .Take(top)
            .ToListAsync(cancellationToken);
        var ids = leaders.ConvertAll(u => u.ChatId);
        var profiles = await db.BotUsers.AsNoTracking().Where(b => ids.Contains(b.ChatId))
            .Select(b => new { b.ChatId, b.Username, b.FirstName, b.LastName })
            .ToDictionaryAsync(b => b.ChatId, cancellationToken);
        return leaders.ConvertAll(u =>
        {
            var profile = profiles.GetValueOrDefault(u.ChatId);
            return new CouponTopUserDto(
                personal.Id<long>(u.ChatId), personal.Name(profile?.Username), personal.Name(CouponFailures.FullName(profile?.FirstName, profile?.LastName)),
                u.Attempts, u.Images, u.LastSeenAt);
        });
    }

    private static async Task<(List<CouponTemplateUseDto> Templates, List<CouponSizeUseDto> Sizes)> ImagesAsync(
        IQueryable<Domain.Telegram.BotUsage> attempts, CancellationToken cancellationToken)
    {
        var images = await attempts.Where(u => u.Success && u.TemplateSlug != null)
            .GroupBy(u => new { u.TemplateSlug, u.Size })
            .Select(g => new { g.Key.TemplateSlug, g.Key.Size, Images = g.Count() })
            .ToListAsync(cancellationToken);
        return (
            [.. images.GroupBy(i => i.TemplateSlug!).Select(g => new CouponTemplateUseDto(g.Key, g.Sum(i => i.Images)))
                .OrderByDescending(t => t.Images).ThenBy(t => t.Slug, StringComparer.Ordinal)],
            [.. CouponSizes.All.Select(size => new CouponSizeUseDto(size, images.Where(i => i.Size == size).Sum(i => i.Images)))]);
    }

    private static async Task<List<CouponCodeUseDto>> CodesAsync(IQueryable<Domain.Telegram.BotUsage> attempts, int top, CancellationToken cancellationToken)
    {
        var codes = await attempts.Where(u => u.Success && u.CouponCode != null)
            .GroupBy(u => u.CouponCode!)
            .Select(g => new
            {
                Code = g.Key,
                Uses = g.Count(),
                Images = g.Count(u => u.TemplateSlug != null),
                Users = g.Where(u => u.ChatId != null).Select(u => u.ChatId).Distinct().Count() + g.Where(u => u.WebClient != null).Select(u => u.WebClient).Distinct().Count(),
            })
            .OrderByDescending(c => c.Uses).ThenBy(c => c.Code)
            .Take(top)
            .ToListAsync(cancellationToken);
        return codes.ConvertAll(c => new CouponCodeUseDto(c.Code, c.Uses, c.Images, c.Users));
    }

    private static List<CouponWeekdayDto> Weekdays(IReadOnlyList<CouponDayDto> daily) =>
        [.. Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7)).Select(day => new CouponWeekdayDto(
            day, daily.Where(d => d.Date.DayOfWeek == day).Sum(d => d.Attempts), daily.Where(d => d.Date.DayOfWeek == day).Sum(d => d.Successes)))];
}
