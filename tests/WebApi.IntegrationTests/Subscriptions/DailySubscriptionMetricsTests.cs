using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PromoStack.Domain.Stripe;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

/// <summary><c>GET /api/subscriptions/metrics/daily</c>: one row per day of the tenant's zone, counted as the metrics count.</summary>
public sealed class DailySubscriptionMetricsTests(AppFixture fixture, ClassApp app) : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    /// <summary>21:00 on 20 March in Tokyo (UTC+9, no daylight saving), where the tenant is.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);

    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = app.ForTest(() => new PromoStackFactory(Identity) { Clock = new FakeTimeProvider(Now) });
        _admin = await Given.TenantAsync(_app, Identity, "user_daily_admin", timezone: "Asia/Tokyo");
    }

    [Fact]
    public async Task EachDayOfTheTenantsZone_HasItsNewChurnedActiveAndMrr_AndTodayAgreesWithTheMetrics()
    {
        await SeedAsync("alpha", db =>
        {
            var settings = TenantStripeSettings.Create("alpha", Now);
            settings.SetProduct(null, "prod_VIP", "price_M", "price_A", null, Now);
            db.StripeSettings.Add(settings);
            db.StripePrices.Add(TenantStripePrice.Cache("alpha", "price_M", "prod_VIP", "usd", 4900, "month", 1, null, true, Now));
            db.StripePrices.Add(TenantStripePrice.Cache("alpha", "price_A", "prod_VIP", "usd", 12000, "year", 1, null, true, Now));
            db.TelegramSubscriptions.AddRange(
                Paid("annual@example.com", PlanType.Annual, At(1, 1, 0)),
                Paid("monthly@example.com", PlanType.Monthly, At(3, 18, 16)), // 01:00 on the 19th in Tokyo, still the 18th in UTC
                Paid("churned@example.com", PlanType.Monthly, At(3, 15, 0), endedAt: At(3, 19, 14).AddMinutes(59)), // 23:59 on the 19th in Tokyo
                Paid("lifetime@example.com", PlanType.Lifetime, At(3, 20, 10)),
                Paid("granted@example.com", PlanType.Monthly, At(3, 16, 3), renews: false),
                TelegramSubscription.BeginCheckout("alpha", PlanType.Monthly, "unpaid@example.com", At(3, 17, 0)));
        });
        var beta = await Given.TenantAsync(_app, Identity, "user_daily_beta", "beta");
        await SeedAsync("beta", db => db.TelegramSubscriptions.Add(Paid("beta@example.com", PlanType.Monthly, At(3, 17, 0), tenant: "beta")));

        var daily = await (await _admin.GetAsync("/api/subscriptions/metrics/daily?days=7")).JsonAsync();

        daily.GetProperty("timezone").GetString().Should().Be("Asia/Tokyo");
        daily.GetProperty("from").GetString().Should().Be("2026-03-14");
        daily.GetProperty("to").GetString().Should().Be("2026-03-20");
        var days = daily.GetProperty("days").EnumerateArray().ToList();
        days.Select(d => d.GetProperty("date").GetString()).Should().Equal(
            "2026-03-14", "2026-03-15", "2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19", "2026-03-20");
        days.Select(d => d.GetProperty("newSubscriptions").GetInt32()).Should().Equal(0, 1, 1, 0, 0, 1, 1);
        days.Select(d => d.GetProperty("churned").GetInt32()).Should().Equal(0, 0, 0, 0, 0, 1, 0);
        days.Select(d => d.GetProperty("activeAtEnd").GetInt32()).Should().Equal(1, 2, 3, 3, 3, 3, 4);
        days.Select(Usd).Should().Equal([1000L, 5900, 5900, 5900, 5900, 5900, 5900], "renewing monthly plans plus a twelfth of the annual; no lifetime, no grant");

        var metrics = await (await _admin.GetAsync("/api/subscriptions/metrics")).JsonAsync();
        days[^1].GetProperty("mrrAtEnd").GetRawText().Should().Be(metrics.GetProperty("mrr").GetRawText());
        days[^1].GetProperty("activeAtEnd").GetInt32().Should().Be(metrics.GetProperty("activeByPlan").EnumerateObject().Sum(p => p.Value.GetInt32()));

        var theirs = (await (await beta.GetAsync("/api/subscriptions/metrics/daily?days=7")).JsonAsync()).GetProperty("days").EnumerateArray().ToList();
        theirs.Select(d => d.GetProperty("activeAtEnd").GetInt32()).Should().Equal([0, 0, 0, 1, 1, 1, 1], "beta's own subscription only, on its own UTC days");
        theirs.Should().OnlyContain(d => d.GetProperty("mrrAtEnd").GetArrayLength() == 0, "beta has no prices");
    }

    [Fact]
    public async Task ByDefault_ThirtyDaysEndingToday_ForMembersToo()
    {
        var member = await Given.MemberAsync(_app, Identity, _admin, "user_daily_member");

        var daily = await (await member.GetAsync("/api/subscriptions/metrics/daily")).JsonAsync();
        var year = await (await _admin.GetAsync("/api/subscriptions/metrics/daily?days=365")).JsonAsync();

        daily.GetProperty("days").GetArrayLength().Should().Be(30);
        daily.GetProperty("from").GetString().Should().Be("2026-02-19");
        daily.GetProperty("to").GetString().Should().Be("2026-03-20");
        daily.GetProperty("days").EnumerateArray().Should().OnlyContain(d => d.GetProperty("activeAtEnd").GetInt32() == 0);
        year.GetProperty("days").GetArrayLength().Should().Be(365);
    }

    [Theory]
    [InlineData("days=0")]
    [InlineData("days=366")]
    [InlineData("days=-5")]
    [InlineData("days=week")]
    public async Task ADaysOutside1To365_Is400NamingIt(string query)
    {
        await (await _admin.GetAsync($"/api/subscriptions/metrics/daily?{query}")).ShouldHaveFieldErrorAsync("days");
    }

    [Fact]
    public async Task AnAnonymousCaller_Is401()
    {
        (await _app.CreateClient().GetAsync("/api/subscriptions/metrics/daily")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static long Usd(JsonElement day) =>
        day.GetProperty("mrrAtEnd").EnumerateArray().Where(m => m.GetProperty("currency").GetString() == "usd").Sum(m => m.GetProperty("amountMinor").GetInt64());

    private static TelegramSubscription Paid(
        string email, PlanType plan, DateTimeOffset paidAt, DateTimeOffset? endedAt = null, bool renews = true, string tenant = "alpha")
    {
        var subscription = TelegramSubscription.Begin(tenant, email, plan, paidAt.AddMinutes(-5));
        subscription.Activate(plan == PlanType.Lifetime ? null : paidAt.AddDays(30), paidAt, renews);
        if (endedAt is { } end)
        {
            subscription.Cancel(CancellationReason.User, end);
        }

        return subscription;
    }

    private Task SeedAsync(string tenant, Action<AppDbContext> seed) =>
        _app.Services.GetRequiredService<TenantScopes>().RunAsync(tenant, async (services, _) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            seed(db);
            await db.SaveChangesAsync();
        }, CancellationToken.None);
}
