using PromoStack.Domain.Common;

namespace PromoStack.Domain.CrossPromo;

/// <summary>A tenant's cross-promotion into its FREE channel.</summary>
public sealed class TenantCrossPromoSettings : ITenantOwned
{
    private TenantCrossPromoSettings(string tenantId, string timezone, DateTimeOffset updatedAt)
    {
        TenantId = tenantId;
        BotRole = "signal_bot";
        Timezone = timezone;
        Weekdays = "mon,tue,wed,thu,fri";
        UpdatedAt = updatedAt;
    }

    public string TenantId { get; private set; }
    public bool Enabled { get; private set; }
    public string BotRole { get; private set; }
    public string? VipChannelId { get; private set; }
    public string? FreeChannelId { get; private set; }
    public string? CtaUrl { get; private set; }

    /// <summary>
    /// The UTC equivalent of <see cref="MorningPostTimeLocal"/> when the settings were saved (information only); with no
    /// local time (the original system's <c>morning_post_time_utc</c> alone, see <see cref="AdoptUtcMorningTime"/>), the
    /// UTC time the morning post goes at.
    /// </summary>
    public TimeOnly? MorningPostTimeUtc { get; private set; }

    /// <summary>The local time of the morning post in <see cref="Timezone"/>; schedules use this one when it is set.</summary>
    public TimeOnly? MorningPostTimeLocal { get; private set; }

    public string Timezone { get; private set; }
    public string Weekdays { get; private set; }

    /// <summary>How long after the morning post the VIP teaser goes.</summary>
    public int TeaserOffsetMinutes { get; private set; } = 120;

    /// <summary>At most this many winning-signal posts a day.</summary>
    public int WinningSignalsPerDay { get; private set; } = 3;

    /// <summary>A post missed while the app was down is still sent within this long after its time, else skipped.</summary>
    public int CatchUpMinutes { get; private set; } = 120;

    public DateTimeOffset UpdatedAt { get; private set; }

    public static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static TenantCrossPromoSettings CreateDefault(string tenantId, string tenantTimezone, DateTimeOffset now) =>
        new(tenantId, tenantTimezone, now);

    /// <summary>
    /// Saves the settings. The morning time is local to <paramref name="timezone"/> (08:00 stays 08:00 across DST);
    /// its UTC equivalent on the day of saving is kept for information. Without a local time, an adopted UTC time
    /// (<see cref="AdoptUtcMorningTime"/>) stays and is enough to enable.
    /// </summary>
    public void Configure(
        bool enabled, string botRole, string? ctaUrl, TimeOnly? morningLocal, TimeZoneInfo timezone, IReadOnlyCollection<string> weekdays,
        int teaserOffsetMinutes, int winningSignalsPerDay, int catchUpMinutes, DateTimeOffset now)
    {
        if (weekdays.Count == 0 || weekdays.Any(d => !DayNames.Contains(d)))
        {
            throw new DomainException("Weekdays are some of mon, tue, wed, thu, fri, sat, sun.");
        }

        if (enabled && ((morningLocal is null && MorningPostTimeUtc is null) || ctaUrl is null))
        {
            throw new DomainException("Cross-promotion needs a morning post time and a CTA URL before it can be enabled.");
        }

        Enabled = enabled;
        BotRole = botRole;
        CtaUrl = ctaUrl;
        MorningPostTimeLocal = morningLocal;
        Timezone = timezone.Id;
        Weekdays = string.Join(',', DayNames.Where(weekdays.Contains));
        TeaserOffsetMinutes = teaserOffsetMinutes;
        WinningSignalsPerDay = winningSignalsPerDay;
        CatchUpMinutes = catchUpMinutes;
        MorningPostTimeUtc = morningLocal is { } local
            ? TimeOnly.FromTimeSpan(ZonedTime.Instant(ZonedTime.Today(now, timezone), local, timezone).TimeOfDay)
            : MorningPostTimeUtc;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes a UTC morning time with no local one, as the original system kept it (<c>morning_post_time_utc</c>): the
    /// morning post then goes at <paramref name="utc"/> every day, whatever DST does to its local time, until a local
    /// time is saved.
    /// </summary>
    public void AdoptUtcMorningTime(TimeOnly utc, DateTimeOffset now)
    {
        MorningPostTimeLocal = null;
        MorningPostTimeUtc = utc;
        UpdatedAt = now;
    }

    /// <summary>
    /// When the morning post of the local <paramref name="day"/> goes: at <see cref="MorningPostTimeLocal"/> on that day,
    /// else at <see cref="MorningPostTimeUtc"/> on the instant of that UTC time whose local date is <paramref name="day"/>
    /// (none when a DST change leaves that day without one, the earlier when it gives the day two); null with neither.
    /// </summary>
    public DateTimeOffset? MorningPostAt(DateOnly day, TimeZoneInfo zone)
    {
        if (MorningPostTimeLocal is { } local)
        {
            return ZonedTime.Instant(day, local, zone);
        }

        if (MorningPostTimeUtc is not { } utc)
        {
            return null;
        }

        return new[] { day.AddDays(-1), day, day.AddDays(1) }
            .Select(utcDay => new DateTimeOffset(utcDay.ToDateTime(utc), TimeSpan.Zero))
            .Cast<DateTimeOffset?>()
            .FirstOrDefault(at => ZonedTime.Today(at!.Value, zone) == day);
    }

    /// <summary>The channels the posting bot works in, as the signal bot connection names them.</summary>
    public void MirrorChannels(string? vipChannelId, string? freeChannelId)
    {
        VipChannelId = vipChannelId;
        FreeChannelId = freeChannelId;
    }
}
