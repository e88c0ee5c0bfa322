using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Audit;
using PromoStack.Infrastructure.Schedules;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Audit;

/// <summary>
/// <c>GET /api/audit</c>: a tenant's admins see its entries only, newest first, filtered and paged; bad input is a
/// 400; a platform operator's tenant list is the platform's; an entry that cannot be saved takes its change with it;
/// entries go after a year.
/// </summary>
public sealed class AuditApiTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task ATenantsAdmins_SeeItsEntriesOnly_NewestFirst_AndNoOneElseSeesThem()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        var member = await NewMemberAsync(alpha, "user_alpha_member", "member");
        await RenameAsync(alpha, "Alpha One");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await RenameAsync(alpha, "Alpha Two");
        await RenameAsync(beta, "Beta One");

        var alphas = await ListAsync(alpha.Client);
        var betas = await ListAsync(beta.Client);

        alphas.GetProperty("items").EnumerateArray().Select(Describe).Should().Equal(
            "UpdateTenant:user_alpha_admin:Alpha Two", "UpdateTenant:user_alpha_admin:Alpha One", "AddTenantUser:user_alpha_admin:");
        alphas.GetProperty("total").GetInt32().Should().Be(3);
        betas.GetProperty("items").EnumerateArray().Select(Describe).Should().Equal("UpdateTenant:user_beta_admin:Beta One");
        betas.ToString().Should().NotContain("alpha");
        await (await member.Client.GetAsync("/api/audit")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Anonymous().GetAsync("/api/audit")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var entry = alphas.GetProperty("items")[0];
        entry.GetProperty("userEmail").GetString().Should().Be("user_alpha_admin@example.com");
        entry.GetProperty("userRole").GetString().Should().Be("admin");
        entry.GetProperty("platformOperator").GetBoolean().Should().BeFalse();
        entry.GetProperty("fields").GetProperty("timezone").GetString().Should().Be("UTC");
        entry.GetProperty("occurredAt").GetDateTimeOffset().Should().BeCloseTo(Factory.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task TheLog_FiltersByUserActionAndTime_AndPages()
    {
        var alpha = await NewTenantAsync("alpha");
        var second = await NewMemberAsync(alpha, "user_alpha_second", "admin");
        var start = Factory.Clock.GetUtcNow();
        for (var i = 1; i <= 3; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromMinutes(10));
            await RenameAsync(alpha, $"Alpha {i}");
            await RenameAsync(second, $"Second {i}");
        }

        var byUser = await ListAsync(alpha.Client, "?user=user_alpha_second");
        var byEmail = await ListAsync(alpha.Client, "?user=User_Alpha_Second@Example.com");
        var byAction = await ListAsync(alpha.Client, "?action=AddTenantUser");
        var window = await ListAsync(alpha.Client, $"?from={Query(start.AddMinutes(15))}&to={Query(start.AddMinutes(25))}");
        var page = await ListAsync(alpha.Client, "?action=UpdateTenant&page=2&pageSize=4");

        byUser.GetProperty("items").EnumerateArray().Select(Describe).Should().Equal(
            "UpdateTenant:user_alpha_second:Second 3", "UpdateTenant:user_alpha_second:Second 2", "UpdateTenant:user_alpha_second:Second 1");
        byEmail.GetProperty("items").EnumerateArray().Select(Describe).Should().Equal(byUser.GetProperty("items").EnumerateArray().Select(Describe));
        byAction.GetProperty("items").EnumerateArray().Select(Describe).Should().Equal("AddTenantUser:user_alpha_admin:");
        window.GetProperty("items").EnumerateArray().Select(Describe).Should().Equal("UpdateTenant:user_alpha_second:Second 2", "UpdateTenant:user_alpha_admin:Alpha 2");
        page.GetProperty("items").EnumerateArray().Select(Describe).Should().Equal("UpdateTenant:user_alpha_second:Second 1", "UpdateTenant:user_alpha_admin:Alpha 1");
        (page.GetProperty("total").GetInt32(), page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()).Should().Be((6, 2, 4));
        (await ListAsync(alpha.Client, "?user=nobody")).GetProperty("total").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2026-13-01", "to")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?from=2026-12-05T10:00:00Z&to=2026-12-05T09:00:00Z", "to")]
    [InlineData("?action=Save%20Connection", "action")]
    public async Task BadInput_Is400WithTheField(string query, string field)
    {
        var alpha = await NewTenantAsync("alpha");

        await (await alpha.Client.GetAsync($"/api/audit{query}")).ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task APlatformOperatorsLookAcrossTenants_IsThePlatformsEntry_WhileTheirLookInsideATenant_IsThatTenants()
    {
        var alpha = await NewTenantAsync("alpha");
        await TestDatabase.ExecuteAsync("INSERT INTO platform_operators (clerk_user_id, created_at) VALUES ('user_alpha_admin', now())");
        (await alpha.Client.PostAsJsonAsync("/api/journeys", new { name = "Quiz" })).EnsureSuccessStatusCode();
        var journey = (await (await alpha.Client.GetAsync("/api/journeys")).JsonAsync())[0].GetProperty("id").GetGuid();

        (await alpha.Client.GetAsync("/api/platform/tenants")).EnsureSuccessStatusCode();
        (await alpha.Client.GetAsync($"/api/journeys/{journey}/answers.csv")).EnsureSuccessStatusCode();

        var look = (await AuditRows.AllAsync()).Single(r => r.Action == "ListTenants");
        (look.TenantId, look.UserId, look.PlatformOperator, look.UserRole).Should().Be((null, "user_alpha_admin", true, null));
        var shown = (await ListAsync(alpha.Client)).GetProperty("items").EnumerateArray().ToList();
        shown.Select(e => e.GetProperty("action").GetString()).Should().Equal("ExportJourneyAnswers", "CreateJourney");
        shown[0].GetProperty("platformOperator").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task AnEntryThatCannotBeSaved_TakesItsChangeWithIt()
    {
        var alpha = await NewTenantAsync("alpha");
        await TestDatabase.ExecuteAsync("ALTER TABLE audit_log ADD CONSTRAINT test_refuse_renames CHECK (action <> 'UpdateTenant')");
        try
        {
            var response = await alpha.Client.PutAsJsonAsync("/api/tenant", new { name = "Never saved", timezone = "UTC" });

            response.IsSuccessStatusCode.Should().BeFalse();
        }
        finally
        {
            await TestDatabase.ExecuteAsync("ALTER TABLE audit_log DROP CONSTRAINT test_refuse_renames");
        }

        (await TestDatabase.ScalarAsync<string>("SELECT name FROM tenants WHERE id = 'alpha'")).Should().Be("Tenant alpha", "the change and its entry commit together or not at all");
    }

    [Fact]
    public async Task EntriesOlderThanAYear_ArePruned_InBatches_AndYoungerOnesKept()
    {
        var alpha = await NewTenantAsync("alpha");
        var now = Factory.Clock.GetUtcNow();
        await TestDatabase.ExecuteAsync(
            """
            INSERT INTO audit_log (id, tenant_id, occurred_at, user_id, platform_operator, action, fields)
            SELECT nextval('audit_log_hilo'), 'alpha', @p0 - make_interval(mins => g), 'user_old', false, 'UpdateTenant', '{}' FROM generate_series(1, 2500) g
            """,
            now - AuditEntry.Retention);
        await RenameAsync(alpha, "Alpha Kept");
        await TestDatabase.ExecuteAsync(
            "INSERT INTO audit_log (id, tenant_id, occurred_at, user_id, platform_operator, action, fields) VALUES (nextval('audit_log_hilo'), NULL, @p0, 'user_recent', true, 'ListTenants', '{}')",
            now - AuditEntry.Retention + TimeSpan.FromMinutes(1));

        using (var scope = Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetServices<IScheduledJob>().OfType<PruneSystemTables>().Single().RunAsync("now", CancellationToken.None);
        }

        (await AuditRows.AllAsync()).Select(r => r.UserId).Should().BeEquivalentTo(["user_recent", "user_alpha_admin", "user_alpha_admin"]);
    }

    private static async Task RenameAsync(Session admin, string name) =>
        (await admin.Client.PutAsJsonAsync("/api/tenant", new { name, timezone = "UTC" })).EnsureSuccessStatusCode();

    private static async Task<JsonElement> ListAsync(HttpClient client, string query = "") => await (await client.GetAsync($"/api/audit{query}")).JsonAsync();

    private static string Describe(JsonElement entry) =>
        $"{entry.GetProperty("action").GetString()}:{entry.GetProperty("userId").GetString()}:"
        + (entry.GetProperty("fields").TryGetProperty("name", out var name) ? name.GetString() : string.Empty);

    private static string Query(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));
}
