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

        // The runtime's zone cache ignores case once a zone has been loaded; only the exact IANA spelling is stored,
        // so that a later lookup in a fresh process finds it.
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId && zone.Id == id;
    }

    public static TimeZoneInfo Find(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
