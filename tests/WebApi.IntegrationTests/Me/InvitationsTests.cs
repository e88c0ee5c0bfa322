using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PromoStack.Domain.Tenants;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Me;

/// <summary>Invitations need the invitee's consent, from a verified email, before they expire; a user may belong to several workspaces.</summary>
public sealed class InvitationsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task AnInvitationFromASecondWorkspace_DoesNotCaptureTheUser_ItWaitsForTheirAnswer()
    {
        var alpha = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(alpha, "user_shared", "member");
        var beta = await NewTenantAsync("beta");
        (await beta.Client.PostAsJsonAsync("/api/tenant/users", new { email = "user_shared@example.com", role = "admin" })).EnsureSuccessStatusCode();

        var me = await (await member.Client.GetAsync("/api/me")).JsonAsync();

        me.GetProperty("tenant").GetProperty("id").GetString().Should().Be("alpha", "signing in joins nothing");
        me.GetProperty("memberships").GetArrayLength().Should().Be(1);
        var invitation = me.GetProperty("invitations").EnumerateArray().Single();
        invitation.GetProperty("tenantId").GetString().Should().Be("beta");
        invitation.GetProperty("role").GetString().Should().Be("admin");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users WHERE clerk_user_id = 'user_shared'")).Should().Be(1);
    }

    [Fact]
    public async Task OnlyAVerifiedEmail_MayAccept()
    {
        var alpha = await NewTenantAsync("alpha");
        (await alpha.Client.PostAsJsonAsync("/api/tenant/users", new { email = "unverified@example.com", role = "member" })).EnsureSuccessStatusCode();
        Identity.KnowsUser("user_unverified", "unverified@example.com", verified: false);
        var invitee = ClientWith(Identity.Token("user_unverified", "unverified@example.com", emailVerified: false));
        var id = await FirstInvitationAsync(invitee);

        var refused = await invitee.PostAsync($"/api/me/invitations/{id}/accept", null);
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Verify");

        Identity.KnowsUser("user_unverified", "unverified@example.com", verified: true);
        (await invitee.PostAsync($"/api/me/invitations/{id}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK, "the identity provider now says it is verified");
    }

    [Fact]
    public async Task AnotherUsersInvitation_IsNotFound_AndCannotBeAcceptedOrDeclined()
    {
        var alpha = await NewTenantAsync("alpha");
        (await alpha.Client.PostAsJsonAsync("/api/tenant/users", new { email = "ana@example.com", role = "admin" })).EnsureSuccessStatusCode();
        var id = await FirstInvitationAsync(ClientWith(Identity.Token("user_ana", "ana@example.com")));
        var someoneElse = ClientWith(Identity.Token("user_eve", "eve@example.com"));

        await (await someoneElse.PostAsync($"/api/me/invitations/{id}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await someoneElse.PostAsync($"/api/me/invitations/{id}/decline", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users WHERE email = 'ana@example.com' AND clerk_user_id IS NULL")).Should().Be(1);
    }

    [Fact]
    public async Task AnExpiredInvitation_IsNotListed_CannotBeAccepted_AndCanBeIssuedAgain()
    {
        var alpha = await NewTenantAsync("alpha");
        (await alpha.Client.PostAsJsonAsync("/api/tenant/users", new { email = "late@example.com", role = "member" })).EnsureSuccessStatusCode();
        var invitee = ClientWith(Identity.Token("user_late", "late@example.com"));
        var id = await FirstInvitationAsync(invitee);

        Factory.Clock.Advance(TenantUser.InviteLifetime + TimeSpan.FromMinutes(1));

        (await (await invitee.GetAsync("/api/me")).JsonAsync()).GetProperty("invitations").GetArrayLength().Should().Be(0);
        await (await invitee.PostAsync($"/api/me/invitations/{id}/accept", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await alpha.Client.PostAsJsonAsync("/api/tenant/users", new { email = "late@example.com", role = "member" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Invitations.AcceptAllAsync(invitee)).Should().Be(1);
    }

    [Fact]
    public async Task ADeclinedInvitation_IsGone()
    {
        var alpha = await NewTenantAsync("alpha");
        (await alpha.Client.PostAsJsonAsync("/api/tenant/users", new { email = "no@example.com", role = "member" })).EnsureSuccessStatusCode();
        var invitee = ClientWith(Identity.Token("user_no", "no@example.com"));

        (await invitee.PostAsync($"/api/me/invitations/{await FirstInvitationAsync(invitee)}/decline", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await (await invitee.GetAsync("/api/me")).JsonAsync()).GetProperty("invitations").GetArrayLength().Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users WHERE email = 'no@example.com'")).Should().Be(0);
    }

    [Fact]
    public async Task AWorkspace_HasAtMost50PendingInvitations()
    {
        var alpha = await NewTenantAsync("alpha");
        for (var i = 0; i < 50; i++)
        {
            (await alpha.Client.PostAsJsonAsync("/api/tenant/users", new { email = $"invitee{i}@example.com", role = "member" })).EnsureSuccessStatusCode();
        }

        await (await alpha.Client.PostAsJsonAsync("/api/tenant/users", new { email = "one-more@example.com", role = "member" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AUserInSeveralWorkspaces_PicksOnePerRequest_ValidatedAgainstTheirMemberships()
    {
        var alpha = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(alpha, "user_two", "member");
        var beta = await NewTenantAsync("beta");
        (await beta.Client.PostAsJsonAsync("/api/tenant/users", new { email = "user_two@example.com", role = "admin" })).EnsureSuccessStatusCode();
        await Invitations.AcceptAllAsync(member.Client);

        var unnamed = await (await member.Client.GetAsync("/api/me")).JsonAsync();
        unnamed.GetProperty("tenant").ValueKind.Should().Be(JsonValueKind.Null, "with two workspaces the request must name one");
        unnamed.GetProperty("memberships").GetArrayLength().Should().Be(2);
        (await InAsync(member.Client, "beta", "/api/me")).GetProperty("role").GetString().Should().Be("admin");
        (await InAsync(member.Client, "alpha", "/api/me")).GetProperty("role").GetString().Should().Be("member");
        (await InAsync(member.Client, "gamma", "/api/me")).GetProperty("tenant").ValueKind.Should().Be(JsonValueKind.Null, "not a workspace of theirs");

        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/api/tenant/users");
        foreign.Headers.Add("X-PromoStack-Tenant", "gamma");
        (await member.Client.SendAsync(foreign)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AMemberCanLeave_TheLastAdminCannot()
    {
        var alpha = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(alpha, "user_leaving", "member");

        (await member.Client.DeleteAsync("/api/me/workspace")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await alpha.Client.DeleteAsync("/api/me/workspace")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await (await member.Client.GetAsync("/api/me")).JsonAsync()).GetProperty("memberships").GetArrayLength().Should().Be(0);
        (await member.Client.GetAsync("/api/tenant")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<int> FirstInvitationAsync(HttpClient invitee) =>
        (await (await invitee.GetAsync("/api/me")).JsonAsync()).GetProperty("invitations")[0].GetProperty("id").GetInt32();

    private static async Task<JsonElement> InAsync(HttpClient client, string tenant, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-PromoStack-Tenant", tenant);
        return await (await client.SendAsync(request)).JsonAsync();
    }
}
