using System.Net;
using System.Net.Http.Json;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Audit;
using PromoStack.WebApi.IntegrationTests.Home;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Platform;

/// <summary>
/// <c>GET /api/platform/tenants/{tenantId}/overview</c>: a platform operator's read-only look inside one tenant, recorded
/// in that tenant's own audit log; no one else may look, and nothing can be changed through it.
/// </summary>
public sealed class TenantOverviewTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AnOperator_SeesTheTenantsDashboardAndSetup_AndTheLookIsRecordedInThatTenantOnly()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        var now = Factory.Clock.GetUtcNow();
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            DashboardData.Subscriptions(db, "alpha", now);
            await db.SaveChangesAsync();
        });
        var ops = await OperatorAsync();
        var own = await (await alpha.Client.GetAsync("/api/dashboard")).JsonAsync();
        var ownSetup = await (await alpha.Client.GetAsync("/api/setup")).JsonAsync();
        var before = (await AuditRows.AllAsync()).Select(r => r.Id).DefaultIfEmpty(0).Max();

        var overview = await (await ops.GetAsync("/api/platform/tenants/alpha/overview")).JsonAsync();

        overview.GetProperty("tenantId").GetString().Should().Be("alpha");
        overview.GetProperty("dashboard").GetProperty("members").GetProperty("vipMembers").GetInt32().Should().Be(5);
        overview.GetProperty("dashboard").GetProperty("members").ToString().Should().Be(own.GetProperty("members").ToString());
        overview.GetProperty("dashboard").GetProperty("revenue").ToString().Should().Be(own.GetProperty("revenue").ToString());
        overview.GetProperty("setup").ToString().Should().Be(ownSetup.ToString());
        var recorded = (await AuditRows.AllAsync()).Where(r => r.Id > before).ToList();
        var entry = recorded.Should().ContainSingle("one look, one entry").Subject;
        entry.TenantId.Should().Be("alpha");
        entry.Action.Should().Be("LookInsideTenant");
        entry.UserId.Should().Be("user_ops");
        entry.PlatformOperator.Should().BeTrue();
        entry.UserRole.Should().BeNull("the operator has no role in the tenant");

        var alphaLog = await (await alpha.Client.GetAsync("/api/audit")).JsonAsync();
        var betaLog = await (await beta.Client.GetAsync("/api/audit")).JsonAsync();
        var shown = alphaLog.GetProperty("items")[0];
        shown.GetProperty("action").GetString().Should().Be("LookInsideTenant");
        shown.GetProperty("userId").GetString().Should().Be("user_ops");
        shown.GetProperty("platformOperator").GetBoolean().Should().BeTrue();
        betaLog.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()).Should().NotContain("LookInsideTenant");
    }

    [Fact]
    public async Task AnOperatorWithAWorkspaceOfTheirOwn_LooksInsideAnother_WithoutLeavingTheirs()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        await TestDatabase.ExecuteAsync("INSERT INTO platform_operators (clerk_user_id, created_at) VALUES ('user_beta_admin', now())");
        var before = (await AuditRows.AllAsync()).Select(r => r.Id).DefaultIfEmpty(0).Max();

        var overview = await (await beta.Client.GetAsync("/api/platform/tenants/alpha/overview")).JsonAsync();
        var own = await (await beta.Client.GetAsync("/api/tenant")).JsonAsync();

        overview.GetProperty("tenantId").GetString().Should().Be("alpha");
        own.GetProperty("id").GetString().Should().Be("beta", "the operator's own request stays in their workspace");
        var entry = (await AuditRows.AllAsync()).Where(r => r.Id > before).Should().ContainSingle().Subject;
        entry.TenantId.Should().Be("alpha");
        entry.UserRole.Should().BeNull("the operator's role in their own workspace is not a role in this one");
        (await alpha.Client.GetAsync("/api/tenant")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnUnknownTenant_Is404_AndRecordsNothing()
    {
        await NewTenantAsync("alpha");
        var ops = await OperatorAsync();
        var before = (await AuditRows.AllAsync()).Count;

        await (await ops.GetAsync("/api/platform/tenants/nobody/overview")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await AuditRows.AllAsync()).Should().HaveCount(before);
    }

    [Fact]
    public async Task NoOneButAnOperator_MayLook_NotEvenTheTenantsOwnAdmin()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        var member = await NewMemberAsync(alpha, "user_alpha_member", "member");

        await (await alpha.Client.GetAsync("/api/platform/tenants/alpha/overview")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Client.GetAsync("/api/platform/tenants/alpha/overview")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await beta.Client.GetAsync("/api/platform/tenants/alpha/overview")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await NewUser("user_nobody").Client.GetAsync("/api/platform/tenants/alpha/overview")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Anonymous().GetAsync("/api/platform/tenants/alpha/overview")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheOperator_CannotChangeAnythingThroughIt()
    {
        await NewTenantAsync("alpha");
        var ops = await OperatorAsync();
        var tenantBefore = await TestDatabase.ScalarAsync<string>("SELECT row_to_json(t)::text FROM tenants t WHERE id = 'alpha'");
        var usersBefore = await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users WHERE tenant_id = 'alpha'");

        (await ops.GetAsync("/api/platform/tenants/alpha/overview")).EnsureSuccessStatusCode();
        var put = await ops.PutAsJsonAsync("/api/platform/tenants/alpha/overview", new { name = "Hijacked" });
        var post = await ops.PostAsJsonAsync("/api/platform/tenants/alpha/overview", new { name = "Hijacked" });
        var delete = await ops.DeleteAsync("/api/platform/tenants/alpha/overview");
        using var asAlpha = new HttpRequestMessage(HttpMethod.Put, "/api/tenant") { Content = JsonContent.Create(new { name = "Hijacked", timezone = "UTC" }) };
        asAlpha.Headers.Add("X-PromoStack-Tenant", "alpha");
        var rename = await ops.SendAsync(asAlpha);

        put.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        post.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        delete.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        rename.StatusCode.Should().Be(HttpStatusCode.Forbidden, "looking inside gives the operator no membership");
        (await TestDatabase.ScalarAsync<string>("SELECT row_to_json(t)::text FROM tenants t WHERE id = 'alpha'")).Should().Be(tenantBefore);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users WHERE tenant_id = 'alpha'")).Should().Be(usersBefore);
        (await AuditRows.AllAsync()).Where(r => r.TenantId == "alpha" && r.UserId == "user_ops").Select(r => r.Action).Should().Equal("LookInsideTenant");
    }

    private async Task<HttpClient> OperatorAsync()
    {
        await TestDatabase.ExecuteAsync("INSERT INTO platform_operators (clerk_user_id, created_at) VALUES ('user_ops', now())");
        return NewUser("user_ops").Client;
    }
}
