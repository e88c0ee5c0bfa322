namespace PromoStack.Domain.Tenants;

/// <summary>IANA time zone ids: "today", daily caps and local schedules of a tenant are computed in its zone.</summary>
public static class TimeZones
{
    public const string Utc = "UTC";

    public static bool IsValidIana(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
    }

    public static TimeZoneInfo Find(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
