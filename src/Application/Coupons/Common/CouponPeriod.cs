using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using PromoStack.Domain.Common;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The days an analytics question covers: <see cref="From"/> to <see cref="To"/> inclusive, in the tenant's time zone,
/// and the instants they span, [<see cref="Start"/>, <see cref="End"/>): what a row's <c>created_at</c> is compared with.
/// </summary>
public sealed record CouponPeriod(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The days covered when <c>from</c> is not given: the 30 days ending with <c>to</c>.</summary>
    public const int DefaultDays = 30;

    public const int MaxDays = 366;

    public const string DateFormat = "yyyy-MM-dd";

    public const string DateMessage = "A date written YYYY-MM-DD.";

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Every day of the period, in order.</summary>
    public IEnumerable<DateOnly> EachDay() => Enumerable.Range(0, Days).Select(From.AddDays);

    /// <summary>A date written <c>YYYY-MM-DD</c> (nothing else); null for anything else.</summary>
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Whether an optional date parameter is absent or a <c>YYYY-MM-DD</c> date.</summary>
    public static bool IsDateOrAbsent(string? value) => string.IsNullOrEmpty(value) || ParseDate(value) is not null;

    /// <summary>What is wrong with a period from <paramref name="from"/> to <paramref name="to"/>, as (field, message); null when nothing.</summary>
    public static (string Field, string Message)? Problem(DateOnly from, DateOnly to) =>
        to < from ? ("from", "Must be on or before 'to' (today unless given).")
        : to.DayNumber - from.DayNumber + 1 > MaxDays ? ("from", $"At most {MaxDays} days at a time.")
        : null;

    /// <summary>
    /// The period asked for: <paramref name="to"/> defaults to today and <paramref name="from"/> to
    /// <see cref="DefaultDays"/> days ending with <c>to</c>, both in <paramref name="zone"/>. A period that breaks the
    /// rules once the defaults are filled in is a <see cref="ValidationException"/> naming the field.
    /// </summary>
    public static CouponPeriod Resolve(string? from, string? to, DateTimeOffset now, TimeZoneInfo zone)
    {
        var last = ParseDate(to) ?? ZonedTime.Today(now, zone);
        var first = ParseDate(from) ?? last.AddDays(-(DefaultDays - 1));
        if (Problem(first, last) is { } problem)
        {
            throw new ValidationException([new ValidationFailure(problem.Field, problem.Message)]);
        }

        return new CouponPeriod(first, last, ZonedTime.DayStart(first, zone), ZonedTime.DayStart(last.AddDays(1), zone));
    }
}
