namespace PromoStack.Infrastructure.Persistence;

/// <summary>
/// The three database roles, named here only. The owner (the login of <c>ConnectionStrings__Postgres</c> /
/// <c>DATABASE_URL</c>) owns the schema and runs the migrations. <see cref="App"/> is what requests, handlers and workers
/// act as inside a tenant: plain data access, subject to the forced row-level security of every table with a
/// <c>tenant_id</c>, which lets it see and write the rows of the tenant its connection names in <see cref="TenantSetting"/>
/// only. <see cref="System"/> is for the few mechanisms that work across tenants by design (queue and schedule claims,
/// the inbox's group insert, pruning, finding the tenant of a sign-in or a webhook); architecture tests keep it there.
/// </summary>
public static class DatabaseRoles
{
    /// <summary>The role of plain data access, inside one tenant.</summary>
    public const string App = "promostack_app";

    /// <summary>The role of the cross-tenant mechanisms.</summary>
    public const string System = "promostack_system";

    /// <summary>The service key of the owner's data source and context (migrations only).</summary>
    public const string Owner = "owner";

    /// <summary>The session setting row-level security compares each row's <c>tenant_id</c> with.</summary>
    public const string TenantSetting = "app.tenant_id";
}
