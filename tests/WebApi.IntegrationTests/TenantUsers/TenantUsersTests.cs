using System.Net;
using System.Net.Http.Json;
using System.Text;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.TenantUsers;

public sealed class TenantUsersTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AddMember_ThenList_ShowsThePendingInvitation()
    {
        var admin = await NewTenantAsync("alpha");

        var added = await (await admin.Client.PostAsJsonAsync("/api/tenant/users", new { email = "Ops@Example.com", role = "member" }))
            .JsonAsync(HttpStatusCode.Created);

        added.GetProperty("email").GetString().Should().Be("ops@example.com");
        added.GetProperty("pending").GetBoolean().Should().BeTrue();
        var list = await (await admin.Client.GetAsync("/api/tenant/users")).JsonAsync();
        list.EnumerateArray().Select(u => u.GetProperty("email").GetString()).Should().Equal("user_alpha_admin@example.com", "ops@example.com");
    }

    [Fact]
    public async Task AddMember_ReturnsALocationThatReadsTheMember()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PostAsJsonAsync("/api/tenant/users", new { email = "ops@example.com", role = "member" });
        var member = await (await admin.Client.GetAsync(response.Headers.Location)).JsonAsync();

        member.GetProperty("email").GetString().Should().Be("ops@example.com");
        member.GetProperty("role").GetString().Should().Be("member");
    }

    [Fact]
    public async Task GetMember_Unknown_Returns404()
    {
        var admin = await NewTenantAsync("alpha");

        await (await admin.Client.GetAsync("/api/tenant/users/999999")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddMember_Twice_Returns409()
    {
        var admin = await NewTenantAsync("alpha");
        await admin.Client.PostAsJsonAsync("/api/tenant/users", new { email = "ops@example.com", role = "member" });

        var response = await admin.Client.PostAsJsonAsync("/api/tenant/users", new { email = "OPS@example.com", role = "admin" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{\"email\":\"not-an-email\",\"role\":\"member\"}", "email")]
    [InlineData("{\"email\":\"ops@example.com\",\"role\":\"owner\"}", "role")]
    [InlineData("{\"email\":\"ops@example.com\",\"role\":1}", "role")]
    [InlineData("{\"email\":\"ops@example.com\"}", "role")]
    [InlineData("{\"role\":\"member\"}", "email")]
    public async Task AddMember_WithBadInput_Returns400AndAddsNothing(string body, string field)
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PostAsync("/api/tenant/users", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users")).Should().Be(1);
    }

    [Fact]
    public async Task AddMember_WithOverlongEmail_Returns400()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PostAsJsonAsync("/api/tenant/users", new { email = new string('a', 320) + "@example.com", role = "member" });

        await response.ShouldHaveFieldErrorAsync("email");
    }

    [Fact]
    public async Task DemotingTheLastAdmin_Returns409()
    {
        var admin = await NewTenantAsync("alpha");
        var adminId = await IdOfAsync(admin, "user_alpha_admin@example.com");

        var response = await admin.Client.PatchAsJsonAsync($"/api/tenant/users/{adminId}", new { role = "member" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await TestDatabase.ScalarAsync<string>("SELECT role FROM tenant_users WHERE id = @p0", adminId)).Should().Be("admin");
    }

    [Fact]
    public async Task RemovingTheLastAdmin_Returns409()
    {
        var admin = await NewTenantAsync("alpha");
        var adminId = await IdOfAsync(admin, "user_alpha_admin@example.com");

        var response = await admin.Client.DeleteAsync($"/api/tenant/users/{adminId}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task WithASecondAdmin_TheFirstCanStepDown()
    {
        var admin = await NewTenantAsync("alpha");
        await NewMemberAsync(admin, "user_second", "admin");
        var adminId = await IdOfAsync(admin, "user_alpha_admin@example.com");

        var response = await admin.Client.PatchAsJsonAsync($"/api/tenant/users/{adminId}", new { role = "member" });

        (await response.JsonAsync()).GetProperty("role").GetString().Should().Be("member");
    }

    [Fact]
    public async Task TwoAdminsDemotingEachOtherAtOnce_LeaveTheTenantAnAdmin()
    {
        var first = await NewTenantAsync("alpha");
        var second = await NewMemberAsync(first, "user_second", "admin");
        var firstId = await IdOfAsync(first, "user_alpha_admin@example.com");
        var secondId = await IdOfAsync(first, "user_second@example.com");

        for (var round = 0; round < 5; round++)
        {
            var responses = await Task.WhenAll(
                first.Client.PatchAsJsonAsync($"/api/tenant/users/{secondId}", new { role = "member" }),
                second.Client.PatchAsJsonAsync($"/api/tenant/users/{firstId}", new { role = "member" }));

            (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users WHERE tenant_id = 'alpha' AND role = 'admin'"))
                .Should().BeGreaterThanOrEqualTo(1);
            responses.Select(r => r.StatusCode).Should().Contain(HttpStatusCode.OK);
            await TestDatabase.ExecuteAsync("UPDATE tenant_users SET role = 'admin' WHERE tenant_id = 'alpha'");
        }
    }

    [Fact]
    public async Task AnInvitedAdminWhoNeverSignedIn_DoesNotCountAsTheRemainingAdmin()
    {
        var admin = await NewTenantAsync("alpha");
        await admin.Client.PostAsJsonAsync("/api/tenant/users", new { email = "later@example.com", role = "admin" });
        var adminId = await IdOfAsync(admin, "user_alpha_admin@example.com");

        var response = await admin.Client.DeleteAsync($"/api/tenant/users/{adminId}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task RemoveMember_Returns204_AndTheyLoseAccess()
    {
        var admin = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(admin, "user_member", "member");
        var memberId = await IdOfAsync(admin, "user_member@example.com");

        (await admin.Client.DeleteAsync($"/api/tenant/users/{memberId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await member.Client.GetAsync("/api/tenant")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnknownUser_Returns404()
    {
        var admin = await NewTenantAsync("alpha");

        await (await admin.Client.PatchAsJsonAsync("/api/tenant/users/999999", new { role = "member" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.Client.DeleteAsync("/api/tenant/users/999999")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"role\":\"root\"}")]
    [InlineData("{}")]
    [InlineData("not json")]
    public async Task ChangeRole_WithBadInput_Returns400(string body)
    {
        var admin = await NewTenantAsync("alpha");
        var adminId = await IdOfAsync(admin, "user_alpha_admin@example.com");

        var response = await admin.Client.PatchAsync($"/api/tenant/users/{adminId}", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ChangeRole_WithNonNumericId_Returns404()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PatchAsJsonAsync("/api/tenant/users/abc", new { role = "member" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<int> IdOfAsync(Session admin, string email)
    {
        var list = await (await admin.Client.GetAsync("/api/tenant/users")).JsonAsync();
        return list.EnumerateArray().Single(u => u.GetProperty("email").GetString() == email).GetProperty("id").GetInt32();
    }
}
