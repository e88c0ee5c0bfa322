namespace PromoStack.Domain.Common;

/// <summary>Dates and wall times in a tenant's zone.</summary>
public static class ZonedTime
{
    /// <summary>The local date at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    /// <summary>The instant of a local wall time (a time skipped by DST moves on by the gap).</summary>
    public static DateTimeOffset Instant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(time);
        if (zone.IsInvalidTime(wall))
        {
            wall = wall.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(wall, zone), TimeSpan.Zero);
    }

    /// <summary>
    /// The first instant whose local date in <paramref name="zone"/> is <paramref name="day"/>: local midnight, or the
    /// end of a daylight-saving gap that swallowed it, or the first of two midnights when clocks went back over it.
    /// </summary>
    public static DateTimeOffset DayStart(DateOnly day, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall - offset, TimeSpan.Zero);
    }
}
