using System.Net;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Platform;

public sealed class PlatformTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task PlatformOperator_ListsEveryTenant()
    {
        await NewTenantAsync("alpha");
        await NewTenantAsync("beta");
        await TestDatabase.ExecuteAsync("INSERT INTO platform_operators (clerk_user_id, created_at) VALUES ('user_ops', now())");

        var me = await (await NewUser("user_ops").Client.GetAsync("/api/me")).JsonAsync();
        var tenants = await (await NewUser("user_ops").Client.GetAsync("/api/platform/tenants")).JsonAsync();

        me.GetProperty("isPlatformOperator").GetBoolean().Should().BeTrue();
        tenants.EnumerateArray().Select(t => t.GetProperty("id").GetString()).Should().Equal("alpha", "beta");
    }

    [Fact]
    public async Task TenantAdmin_IsNotAPlatformOperator()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.GetAsync("/api/platform/tenants");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_Gets401()
    {
        (await Anonymous().GetAsync("/api/platform/tenants")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
