using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Api;

public sealed class AuthenticationTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task GetMe_WithoutToken_Returns401Problem()
    {
        var response = await Anonymous().GetAsync("/api/me");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyXzEifQ.")]
    public async Task GetMe_WithMalformedOrUnsignedToken_Returns401(string token)
    {
        var response = await ClientWith(token).GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetMe_WithTokenSignedByAnotherKey_Returns401()
    {
        var foreignKey = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };

        var response = await ClientWith(Identity.Token("user_1", signingKey: foreignKey)).GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetMe_WithTokenFromAnotherIssuer_Returns401()
    {
        var response = await ClientWith(Identity.Token("user_1", issuer: "https://evil.clerk.accounts.dev")).GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetMe_WithExpiredToken_Returns401()
    {
        var response = await ClientWith(Identity.Token("user_1", expiresIn: TimeSpan.FromMinutes(-2))).GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetMe_WithTokenForAnotherAuthorizedParty_Returns401()
    {
        var response = await ClientWith(Identity.Token("user_1", azp: "https://phishing.example")).GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OutsideDevelopment_ATokenWithoutAuthorizedParty_Returns401()
    {
        // Inverted: it was accepted. Production (and this Testing environment, configured like it) refuse a token
        // minted for no origin: it is not the admin app's.
        (await ClientWith(Identity.Token("user_1", email: "one@example.com", azp: null)).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ClientWith(Identity.Token("user_1", email: "one@example.com")).GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task InDevelopment_ATokenWithoutAuthorizedParty_IsAccepted()
    {
        await using var development = new PromoStackFactory(Identity, environment: "Development");
        var client = development.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Identity.Token("user_1", email: "one@example.com", azp: null));

        var response = await client.GetAsync("/api/me");

        var me = await response.JsonAsync();
        me.GetProperty("userId").GetString().Should().Be("user_1");
        me.GetProperty("tenant").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task GetMe_WithTokenWithoutSubject_Returns401()
    {
        var response = await ClientWith(Identity.Token(string.Empty)).GetAsync("/api/me");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_CachesTheEmailFromTheTokenClaims()
    {
        await ClientWith(Identity.Token("user_claims", email: "Claims@Example.com")).GetAsync("/api/me");

        (await TestDatabase.ScalarAsync<string>("SELECT email FROM clerk_users WHERE id = @p0", "user_claims"))
            .Should().Be("claims@example.com");
    }

    [Fact]
    public async Task SignIn_WithoutEmailClaim_ReadsTheEmailFromClerksBackendApi()
    {
        Identity.KnowsUser("user_backend", "backend@example.com");

        var me = await (await ClientWith(Identity.Token("user_backend")).GetAsync("/api/me")).JsonAsync();

        me.GetProperty("email").GetString().Should().Be("backend@example.com");
        (await TestDatabase.ScalarAsync<string>("SELECT email FROM clerk_users WHERE id = @p0", "user_backend"))
            .Should().Be("backend@example.com");
    }

    [Fact]
    public async Task RoleClaimsInsideTheToken_AreIgnored_RoleComesFromTheDatabase()
    {
        var tenant = await NewTenantAsync("alpha");
        var forged = Identity.Token("user_forger", extraClaims: new Dictionary<string, object>
        {
            ["promostack:tenant"] = "alpha",
            ["promostack:role"] = "admin",
            ["promostack:platform_operator"] = "true",
        });

        var client = ClientWith(forged);

        (await client.GetAsync("/api/tenant")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/tenant/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/platform/tenants")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        tenant.TenantId.Should().Be("alpha");
    }

    [Fact]
    public async Task Member_CanRead_ButNotManage()
    {
        var admin = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(admin, "user_member", "member");

        (await member.Client.GetAsync("/api/tenant")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await member.Client.PutAsJsonAsync("/api/tenant", new { name = "x", timezone = "UTC" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Client.GetAsync("/api/tenant/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task InvitedEmail_JoinsNothingOnSignIn_AndTheWorkspaceWithItsRole_OnAccepting()
    {
        // Changed with consent: signing in used to join the invitation's workspace silently.
        var admin = await NewTenantAsync("alpha");
        (await admin.Client.PostAsJsonAsync("/api/tenant/users", new { email = "New.Member@Example.com", role = "member" })).EnsureSuccessStatusCode();
        var invitee = ClientWith(Identity.Token("user_new", email: "new.member@example.com"));

        var before = await (await invitee.GetAsync("/api/me")).JsonAsync();
        before.GetProperty("tenant").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        before.GetProperty("invitations").EnumerateArray().Single().GetProperty("tenantId").GetString().Should().Be("alpha");
        (await Invitations.AcceptAllAsync(invitee)).Should().Be(1);
        var me = await (await invitee.GetAsync("/api/me")).JsonAsync();

        me.GetProperty("tenant").GetProperty("id").GetString().Should().Be("alpha");
        me.GetProperty("role").GetString().Should().Be("member");
        (await TestDatabase.ScalarAsync<string>("SELECT clerk_user_id FROM tenant_users WHERE email = 'new.member@example.com'"))
            .Should().Be("user_new");
    }

    [Fact]
    public async Task RoleChange_TakesEffectOnTheNextRequest()
    {
        var admin = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(admin, "user_member", "member");
        var users = await (await admin.Client.GetAsync("/api/tenant/users")).JsonAsync();
        var memberId = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == "user_member@example.com").GetProperty("id").GetInt32();

        (await admin.Client.PatchAsJsonAsync($"/api/tenant/users/{memberId}", new { role = "admin" })).EnsureSuccessStatusCode();

        (await member.Client.GetAsync("/api/tenant/users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
