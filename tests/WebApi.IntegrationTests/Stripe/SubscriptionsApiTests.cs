using System.Net;
using System.Net.Http.Json;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Stripe;

public sealed class SubscriptionsApiTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private Session _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await NewTenantAsync("alpha");
    }

    [Fact]
    public async Task Grant_GivesANonRenewingVip_ThatIsListedSearchedAndRevoked()
    {
        var granted = await (await _admin.Client.PostAsJsonAsync("/api/subscriptions/grant", new { email = "VIP@Example.com", plan = "annual", telegramUserId = 77 })).JsonAsync();
        var id = granted.GetProperty("id").GetInt32();
        granted.GetProperty("status").GetString().Should().Be("active");
        granted.GetProperty("renews").GetBoolean().Should().BeFalse();
        granted.GetProperty("currentPeriodEnd").GetDateTimeOffset().Should().BeCloseTo(Factory.Clock.GetUtcNow().AddYears(1), TimeSpan.FromMinutes(1));
        await (await _admin.Client.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "monthly" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var found = await (await _admin.Client.GetAsync("/api/subscriptions?search=VIP%40exam&status=active&plan=annual")).JsonAsync();
        var none = await (await _admin.Client.GetAsync("/api/subscriptions?search=%25")).JsonAsync();
        found.GetProperty("total").GetInt32().Should().Be(1);
        none.GetProperty("total").GetInt32().Should().Be(0, "a % in the search is a literal character");

        var revoked = await (await _admin.Client.PostAsync($"/api/subscriptions/{id}/revoke", null)).JsonAsync();
        revoked.GetProperty("status").GetString().Should().Be("cancelled");
        revoked.GetProperty("cancelReason").GetString().Should().Be("revoked");
        await (await _admin.Client.PostAsync($"/api/subscriptions/{id}/revoke", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM domain_events WHERE event_type LIKE '%SubscriptionCancelled%'")).Should().Be(1);
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","plan":"monthly"}""", "email")]
    [InlineData("""{"email":"a@b.co","plan":"weekly"}""", "plan")]
    [InlineData("""{"email":"a@b.co","plan":"lifetime","endsAt":"2099-01-01T00:00:00Z"}""", "endsAt")]
    [InlineData("""{"email":"a@b.co","plan":"monthly","endsAt":"2001-01-01T00:00:00Z"}""", "endsAt")]
    public async Task Grant_WithBadInput_Is400(string body, string field)
    {
        var response = await _admin.Client.PostAsync("/api/subscriptions/grant", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
    }

    [Theory]
    [InlineData("status=paused")]
    [InlineData("plan=weekly")]
    [InlineData("page=0")]
    public async Task List_WithBadFilters_Is400(string query)
    {
        await (await _admin.Client.GetAsync($"/api/subscriptions?{query}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnotherTenantsSubscriptions_AreInvisibleAndUntouchable_AndMembersCannotGrant()
    {
        var beta = await NewTenantAsync("beta");
        var theirs = (await (await beta.Client.PostAsJsonAsync("/api/subscriptions/grant", new { email = "b@example.com", plan = "lifetime" })).JsonAsync()).GetProperty("id").GetInt32();
        var member = await NewMemberAsync(_admin, "user_subs_member", "member");

        (await _admin.Client.GetAsync($"/api/subscriptions/{theirs}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _admin.Client.PostAsync($"/api/subscriptions/{theirs}/revoke", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await _admin.Client.GetAsync("/api/subscriptions")).JsonAsync()).GetProperty("total").GetInt32().Should().Be(0);
        (await member.Client.PostAsJsonAsync("/api/subscriptions/grant", new { email = "m@example.com", plan = "monthly" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions WHERE id = @p0", theirs)).Should().Be("active");
    }
}
