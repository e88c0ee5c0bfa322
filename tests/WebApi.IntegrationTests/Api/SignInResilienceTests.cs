using System.Net;
using System.Net.Http.Json;
using System.Text;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Api;

/// <summary>Sign-in when the identity provider misbehaves, and input the database cannot store.</summary>
public sealed class SignInResilienceTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task WithTheKeysEndpointDown_AndNoKeysCached_SignInIs503_Not500()
    {
        using var identity = new TestIdentityProvider();
        identity.BreakJwks();
        await using var app = new PromoStackFactory(identity);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", identity.Token("user_1"));

        var response = await client.GetAsync("/api/me");

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task WithTheKeysEndpointDown_CachedKeysKeepSigningUsersIn()
    {
        using var identity = new TestIdentityProvider();
        await using var app = new PromoStackFactory(identity);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", identity.Token("user_1"));
        (await client.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        identity.BreakJwks();
        app.Clock.Advance(TimeSpan.FromHours(2));

        (await client.GetAsync("/api/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnEmailUnknownAtFirstSignIn_IsLookedUpAgainLater_AndItsInvitationCanThenBeAccepted()
    {
        var admin = await NewTenantAsync("alpha");
        (await admin.Client.PostAsJsonAsync("/api/tenant/users", new { email = "late@example.com", role = "member" })).EnsureSuccessStatusCode();
        var user = ClientWith(Identity.Token("user_late"));

        (await (await user.GetAsync("/api/me")).JsonAsync()).GetProperty("tenant").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        Identity.KnowsUser("user_late", "late@example.com", verified: true);
        (await (await user.GetAsync("/api/me")).JsonAsync()).GetProperty("tenant").ValueKind
            .Should().Be(System.Text.Json.JsonValueKind.Null, "the directory is not asked again on every request");

        Factory.Clock.Advance(SignInService.EmailLookupInterval + TimeSpan.FromMinutes(1));
        (await Invitations.AcceptAllAsync(user)).Should().Be(1, "the invitation is listed once the email is known, and accepted by the verified owner");
        var me = await (await user.GetAsync("/api/me")).JsonAsync();

        me.GetProperty("email").GetString().Should().Be("late@example.com");
        me.GetProperty("tenant").GetProperty("id").GetString().Should().Be("alpha");
        me.GetProperty("role").GetString().Should().Be("member");
    }

    [Fact]
    public async Task ANulCharacterInTheBody_Is400ForItsField()
    {
        var response = await NewUser("user_a").Client.PostAsync(
            "/api/tenants", new StringContent("{\"slug\":\"alpha\",\"name\":\"Al\\u0000pha\"}", Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync("name");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants")).Should().Be(0);
    }

    [Fact]
    public async Task ANulCharacterInTheTokensEmail_IsTreatedAsNoEmail()
    {
        var response = await ClientWith(Identity.Token("user_nul", email: "x\0y@example.com")).GetAsync("/api/me");

        (await response.JsonAsync()).GetProperty("email").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task AUniqueKeyRace_IsAConflict_NotAServerError()
    {
        await NewTenantAsync("alpha");

        var act = () => InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<PromoStack.Infrastructure.Persistence.AppDbContext>();
            db.TenantUsers.Add(PromoStack.Domain.Tenants.TenantUser.Invite("alpha", "user_alpha_admin@example.com", PromoStack.Domain.Tenants.TenantRole.Member, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        await act.Should().ThrowAsync<PromoStack.Application.Common.Exceptions.ConflictException>();
    }
}
