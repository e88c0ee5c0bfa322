using System.Net;
using System.Net.Http.Json;
using System.Text;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Tenants;

public sealed class TenantsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Onboarding_CreatesTheTenant_AndMakesTheFounderItsAdmin()
    {
        var user = NewUser("user_founder", "founder@example.com");

        var response = await user.Client.PostAsJsonAsync("/api/tenants", new { slug = "entrylab", name = "EntryLab", timezone = "Europe/London" });

        var tenant = await response.JsonAsync(HttpStatusCode.Created);
        tenant.GetProperty("id").GetString().Should().Be("entrylab");
        tenant.GetProperty("timezone").GetString().Should().Be("Europe/London");
        response.Headers.Location!.ToString().Should().Be("/api/tenant");
        var me = await (await user.Client.GetAsync("/api/me")).JsonAsync();
        me.GetProperty("tenant").GetProperty("name").GetString().Should().Be("EntryLab");
        me.GetProperty("role").GetString().Should().Be("admin");
        me.GetProperty("email").GetString().Should().Be("founder@example.com");
    }

    [Fact]
    public async Task Onboarding_WithoutTimezone_DefaultsToUtc()
    {
        var tenant = await (await NewUser("user_a").Client.PostAsJsonAsync("/api/tenants", new { slug = "alpha", name = "Alpha" }))
            .JsonAsync(HttpStatusCode.Created);

        tenant.GetProperty("timezone").GetString().Should().Be("UTC");
    }

    [Fact]
    public async Task Onboarding_WithTakenSlug_Returns409()
    {
        await NewTenantAsync("alpha");

        var response = await NewUser("user_b").Client.PostAsJsonAsync("/api/tenants", new { slug = "alpha", name = "Other" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Onboarding_ASecondWorkspace_MakesTheFounderAdminOfBoth()
    {
        // Changed with workspaces: a user may belong to several (it was a 409).
        var admin = await NewTenantAsync("alpha");

        (await admin.Client.PostAsJsonAsync("/api/tenants", new { slug = "beta", name = "Beta" })).StatusCode.Should().Be(HttpStatusCode.Created);

        var me = await (await admin.Client.GetAsync("/api/me")).JsonAsync();
        me.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("tenantId").GetString() + " " + m.GetProperty("role").GetString())
            .Should().Equal("alpha admin", "beta admin");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Alpha")]
    [InlineData("1alpha")]
    [InlineData("al--pha")]
    [InlineData("alpha-")]
    [InlineData("api")]
    [InlineData("al pha")]
    public async Task Onboarding_WithBadSlug_Returns400NamingTheSlug(string slug)
    {
        var response = await NewUser("user_a").Client.PostAsJsonAsync("/api/tenants", new { slug, name = "Alpha" });

        await response.ShouldHaveFieldErrorAsync("slug");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants")).Should().Be(0);
    }

    [Fact]
    public async Task Onboarding_WithBadFields_Returns400ForEach()
    {
        var response = await NewUser("user_a").Client.PostAsJsonAsync("/api/tenants", new { slug = "alpha", name = new string('x', 201), timezone = "Mars/Base" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("name", out _).Should().BeTrue();
        problem.GetProperty("errors").TryGetProperty("timezone", out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("{\"slug\":")]
    [InlineData("{\"slug\": 42, \"name\": \"Alpha\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"name\": \"Alpha\"}")]
    public async Task Onboarding_WithUnreadableBody_Returns400(string body)
    {
        var response = await NewUser("user_a").Client.PostAsync("/api/tenants", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Onboarding_WithOversizedBody_Returns413()
    {
        var body = $"{{\"slug\":\"alpha\",\"name\":\"{new string('x', 2 * 1024 * 1024)}\"}}";

        var response = await NewUser("user_a").Client.PostAsync("/api/tenants", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Onboarding_WithoutSignIn_Returns401()
    {
        var response = await Anonymous().PostAsJsonAsync("/api/tenants", new { slug = "alpha", name = "Alpha" });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetTenant_WithoutATenant_Returns403()
    {
        var response = await NewUser("user_a").Client.GetAsync("/api/tenant");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UpdateTenant_ChangesNameAndZone_OfTheCallersTenantOnly()
    {
        var alpha = await NewTenantAsync("alpha");
        await NewTenantAsync("beta");

        var updated = await (await alpha.Client.PutAsJsonAsync("/api/tenant", new { name = "Alpha Signals", timezone = "Asia/Tokyo" })).JsonAsync();

        updated.GetProperty("name").GetString().Should().Be("Alpha Signals");
        (await TestDatabase.ScalarAsync<string>("SELECT timezone FROM tenants WHERE id = 'alpha'")).Should().Be("Asia/Tokyo");
        (await TestDatabase.ScalarAsync<string>("SELECT name FROM tenants WHERE id = 'beta'")).Should().Be("Tenant beta");
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"timezone\":\"UTC\"}", "name")]
    [InlineData("{\"name\":\"Alpha\",\"timezone\":\"Nowhere/City\"}", "timezone")]
    [InlineData("{\"name\":\"Alpha\",\"timezone\":7}", "timezone")]
    [InlineData("{\"name\":\"Alpha\"}", "timezone")]
    public async Task UpdateTenant_WithBadInput_Returns400AndChangesNothing(string body, string field)
    {
        var alpha = await NewTenantAsync("alpha");

        var response = await alpha.Client.PutAsync("/api/tenant", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
        (await TestDatabase.ScalarAsync<string>("SELECT name FROM tenants WHERE id = 'alpha'")).Should().Be("Tenant alpha");
    }
}
