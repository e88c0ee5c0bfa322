using PromoStack.Domain.Common;

namespace PromoStack.Domain.Tenants;

/// <summary>A business on the platform. Its id is its slug.</summary>
public sealed class Tenant : IGlobalEntity
{
    public const int NameMaxLength = 200;

    /// <summary>How many website origins a tenant may list for its public endpoints.</summary>
    public const int MaxSiteOrigins = 10;

    private Tenant(string id, string name, string timezone, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Timezone = timezone;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }
    public string Timezone { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// The origins of the tenant's own websites (<c>https://example.com</c>), whose pages may call its public endpoints
    /// (checkout, campaign entry) from the browser; no other site's page may.
    /// </summary>
    public IReadOnlyList<string> SiteOrigins { get; private set; } = [];

    public static Tenant Create(string slug, string name, string? timezone, DateTimeOffset now)
    {
        if (TenantSlug.Problem(slug) is { } problem)
        {
            throw new DomainException(problem);
        }

        return new Tenant(slug, Guard.NotBlank(name, "Name", NameMaxLength), CheckedZone(timezone ?? TimeZones.Utc), now);
    }

    public void Update(string name, string timezone)
    {
        Name = Guard.NotBlank(name, "Name", NameMaxLength);
        Timezone = CheckedZone(timezone);
    }

    /// <summary>Replaces the website origins (already checked: scheme and host, no path); stored in lower case, once each.</summary>
    public void SetSiteOrigins(IEnumerable<string> origins)
    {
        var distinct = origins.Select(o => o.Trim().TrimEnd('/').ToLowerInvariant()).Distinct().ToList();
        if (distinct.Count > MaxSiteOrigins)
        {
            throw new DomainException($"At most {MaxSiteOrigins} website origins.");
        }

        SiteOrigins = distinct;
    }

    /// <summary>The tenant's local date at <paramref name="instant"/>: what "today" means for its caps and schedules.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZones.Find(Timezone)).DateTime);

    private static string CheckedZone(string timezone) =>
        TimeZones.IsValidIana(timezone) ? timezone : throw new DomainException($"'{timezone}' is not an IANA time zone.");
}
