using System.Globalization;

namespace PromoStack.Application.Common.Scheduling;

/// <summary>Slot keys for <see cref="Abstractions.IScheduledJob"/>.</summary>
public static class Slots
{
    /// <summary>The period that contains <paramref name="now"/> (UTC), e.g. every hour → <c>2026-11-25T14:00Z</c>.</summary>
    public static string Every(TimeSpan period, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.FromMinutes(1));
        var ticks = now.UtcTicks - (now.UtcTicks % period.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The local date of the latest occurrence of <paramref name="localTime"/> on one of <paramref name="days"/> (all
    /// days when null) that is not after <paramref name="now"/>: today once the time has passed, else the previous
    /// allowed day. A run missed while every instance was down is therefore still due on the next tick; a job that
    /// must not run late compares the slot with the current time itself. DST-safe: the time is local all year.
    /// </summary>
    public static string? DailyAt(TimeOnly localTime, DateTimeOffset now, TimeZoneInfo zone, IReadOnlySet<DayOfWeek>? days = null)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < localTime)
        {
            date = date.AddDays(-1);
        }

        for (var back = 0; back < 7; back++, date = date.AddDays(-1))
        {
            if (days is null || days.Contains(date.DayOfWeek))
            {
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
