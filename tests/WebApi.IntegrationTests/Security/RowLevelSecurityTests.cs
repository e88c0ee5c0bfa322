using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Configuration;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Security;

/// <summary>
/// The second wall: PostgreSQL's own row-level security, which holds even where the application's tenant filter is
/// off. The app under test (every integration test) connects as the application's role.
/// </summary>
public sealed class RowLevelSecurityTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string Alpha = "alpha";
    private const string Beta = "beta";

    [Fact]
    public async Task EveryTableWithATenantId_HasForcedRowLevelSecurityWithTheTenantPolicy()
    {
        var unprotected = await TestDatabase.ScalarAsync<string[]>(
            """
            SELECT coalesce(array_agg(c.table_name::text ORDER BY c.table_name), '{}')
            FROM information_schema.columns AS c
            JOIN pg_class AS t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace
            WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id'
              AND NOT (t.relrowsecurity AND t.relforcerowsecurity
                       AND EXISTS (SELECT FROM pg_policies AS p WHERE p.tablename = c.table_name AND p.policyname = 'tenant_isolation'
                                   AND p.qual LIKE '%current_setting(''app.tenant_id''%' AND p.with_check LIKE '%current_setting(''app.tenant_id''%'))
            """);
        var protectedTables = await TestDatabase.ScalarAsync<long>(
            "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relrowsecurity AND relforcerowsecurity");

        unprotected.Should().BeEmpty("a table with a tenant_id needs forced row-level security and the tenant policy in its migration");
        protectedTables.Should().BeGreaterThanOrEqualTo(42, "every tenant table of the schema is protected, so the query above saw them");
    }

    [Fact]
    public async Task TheRuntimeRoles_CannotBypassRowLevelSecurity_AndTheAppActsAsThem()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var app = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var system = scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(DatabaseRoles.System);

        (await app.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync()).Should().Be(DatabaseRoles.App);
        (await system.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync()).Should().Be(DatabaseRoles.System);
        var privileged = await TestDatabase.ScalarAsync<long>(
            "SELECT count(*) FROM pg_roles WHERE rolname IN ('promostack_app', 'promostack_system') AND (rolsuper OR rolbypassrls OR rolcanlogin)");
        privileged.Should().Be(0, "neither role may log in by itself, be a superuser or bypass row-level security");
    }

    [Fact]
    public async Task WithTheTenantFilterOff_PostgresAloneShowsAndChangesTheUnitOfWorksTenantOnly()
    {
        await SeedBotUsersAsync();

        await InTenantAsync(Alpha, async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();

            var seen = await db.BotUsers.IgnoreQueryFilters([AppDbContext.TenantFilter]).Select(u => u.TenantId).ToListAsync();
            var updated = await db.Database.ExecuteSqlRawAsync("UPDATE bot_users SET first_name = 'hijacked' WHERE tenant_id = 'beta'");
            var deleted = await db.Database.ExecuteSqlRawAsync("DELETE FROM bot_users WHERE tenant_id = 'beta'");
            var moved = () => db.Database.ExecuteSqlRawAsync("UPDATE bot_users SET tenant_id = 'beta' WHERE tenant_id = 'alpha'");
            var planted = () => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO bot_users (tenant_id, chat_id, is_blocked, created_at, last_seen_at, coupon_bot_blocked) VALUES ('beta', 999, false, now(), now(), false)");

            seen.Should().Equal([Alpha, Alpha], "another tenant's rows are invisible to PostgreSQL itself");
            updated.Should().Be(0);
            deleted.Should().Be(0);
            (await planted.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
            (await moved.Should().ThrowAsync<PostgresException>("a row cannot be handed to another tenant"))
                .Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
        });

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM bot_users WHERE tenant_id = 'beta' AND first_name = 'Beta user'")).Should().Be(3);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM bot_users WHERE tenant_id = 'alpha'")).Should().Be(2);
    }

    [Fact]
    public async Task AUnitOfWorkWithoutATenant_SeesNoTenantsRows()
    {
        await SeedBotUsersAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        (await db.BotUsers.IgnoreQueryFilters([AppDbContext.TenantFilter]).CountAsync()).Should().Be(0);
        (await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM bot_users").SingleAsync()).Should().Be(0);
    }

    [Fact]
    public async Task APooledConnection_ForgetsItsTenantWhenReturned_AlsoWithPreparedStatements()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Postgres", TestDatabase.ConnectionString)]).Build();
        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnection.ForRole(configuration, DatabaseRoles.App)) { MaxPoolSize = 1, AutoPrepareMinUsages = 2 };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await SeedBotUsersAsync();

        // Npgsql resets a returned connection differently once it holds prepared statements: both ways must drop the tenant.
        for (var round = 0; round < 4; round++)
        {
            await using (var connection = await dataSource.OpenConnectionAsync())
            {
                await using var set = new NpgsqlCommand("SELECT set_config('app.tenant_id', $1, false)", connection) { Parameters = { new() { Value = Alpha } } };
                await set.ExecuteNonQueryAsync();
                (await CountAsync(connection)).Should().Be(2);
            }

            await using (var reused = await dataSource.OpenConnectionAsync())
            {
                (await CountAsync(reused)).Should().Be(0, "the pool's reset drops the last user's tenant (round {0})", round);
                await using var role = new NpgsqlCommand("SELECT current_user::text", reused);
                ((string)(await role.ExecuteScalarAsync())!).Should().Be(DatabaseRoles.App, "the reset keeps the role the connection started as");
            }
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM bot_users", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private async Task SeedBotUsersAsync()
    {
        await NewTenantAsync(Alpha);
        await NewTenantAsync(Beta);
        var now = DateTimeOffset.UtcNow;
        foreach (var (tenant, chats) in new[] { (Alpha, new long[] { 1, 2 }), (Beta, new long[] { 1, 2, 3 }) })
        {
            await using var db = TestDatabase.CreateContext(tenant);
            db.BotUsers.AddRange(chats.Select(chat => BotUser.FirstSeen(tenant, chat, null, tenant == Beta ? "Beta user" : "Alpha user", null, now)));
            await db.SaveChangesAsync();
        }
    }
}
