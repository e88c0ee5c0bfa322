using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>The failed attempts of a period, newest first, with the Telegram profile of their chat (none for the web).</summary>
internal static class CouponFailures
{
    public static readonly string ErrorTypeMessage = $"One of: {string.Join(", ", CouponErrorTypes.Names)}.";

    /// <summary>Whether an optional error type filter is absent or one of the stored names.</summary>
    public static bool IsErrorTypeOrAbsent(string? errorType) => string.IsNullOrEmpty(errorType) || CouponErrorTypes.Names.Contains(errorType);

    public static IQueryable<CouponFailureRow> Query(IAppDbContext db, CouponPeriod period, string? errorType)
    {
        var failed = db.BotUsage.AsNoTracking().Where(u => u.CreatedAt >= period.Start && u.CreatedAt < period.End && !u.Success);
        if (!string.IsNullOrEmpty(errorType))
        {
            failed = failed.Where(u => u.ErrorType == errorType);
        }

        return from u in failed
               join b in db.BotUsers.AsNoTracking() on u.ChatId equals (long?)b.ChatId into users
               from b in users.DefaultIfEmpty()
               orderby u.CreatedAt descending, u.Id descending
               select new CouponFailureRow(
                   u.Id, u.CreatedAt, u.Source, u.ChatId, b == null ? null : b.Username, b == null ? null : b.FirstName, b == null ? null : b.LastName,
                   u.CouponCode, u.TemplateSlug, u.Size, u.ErrorType ?? string.Empty);
    }

    /// <summary>First and last name as Telegram shows them; null when neither is known.</summary>
    public static string? FullName(string? firstName, string? lastName) =>
        string.Join(' ', new[] { firstName, lastName }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null;
}

/// <summary>One failed attempt as stored, with its chat's names.</summary>
internal sealed record CouponFailureRow(
    int Id, DateTimeOffset At, CouponChannel Source, long? ChatId, string? Username, string? FirstName, string? LastName,
    string? Code, string? Template, CouponSize? Size, string ErrorType);
