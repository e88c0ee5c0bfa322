using System.Globalization;
using System.Net;
using System.Text.Json;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Stripe;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Home;

/// <summary><c>GET /api/dashboard</c>: the home screen's figures and problem badges, through the real API and database.</summary>
public sealed class DashboardTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task ANewTenant_HasZeroFigures_ThirtyEmptyDays_AndNoProblem()
    {
        var admin = await NewTenantAsync("alpha");
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);

        var dashboard = await (await admin.Client.GetAsync("/api/dashboard")).JsonAsync();

        dashboard.GetProperty("timezone").GetString().Should().Be("UTC");
        var revenue = dashboard.GetProperty("revenue");
        revenue.GetProperty("mrr").GetArrayLength().Should().Be(0);
        revenue.GetProperty("to").GetString().Should().Be(Day(today));
        revenue.GetProperty("from").GetString().Should().Be(Day(today.AddDays(-29)));
        var daily = revenue.GetProperty("daily").EnumerateArray().ToList();
        daily.Select(d => d.GetProperty("date").GetString()).Should().Equal(Enumerable.Range(0, 30).Select(i => Day(today.AddDays(i - 29))));
        daily.Should().OnlyContain(d => d.GetProperty("newSubscriptions").GetInt32() == 0 && d.GetProperty("churned").GetInt32() == 0
            && d.GetProperty("newRevenue").GetArrayLength() == 0);
        dashboard.GetProperty("members").GetProperty("vipMembers").GetInt32().Should().Be(0);
        dashboard.GetProperty("signals").GetProperty("items").GetArrayLength().Should().Be(0);
        dashboard.GetProperty("lastBroadcast").ValueKind.Should().Be(JsonValueKind.Null);
        dashboard.GetProperty("couponImagesToday").GetInt32().Should().Be(0);
        dashboard.GetProperty("problems").GetArrayLength().Should().Be(0);
        dashboard.GetProperty("hasDemoData").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Figures_CountRevenueMembersSignalsTheLastBroadcastAndCouponImages_LeavingDemoSignalsOut()
    {
        var admin = await NewTenantAsync("alpha");
        var now = Factory.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var signals = (HitTp1: 0, ClosedToday: 0, OpenSinceYesterday: 0);
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            DashboardData.Subscriptions(db, "alpha", now);
            var made = DashboardData.Signals(db, "alpha", now);
            DashboardData.Broadcasts(db, "alpha", now);
            DashboardData.CouponAttempts(db, "alpha", now);
            await db.SaveChangesAsync();
            signals = (made.HitTp1.Id, made.ClosedToday.Id, made.OpenSinceYesterday.Id);
        });

        var dashboard = await (await admin.Client.GetAsync("/api/dashboard")).JsonAsync();

        var revenue = dashboard.GetProperty("revenue");
        var mrr = revenue.GetProperty("mrr").EnumerateArray().Should().ContainSingle().Subject;
        mrr.GetProperty("currency").GetString().Should().Be("usd");
        mrr.GetProperty("amountMinor").GetInt64().Should().Be((2 * 4900) + 1000, "two renewing monthly plans and a twelfth of the annual one");
        revenue.GetProperty("new").GetInt32().Should().Be(5, "all but the one paid 40 days ago");
        revenue.GetProperty("churned").GetInt32().Should().Be(1);
        var daily = revenue.GetProperty("daily").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!);
        Sales(daily[Day(today)]).Should().Be((2, 0, 4900), "the Stripe monthly plan and a grant, which costs nothing");
        Sales(daily[Day(today.AddDays(-1))]).Should().Be((1, 0, 29900));
        Sales(daily[Day(today.AddDays(-2))]).Should().Be((0, 1, 0));
        Sales(daily[Day(today.AddDays(-3))]).Should().Be((1, 0, 12000));
        Sales(daily[Day(today.AddDays(-10))]).Should().Be((1, 0, 4900));
        daily.Values.Sum(d => d.GetProperty("newSubscriptions").GetInt32()).Should().Be(5);

        var members = dashboard.GetProperty("members");
        members.GetProperty("vipMembers").GetInt32().Should().Be(5);
        members.GetProperty("vipByPlan").GetProperty("monthly").GetInt32().Should().Be(3);
        members.GetProperty("vipByPlan").GetProperty("annual").GetInt32().Should().Be(1);
        members.GetProperty("vipByPlan").GetProperty("lifetime").GetInt32().Should().Be(1);
        members.GetProperty("freeLeads").GetInt32().Should().Be(1);
        members.GetProperty("convertedFreeLeads").GetInt32().Should().Be(1);
        members.GetProperty("conversionRate").GetDouble().Should().Be(0.5);

        var live = dashboard.GetProperty("signals");
        live.GetProperty("today").GetInt32().Should().Be(2, "the demo signal does not count");
        live.GetProperty("open").GetInt32().Should().Be(2);
        live.GetProperty("pipsClosedToday").GetDecimal().Should().Be(130m);
        var items = live.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetInt32());
        items.Keys.Should().BeEquivalentTo([signals.HitTp1, signals.ClosedToday, signals.OpenSinceYesterday]);
        var hit = items[signals.HitTp1];
        hit.GetProperty("status").GetString().Should().Be("tp1_hit");
        hit.GetProperty("isOpen").GetBoolean().Should().BeTrue();
        hit.GetProperty("targetsHit").GetInt32().Should().Be(1);
        hit.GetProperty("entryPrice").GetDecimal().Should().Be(2000m);
        hit.GetProperty("stopLoss").GetDecimal().Should().Be(1990m);
        hit.GetProperty("currentStop").GetDecimal().Should().Be(2000m, "the stop moved to the entry after TP1");
        hit.GetProperty("takeProfit1").GetDecimal().Should().Be(2010m);
        hit.GetProperty("pipsSoFar").GetDecimal().Should().Be(50m, "half the position closed 100 pips up");
        items[signals.ClosedToday].GetProperty("pipsSoFar").GetDecimal().Should().Be(130m);
        items[signals.ClosedToday].GetProperty("isOpen").GetBoolean().Should().BeFalse();
        items[signals.OpenSinceYesterday].GetProperty("pipsSoFar").GetDecimal().Should().Be(0m);

        var broadcast = dashboard.GetProperty("lastBroadcast");
        broadcast.GetProperty("message").GetString().Should().Be("Last");
        broadcast.GetProperty("status").GetString().Should().Be("completed");
        broadcast.GetProperty("progress").GetProperty("recipients").GetInt32().Should().Be(100);
        broadcast.GetProperty("progress").GetProperty("sent").GetInt32().Should().Be(90);
        broadcast.GetProperty("progress").GetProperty("failed").GetInt32().Should().Be(10);
        dashboard.GetProperty("couponImagesToday").GetInt32().Should().Be(2);
        dashboard.GetProperty("problems").GetArrayLength().Should().Be(0, dashboard.GetProperty("problems").ToString());
    }

    [Fact]
    public async Task TheDays_AreTheTenantsOwn()
    {
        var admin = await NewTenantAsync("alpha", "Pacific/Kiritimati");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");
        var now = Factory.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var midnight = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "after@example.com", PromoStack.Domain.Subscriptions.PlanType.Monthly, midnight.AddSeconds(1), now.AddDays(30)));
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "before@example.com", PromoStack.Domain.Subscriptions.PlanType.Monthly, midnight.AddSeconds(-1), now.AddDays(30)));
            await db.SaveChangesAsync();
        });

        var dashboard = await (await admin.Client.GetAsync("/api/dashboard")).JsonAsync();

        dashboard.GetProperty("timezone").GetString().Should().Be("Pacific/Kiritimati");
        var daily = dashboard.GetProperty("revenue").GetProperty("daily").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!);
        daily[Day(today)].GetProperty("newSubscriptions").GetInt32().Should().Be(1);
        daily[Day(today.AddDays(-1))].GetProperty("newSubscriptions").GetInt32().Should().Be(1);
        dashboard.GetProperty("revenue").GetProperty("to").GetString().Should().Be(Day(today));
    }

    [Fact]
    public async Task Problems_NameEveryFailure_WithItsFix_ErrorsFirst()
    {
        var admin = await NewTenantAsync("alpha");
        var now = Factory.Clock.GetUtcNow();
        var signal = await Given.SignalBotAsync(admin.Client, Telegram, DashboardData.Channel, -1002222222222);
        Telegram.Answer(Given.SignalBotToken, "getWebhookInfo", new
        {
            url = $"https://promostack.test/api/telegram/{signal.GetProperty("webhookId").GetGuid()}/webhook", has_custom_certificate = false,
            pending_update_count = 7, last_error_date = now.AddMinutes(-5).ToUnixTimeSeconds(), last_error_message = "Connection timed out",
        }, priority: 5);
        Telegram.Fail(Given.SignalBotToken, "getChatMember", 400, "Bad Request: chat not found");
        await Given.MessageBotAsync(admin.Client, Telegram, "alpha_message_bot");
        Telegram.Fail(Given.MessageBotToken, "getWebhookInfo", 401, "Unauthorized");
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var secrets = services.GetRequiredService<PromoStack.Application.Common.Abstractions.ISecretProtector>();
            var stripe = TenantStripeSettings.Create("alpha", now);
            stripe.SetSecrets(secrets.Protect("stripe.secret-key", "sk_test_abcdefgh12345678"), null, now);
            db.StripeSettings.Add(stripe);
            var channel = await DashboardData.OutboxAsync(db, "alpha", DashboardData.Channel, now, "to-channel");
            var blocked = await DashboardData.OutboxAsync(db, "alpha", 4242, now, "blocked");
            var sent = await DashboardData.OutboxAsync(db, "alpha", 4243, now, "sent");
            var old = await DashboardData.OutboxAsync(db, "alpha", 4244, now.AddDays(-3), "old");
            var withdrawn = await DashboardData.OutboxAsync(db, "alpha", 4245, now, "withdrawn");
            var broadcast = BroadcastJob.Create("alpha", "News", now, null, now);
            db.BroadcastJobs.Add(broadcast);
            await db.SaveChangesAsync();
            var delivery = BroadcastDelivery.For(broadcast, 4245, now);
            delivery.Queued(withdrawn, now);
            db.BroadcastDeliveries.Add(delivery);
            await db.SaveChangesAsync();
            await Fail(channel, "400: Bad Request: not enough rights to send text messages to the chat", now);
            await Fail(blocked, "Forbidden: bot was blocked by the user", now);
            await Fail(old, "400: Bad Request: message is too long", now.AddDays(-2));
            await Fail(withdrawn, "The broadcast was cancelled.", now);
            await TestDatabase.ExecuteAsync("UPDATE telegram_outbox SET status = 'sent' WHERE id = @p0", sent);
            await TestDatabase.ExecuteAsync("UPDATE broadcast_deliveries SET status = 'skipped' WHERE outbox_id = @p0", withdrawn);
        });
        await TestDatabase.ExecuteAsync(
            "INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at, last_error) VALUES " +
            "('alpha', @p0, 1, 4242, 'message', '{}'::jsonb, 'failed', @p1, 5, @p1, 'boom'), ('alpha', @p0, 2, 4242, 'message', '{}'::jsonb, 'failed', @p2, 5, @p2, 'old')",
            Given.MessageBotId, now.AddHours(-1), now.AddDays(-3));

        var problems = (await (await admin.Client.GetAsync("/api/dashboard")).JsonAsync()).GetProperty("problems").EnumerateArray().ToList();

        var kinds = problems.Select(p => (Kind: p.GetProperty("kind").GetString(), Severity: p.GetProperty("severity").GetString())).ToList();
        kinds.Should().BeEquivalentTo(
        [
            ("telegram_webhook", "error"), ("channel_rights", "error"), ("channel_rights", "error"), ("bot_token_refused", "error"), ("outbox_failed", "error"),
            ("updates_failed", "warning"), ("stripe_not_verified", "warning"),
        ]);
        kinds.TakeWhile(k => k.Severity == "error").Should().HaveCount(5, "errors come first");
        problems.Should().OnlyContain(p => p.GetProperty("message").GetString()!.Length > 0 && p.GetProperty("fix").GetString()!.Length > 0);
        Message(problems, "telegram_webhook").Should().Contain("@alpha_signal_bot").And.Contain("Connection timed out").And.Contain("7 waiting");
        problems.Where(p => p.GetProperty("kind").GetString() == "channel_rights").Select(p => p.GetProperty("message").GetString())
            .Should().Satisfy(m => m!.Contains("VIP channel"), m => m!.Contains("FREE channel"));
        Message(problems, "bot_token_refused").Should().Contain("@alpha_message_bot").And.Contain("Unauthorized");
        Message(problems, "outbox_failed").Should().StartWith("1 message failed").And.Contain("1 of them to a channel").And.Contain("not enough rights");
        Message(problems, "updates_failed").Should().StartWith("1 Telegram update");
    }

    [Fact]
    public async Task AMember_ReadsIt_AnonymousIs401_AndAUserWithoutATenantIs403()
    {
        var admin = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(admin, "user_dashboard_member", "member");

        (await member.Client.GetAsync("/api/dashboard")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Anonymous().GetAsync("/api/dashboard")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await (await NewUser("user_nobody").Client.GetAsync("/api/dashboard")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnotherTenant_NeverSeesThisTenantsFigures_NorItsProblems()
    {
        var alpha = await NewTenantAsync("alpha");
        var now = Factory.Clock.GetUtcNow();
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            DashboardData.Subscriptions(db, "alpha", now);
            DashboardData.Signals(db, "alpha", now);
            DashboardData.Broadcasts(db, "alpha", now);
            DashboardData.CouponAttempts(db, "alpha", now);
            await db.SaveChangesAsync();
            await Fail(await DashboardData.OutboxAsync(db, "alpha", DashboardData.Channel, now, "to-channel"), "400: Bad Request: chat not found", now);
        });
        await Given.SignalBotAsync(alpha.Client, Telegram, DashboardData.Channel);
        (await (await alpha.Client.GetAsync("/api/dashboard")).JsonAsync()).GetProperty("problems").GetArrayLength().Should().BeGreaterThan(0);
        var beta = await NewTenantAsync("beta");

        var dashboard = await (await beta.Client.GetAsync("/api/dashboard")).JsonAsync();

        dashboard.GetProperty("revenue").GetProperty("mrr").GetArrayLength().Should().Be(0);
        dashboard.GetProperty("revenue").GetProperty("new").GetInt32().Should().Be(0);
        dashboard.GetProperty("revenue").GetProperty("churned").GetInt32().Should().Be(0);
        dashboard.GetProperty("revenue").GetProperty("daily").EnumerateArray().Should().OnlyContain(d => d.GetProperty("newRevenue").GetArrayLength() == 0);
        dashboard.GetProperty("members").GetProperty("vipMembers").GetInt32().Should().Be(0);
        dashboard.GetProperty("members").GetProperty("freeLeads").GetInt32().Should().Be(0);
        dashboard.GetProperty("members").GetProperty("convertedFreeLeads").GetInt32().Should().Be(0);
        dashboard.GetProperty("signals").GetProperty("today").GetInt32().Should().Be(0);
        dashboard.GetProperty("signals").GetProperty("open").GetInt32().Should().Be(0);
        dashboard.GetProperty("signals").GetProperty("items").GetArrayLength().Should().Be(0);
        dashboard.GetProperty("lastBroadcast").ValueKind.Should().Be(JsonValueKind.Null);
        dashboard.GetProperty("couponImagesToday").GetInt32().Should().Be(0);
        dashboard.GetProperty("problems").GetArrayLength().Should().Be(0);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (int New, int Churned, long Revenue) Sales(JsonElement day) => (
        day.GetProperty("newSubscriptions").GetInt32(), day.GetProperty("churned").GetInt32(),
        day.GetProperty("newRevenue").EnumerateArray().Sum(r => r.GetProperty("amountMinor").GetInt64()));

    private static string Message(IEnumerable<JsonElement> problems, string kind) =>
        problems.First(p => p.GetProperty("kind").GetString() == kind).GetProperty("message").GetString()!;

    /// <summary>The outbox message was given up at <paramref name="at"/> with <paramref name="error"/>, as the sender records it.</summary>
    private static Task Fail(long outboxId, string error, DateTimeOffset at) =>
        TestDatabase.ExecuteAsync("UPDATE telegram_outbox SET status = 'failed', last_error = @p1, next_attempt_at = @p2 WHERE id = @p0", outboxId, error, at);
}
