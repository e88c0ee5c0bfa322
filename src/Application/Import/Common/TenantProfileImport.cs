using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Import;

/// <summary>
/// The tenant and its users. The tenant keeps its name and creation time; its time zone is the cross-promo
/// settings' zone when valid (the original has no tenant zone), else UTC. Users keep their Clerk ids: owner and
/// admin become admin, member stays member. <c>clerk_users</c> is not copied: PromoStack records a user at their
/// first sign-in, and membership comes from <c>tenant_users</c>; its platform-wide <c>admin</c> role is never
/// carried over (granting platform rights is the <c>platform-operator</c> verb's, by hand).
/// </summary>
internal static class TenantProfileImport
{
    public static async Task<Tenant?> RunAsync(TenantImportSession session, CancellationToken cancellationToken)
    {
        Tenant? tenant = null;
        await foreach (var row in session.RowsAsync("tenants", "tenants", SourceFilter.Tenant(session.SourceTenantId, "id"), cancellationToken))
        {
            if (session.Merge)
            {
                tenant = await session.Db.Tenants.AsNoTracking().SingleAsync(cancellationToken);
                session.AlreadyHere(row, "tenants", "the tenant (its name and time zone)");
                continue;
            }

            var zone = await ZoneAsync(session, cancellationToken);
            tenant = Tenant.Create(
                session.TenantId, row.Text("display_name") is { Length: > 0 } display ? display : row.RequiredText("name"), zone,
                row.Time("created_at") ?? session.Now);
            if (session.TenantId != session.SourceTenantId)
            {
                session.Notes.Add($"The tenant '{session.SourceTenantId}' is '{session.TenantId}' here (ids are URL slugs: lower-case letters, digits, hyphens); its public URLs use the new id.");
            }

            if (row.Bool("is_active") == false || row.Text("status") is { } status && status != "active")
            {
                session.Notes.Add("The tenant was marked inactive in the original; PromoStack has no inactive tenants: it is imported as any other.");
            }

            await session.AddAsync(row, session.SourceTenantId, tenant, "tenants", t => t.Id, cancellationToken);
        }

        if (tenant is null)
        {
            return null;
        }

        var members = session.Merge ? (await session.Db.TenantUsers.AsNoTracking().Select(u => u.ClerkUserId).ToListAsync(cancellationToken)).ToHashSet() : [];
        var emails = session.Merge ? (await session.Db.TenantUsers.AsNoTracking().Select(u => u.Email).ToListAsync(cancellationToken)).ToHashSet() : [];
        await foreach (var row in session.RowsAsync("tenant_users", "tenant_users", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.Text("id") ?? "?";
            if (members.Contains(row.Text("clerk_user_id")))
            {
                session.AlreadyHere(row, "tenant_users", "this user");
                continue;
            }

            var role = row.Text("role") switch
            {
                "owner" or "admin" => TenantRole.Admin,
                "member" or null => TenantRole.Member,
                var other => (TenantRole?)null,
            };
            if (role is null)
            {
                session.Quarantined(row, key, "tenant_users", $"Unknown role '{row.Text("role")}' (owner, admin or member).");
                continue;
            }

            try
            {
                var user = TenantUser.Join(session.TenantId, row.RequiredText("clerk_user_id"), row.Text("email"), role.Value, row.Time("created_at") ?? session.Now);
                if (user.Email.Length > 0 && !emails.Add(user.Email))
                {
                    session.Quarantined(row, key, "tenant_users", "Another user of the tenant has the same email; one membership per email here.");
                    continue;
                }

                await session.AddAsync(row, key, user, "tenant_users", u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            }
            catch (Exception exception) when (exception is Domain.Common.DomainException or SourceFormatException)
            {
                session.Quarantined(row, key, "tenant_users", exception.Message);
            }
        }

        await foreach (var row in session.RowsAsync("clerk_users", "-", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            session.Skip(row, "-", "Clerk users are recorded at their first sign-in here; memberships come from tenant_users, and no platform role is carried over");
        }

        return tenant;
    }

    private static async Task<string> ZoneAsync(TenantImportSession session, CancellationToken cancellationToken)
    {
        await foreach (var row in session.Source.ReadAsync("tenant_crosspromo_settings", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            if (row.Text("timezone") is { } zone && TimeZones.IsValidIana(zone))
            {
                return zone;
            }
        }

        session.Notes.Add("The original has no tenant time zone and its cross-promo settings name no valid one: the tenant's zone is UTC (change it in the settings).");
        return TimeZones.Utc;
    }
}
