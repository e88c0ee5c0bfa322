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
    /// The local date once the local time of day has reached <paramref name="localTime"/> on one of
    /// <paramref name="days"/> (all days when null), else null. DST-safe: the time is local all year.
    /// </summary>
    public static string? DailyAt(TimeOnly localTime, DateTimeOffset now, TimeZoneInfo zone, IReadOnlySet<DayOfWeek>? days = null)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (TimeOnly.FromDateTime(local.DateTime) < localTime || (days is not null && !days.Contains(local.DayOfWeek)))
        {
            return null;
        }

        return DateOnly.FromDateTime(local.DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
