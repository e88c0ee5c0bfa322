using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

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

        var regranted = await (await _admin.Client.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime" })).JsonAsync();
        regranted.GetProperty("id").GetInt32().Should().Be(id, "one subscription per email");
        regranted.GetProperty("plan").GetString().Should().Be("lifetime", "after its end, a new grant may be another plan");
        regranted.GetProperty("status").GetString().Should().Be("active");
    }

    [Fact]
    public async Task Metrics_CountActiveByPlan_MrrFromTheCachedPrices_NewChurnedAndConversion_OnlyForThisTenant()
    {
        var now = Factory.Clock.GetUtcNow();
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<PromoStack.Infrastructure.Persistence.AppDbContext>();
            var settings = PromoStack.Domain.Stripe.TenantStripeSettings.Create("alpha", now);
            settings.SetProduct(null, "prod_VIP", "price_M", "price_A", null, now);
            db.StripeSettings.Add(settings);
            db.StripePrices.Add(PromoStack.Domain.Stripe.TenantStripePrice.Cache("alpha", "price_M", "prod_VIP", "usd", 4900, "month", 1, null, true, now));
            db.StripePrices.Add(PromoStack.Domain.Stripe.TenantStripePrice.Cache("alpha", "price_A", "prod_VIP", "usd", 12000, "year", 1, null, true, now));
            PromoStack.Domain.Subscriptions.TelegramSubscription Paid(string email, PromoStack.Domain.Subscriptions.PlanType plan, bool renews = true, bool freeLead = false)
            {
                var s = PromoStack.Domain.Subscriptions.TelegramSubscription.Begin("alpha", email, plan, now.AddDays(-5));
                s.LinkTelegramUser(email.Length, null, freeLead);
                s.Activate(plan == PromoStack.Domain.Subscriptions.PlanType.Lifetime ? null : now.AddDays(20), now.AddDays(-5), renews);
                db.TelegramSubscriptions.Add(s);
                return s;
            }

            Paid("m1@example.com", PromoStack.Domain.Subscriptions.PlanType.Monthly, freeLead: true);
            Paid("m22@example.com", PromoStack.Domain.Subscriptions.PlanType.Monthly);
            Paid("a333@example.com", PromoStack.Domain.Subscriptions.PlanType.Annual);
            Paid("l4444@example.com", PromoStack.Domain.Subscriptions.PlanType.Lifetime);
            Paid("g55555@example.com", PromoStack.Domain.Subscriptions.PlanType.Monthly, renews: false);
            Paid("c666666@example.com", PromoStack.Domain.Subscriptions.PlanType.Monthly).Cancel(PromoStack.Domain.Subscriptions.CancellationReason.User, now.AddDays(-1));
            db.BotUsers.Add(PromoStack.Domain.Telegram.BotUser.FirstSeen("alpha", 999, null, "Lead", null, now));
            await db.SaveChangesAsync();
        });
        var beta = await NewTenantAsync("beta");
        (await beta.Client.PostAsJsonAsync("/api/subscriptions/grant", new { email = "b@example.com", plan = "monthly" })).EnsureSuccessStatusCode();

        var metrics = await (await _admin.Client.GetAsync("/api/subscriptions/metrics")).JsonAsync();

        metrics.GetProperty("activeByPlan").GetProperty("monthly").GetInt32().Should().Be(3);
        metrics.GetProperty("activeByPlan").GetProperty("annual").GetInt32().Should().Be(1);
        metrics.GetProperty("activeByPlan").GetProperty("lifetime").GetInt32().Should().Be(1);
        var mrr = metrics.GetProperty("mrr").EnumerateArray().Should().ContainSingle().Subject;
        mrr.GetProperty("currency").GetString().Should().Be("usd");
        mrr.GetProperty("amountMinor").GetInt64().Should().Be((2 * 4900) + 1000, "renewing monthly plans plus a twelfth of the annual; no lifetime, no hand-granted term");
        metrics.GetProperty("new").GetInt32().Should().Be(6);
        metrics.GetProperty("churned").GetInt32().Should().Be(1);
        metrics.GetProperty("convertedFreeLeads").GetInt32().Should().Be(1);
        metrics.GetProperty("freeLeads").GetInt32().Should().Be(1, "the bot user who never paid");
        metrics.GetProperty("conversionRate").GetDouble().Should().Be(0.5);
        await (await _admin.Client.GetAsync("/api/subscriptions/metrics?from=2026-03-05T00:00:00Z&to=2026-03-01T00:00:00Z")).ShouldHaveFieldErrorAsync("to");

        // The churned subscription's row is updated later: it churned then, not in the later period.
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<PromoStack.Infrastructure.Persistence.AppDbContext>();
            var churned = await db.TelegramSubscriptions.SingleAsync(s => s.Email == "c666666@example.com");
            churned.ChangePlan(PromoStack.Domain.Subscriptions.PlanType.Annual, now.AddDays(40));
            await db.SaveChangesAsync();
        });
        var later = Uri.EscapeDataString(now.AddDays(35).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var end = Uri.EscapeDataString(now.AddDays(45).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        (await (await _admin.Client.GetAsync($"/api/subscriptions/metrics?from={later}&to={end}")).JsonAsync()).GetProperty("churned").GetInt32().Should().Be(0);
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
