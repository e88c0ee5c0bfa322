using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Api;

/// <summary>Tenant B must never read or change tenant A's data, through any endpoint or any query.</summary>
public sealed class TenantIsolationTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task TenantB_SeesOnlyItsOwnTenantAndUsers()
    {
        var alpha = await NewTenantAsync("alpha");
        await NewMemberAsync(alpha, "user_alpha_member", "member");
        var beta = await NewTenantAsync("beta");

        var tenant = await (await beta.Client.GetAsync("/api/tenant")).JsonAsync();
        var users = await (await beta.Client.GetAsync("/api/tenant/users")).JsonAsync();

        tenant.GetProperty("id").GetString().Should().Be("beta");
        users.EnumerateArray().Select(u => u.GetProperty("email").GetString()).Should().Equal("user_beta_admin@example.com");
    }

    [Fact]
    public async Task TenantB_CannotChangeOrRemoveTenantAsUsers_AndGets404()
    {
        var alpha = await NewTenantAsync("alpha");
        await NewMemberAsync(alpha, "user_alpha_member", "member");
        var beta = await NewTenantAsync("beta");
        var alphaMemberId = await TestDatabase.ScalarAsync<int>("SELECT id FROM tenant_users WHERE clerk_user_id = 'user_alpha_member'");

        await (await beta.Client.GetAsync($"/api/tenant/users/{alphaMemberId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.Client.PatchAsJsonAsync($"/api/tenant/users/{alphaMemberId}", new { role = "admin" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.Client.DeleteAsync($"/api/tenant/users/{alphaMemberId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await TestDatabase.ScalarAsync<string>("SELECT role FROM tenant_users WHERE id = @p0", alphaMemberId)).Should().Be("member");
        (await TestDatabase.ScalarAsync<string>("SELECT tenant_id FROM tenant_users WHERE id = @p0", alphaMemberId)).Should().Be("alpha");
    }

    [Fact]
    public async Task TenantB_InvitingAnEmailOfTenantA_CreatesItsOwnRow_AndLeavesAsUntouched()
    {
        var alpha = await NewTenantAsync("alpha");
        await alpha.Client.PostAsJsonAsync("/api/tenant/users", new { email = "shared@example.com", role = "member" });
        var beta = await NewTenantAsync("beta");

        (await beta.Client.PostAsJsonAsync("/api/tenant/users", new { email = "shared@example.com", role = "admin" })).StatusCode
            .Should().Be(HttpStatusCode.Created);

        (await TestDatabase.ScalarAsync<string>("SELECT role FROM tenant_users WHERE tenant_id = 'alpha' AND email = 'shared@example.com'"))
            .Should().Be("member");
    }

    [Fact]
    public async Task UpdatingTheTenant_OnlyEverTouchesTheCallersTenant()
    {
        var alpha = await NewTenantAsync("alpha");
        await NewTenantAsync("beta");

        await alpha.Client.PutAsJsonAsync("/api/tenant", new { name = "Renamed", timezone = "UTC" });

        (await TestDatabase.ScalarAsync<string>("SELECT name FROM tenants WHERE id = 'beta'")).Should().Be("Tenant beta");
    }

    [Fact]
    public async Task QueryFilter_HidesOtherTenantsRows_FromEveryQuery()
    {
        await NewTenantAsync("alpha");
        await NewTenantAsync("beta");
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.ForexSignals.Add(ForexSignal.Open("alpha", SignalDirection.Buy, "15min", new SignalLevels(2000m, 1990m, 2010m, 2020m, 2030m), "{}", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        await InTenantAsync("beta", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            (await db.ForexSignals.CountAsync()).Should().Be(0);
            (await db.TenantUsers.Select(u => u.TenantId).Distinct().ToListAsync()).Should().Equal("beta");
            (await db.DomainEvents.CountAsync()).Should().Be(0);
        });
        await InTenantAsync("alpha", async services =>
            (await services.GetRequiredService<AppDbContext>().ForexSignals.CountAsync()).Should().Be(1));
    }

    [Fact]
    public async Task SavingARowOfAnotherTenant_IsRefused()
    {
        await NewTenantAsync("alpha");
        await NewTenantAsync("beta");

        var act = () => InTenantAsync("beta", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.TenantUsers.Add(TenantUser.Invite("alpha", "intruder@example.com", TenantRole.Admin, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        await act.Should().ThrowAsync<TenantIsolationException>();
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users WHERE email = 'intruder@example.com'")).Should().Be(0);
    }

    [Fact]
    public async Task SavingATenantOwnedRow_WithoutATenant_IsRefused()
    {
        await NewTenantAsync("alpha");

        await using var db = TestDatabase.CreateContext(tenantId: null);
        db.TenantUsers.Add(TenantUser.Invite("alpha", "nobody@example.com", TenantRole.Member, DateTimeOffset.UtcNow));

        await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<TenantIsolationException>();
    }

    [Fact]
    public async Task AnotherTenantsRow_CannotBeRead_NorChanged()
    {
        await NewTenantAsync("alpha");
        await NewTenantAsync("beta");
        await using var db = TestDatabase.CreateContext("beta");

        (await db.Tenants.Select(t => t.Id).ToListAsync()).Should().Equal("beta");
        var forged = Tenant.Create("alpha", "Hijacked", "UTC", DateTimeOffset.UtcNow);
        db.Tenants.Update(forged);

        await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<TenantIsolationException>();
        (await TestDatabase.ScalarAsync<string>("SELECT name FROM tenants WHERE id = 'alpha'")).Should().Be("Tenant alpha");
    }
}
