using PromoStack.Domain.Common;

namespace PromoStack.Domain.CrossPromo;

/// <summary>A tenant's cross-promotion into its FREE channel.</summary>
public sealed class TenantCrosspromoSettings : ITenantOwned
{
    private TenantCrosspromoSettings(string tenantId, string timezone, DateTimeOffset updatedAt)
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

    /// <summary>Information only: the UTC equivalent of <see cref="MorningPostTimeLocal"/> when the settings were saved.</summary>
    public TimeOnly? MorningPostTimeUtc { get; private set; }

    /// <summary>The local time of the morning post in <see cref="Timezone"/>; schedules use this one.</summary>
    public TimeOnly? MorningPostTimeLocal { get; private set; }

    public string Timezone { get; private set; }
    public string Weekdays { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static TenantCrosspromoSettings CreateDefault(string tenantId, string tenantTimezone, DateTimeOffset now) =>
        new(tenantId, tenantTimezone, now);
}
