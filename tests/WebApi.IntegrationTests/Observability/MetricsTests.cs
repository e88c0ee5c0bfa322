using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using PromoStack.Infrastructure.Schedules;
using PromoStack.WebApi.IntegrationTests.Coupons.Templates;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static PromoStack.WebApi.IntegrationTests.Coupons.Templates.TemplateForms;

namespace PromoStack.WebApi.IntegrationTests.Observability;

/// <summary>
/// The metrics an operator watches, read as Prometheus scrapes them after real traffic: requests by route, the
/// queues, Telegram deliveries, inbox lag, schedule lateness, Stripe events and coupon renders; only with the token.
/// </summary>
public sealed class MetricsTests(AppFixture fixture, ClassApp classApp) : BotTestBase(fixture, classApp)
{
    private const string ScrapeToken = "scrape-0123456789-abcdefghijklmnopqrstuvwxyz";

    protected override Dictionary<string, string?> Overrides => new() { ["Telemetry:ScrapeToken"] = ScrapeToken };

    [Fact]
    public async Task AfterSomeTraffic_TheScrape_HasEveryMetricAnOperatorWatches()
    {
        (await SayAsync("/start")).Should().NotBeEmpty("the webhook stored the update, the inbox handled it and the sender sent the reply");
        await App.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
        var junk = new StringContent("{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}", Encoding.UTF8, "application/json");
        (await App.CreateClient().PostAsync("/api/stripe/webhook/alpha", junk)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var template = await CouponTemplatesTests.CreateAsync(Admin, Template("Promo", [Size("square")]), ("square", Png(Square)));
        (await Admin.PostAsJsonAsync($"/api/coupons/templates/{template.GetProperty("id").GetInt32()}/preview", new { size = "square" })).EnsureSuccessStatusCode();

        var scrape = await ScrapeAsync(ScrapeToken);

        scrape.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await scrape.Content.ReadAsStringAsync();
        text.Should().Contain("http_server_request_duration_seconds_bucket{").And.Contain("http_route=\"api/telegram/{publicId:guid}/webhook\"");
        text.Should().Contain("promostack_queue_items_total{").And.Contain("queue=\"telegram_updates\"").And.Contain("outcome=\"completed\"");
        text.Should().Contain("promostack_queue_depth{").And.Contain("promostack_queue_oldest_age_seconds{");
        text.Should().Contain("promostack_telegram_deliveries_total{").And.Contain("bot_role=\"message_bot\"").And.Contain("outcome=\"sent\"");
        text.Should().Contain("promostack_telegram_inbox_lag_seconds_bucket");
        text.Should().Contain("promostack_schedule_lateness_seconds_bucket");
        text.Should().Contain("promostack_stripe_events_total{").And.Contain("type=\"unverified\"").And.Contain("outcome=\"rejected\"");
        text.Should().Contain("promostack_coupon_render_duration_milliseconds_bucket");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("scrape-0123456789-abcdefghijklmnopqrstuvwxyZ")]
    public async Task WithoutTheToken_TheScrapeIsRefused(string? token)
    {
        var scrape = await ScrapeAsync(token);

        scrape.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await scrape.Content.ReadAsStringAsync()).Should().NotContain("promostack_");
    }

    [Fact]
    public async Task WithNoTokenConfigured_ThereIsNoMetricsEndpoint() =>
        (await Anonymous().GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.NotFound);

    [Fact]
    public async Task Readiness_ReportsEachDependency_AndEachQueuesBacklog()
    {
        var ready = await (await App.CreateClient().GetAsync("/health/ready")).JsonAsync();

        ready.GetProperty("status").GetString().Should().Be("Healthy");
        var checks = ready.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        checks.Keys.Should().BeEquivalentTo(["database", "migrations", "queues"]);
        var queues = checks["queues"].GetProperty("data");
        queues.TryGetProperty("telegram_outbox", out var outbox).Should().BeTrue(queues.ToString());
        outbox.GetProperty("depth").GetInt64().Should().BeGreaterThanOrEqualTo(0);
        outbox.GetProperty("oldestDueSeconds").GetDouble().Should().BeGreaterThanOrEqualTo(0);
    }

    private Task<HttpResponseMessage> ScrapeAsync(string? token)
    {
        var client = App.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.GetAsync("/metrics");
    }
}
