using System.Net;
using System.Text.Json;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Stripe;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Home;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Platform;

/// <summary><c>GET /api/platform/tenants/health</c>: every tenant with its health, for platform operators only.</summary>
public sealed class PlatformHealthTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task EachTenant_ComesWithItsOwnHealth()
    {
        var alpha = await NewTenantAsync("alpha");
        await NewTenantAsync("beta");
        var now = Factory.Clock.GetUtcNow();
        await Given.SignalBotAsync(alpha.Client, Telegram, DashboardData.Channel);
        await InTenantAsync("alpha", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var stripe = TenantStripeSettings.Create("alpha", now);
            stripe.SetSecrets(services.GetRequiredService<ISecretProtector>().Protect("stripe.secret-key", "sk_test_abcdefgh12345678"), null, now);
            db.StripeSettings.Add(stripe);
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "one@example.com", PlanType.Monthly, now, now.AddDays(30)));
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("alpha", "two@example.com", PlanType.Lifetime, now));
            var failed = await DashboardData.OutboxAsync(db, "alpha", DashboardData.Channel, now.AddHours(-2), "failed");
            var blocked = await DashboardData.OutboxAsync(db, "alpha", 4242, now.AddHours(-2), "blocked");
            var old = await DashboardData.OutboxAsync(db, "alpha", 4243, now.AddDays(-3), "old");
            await DashboardData.OutboxAsync(db, "alpha", 4244, now.AddMinutes(-10), "waiting");
            var later = await DashboardData.OutboxAsync(db, "alpha", 4245, now, "later");
            await TestDatabase.ExecuteAsync("UPDATE telegram_outbox SET next_attempt_at = @p1 WHERE id = @p0", later, now.AddHours(1));
            await FailAsync(failed, "400: Bad Request: not enough rights", now.AddHours(-1));
            await FailAsync(blocked, "Forbidden: bot was blocked by the user", now.AddHours(-1));
            await FailAsync(old, "400: Bad Request: message is too long", now.AddDays(-2));
        });
        await InTenantAsync("beta", async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.BotConnections.Add(TenantBotConnection.ConnectSandbox("beta", BotRole.MessageBot, BotChannels.None, now));
            db.TelegramSubscriptions.Add(Given.ActiveSubscription("beta", "three@example.com", PlanType.Annual, now, now.AddDays(365)));
            await db.SaveChangesAsync();
        });
        await TestDatabase.ExecuteAsync(
            "INSERT INTO telegram_updates (tenant_id, bot_telegram_id, update_id, chat_id, kind, payload, status, received_at, attempts, next_attempt_at, last_error) VALUES " +
            "('alpha', @p0, 1, 4242, 'message', '{}'::jsonb, 'failed', @p1, 5, @p1, 'boom'), ('alpha', @p0, 2, 4242, 'message', '{}'::jsonb, 'failed', @p2, 5, @p2, 'old'), " +
            "('beta', @p0, 3, 4242, 'message', '{}'::jsonb, 'processed', @p3, 1, @p3, NULL)",
            Given.MessageBotId, now.AddMinutes(-30), now.AddDays(-3), now.AddMinutes(-5));
        var ops = await OperatorAsync();

        var tenants = (await (await ops.GetAsync("/api/platform/tenants/health")).JsonAsync()).EnumerateArray().ToList();

        tenants.Select(t => t.GetProperty("id").GetString()).Should().Equal("alpha", "beta");
        var a = tenants[0];
        a.GetProperty("name").GetString().Should().NotBeNullOrEmpty();
        a.GetProperty("bots").EnumerateArray().Select(Bot).Should().Equal("signal_bot:alpha_signal_bot:False");
        a.GetProperty("outboxFailedLast24h").GetInt32().Should().Be(1, "neither the message to a user who blocked the bot nor the one given up 2 days ago");
        a.GetProperty("inboxFailedLast24h").GetInt32().Should().Be(1);
        a.GetProperty("oldestPendingOutboxAgeSeconds").GetInt64().Should().BeInRange(599, 600, "the message due 10 minutes ago waits; the one due in an hour is not due");
        a.GetProperty("activeSubscriptions").GetInt32().Should().Be(2);
        a.GetProperty("stripeConfigured").GetBoolean().Should().BeTrue();
        a.GetProperty("lastActivityAt").GetDateTimeOffset().Should().BeCloseTo(now, TimeSpan.FromMilliseconds(1), "the latest message was queued now");
        var b = tenants[1];
        b.GetProperty("bots").EnumerateArray().Select(Bot).Should().Equal("message_bot:beta_message_bot_sandbox:True");
        b.GetProperty("outboxFailedLast24h").GetInt32().Should().Be(0);
        b.GetProperty("inboxFailedLast24h").GetInt32().Should().Be(0);
        b.GetProperty("oldestPendingOutboxAgeSeconds").ValueKind.Should().Be(JsonValueKind.Null);
        b.GetProperty("activeSubscriptions").GetInt32().Should().Be(1);
        b.GetProperty("stripeConfigured").GetBoolean().Should().BeFalse();
        b.GetProperty("lastActivityAt").GetDateTimeOffset().Should().BeCloseTo(now.AddMinutes(-5), TimeSpan.FromMilliseconds(1), "the update received 5 minutes ago");
    }

    [Fact]
    public async Task ATenantWithoutActivity_HasNoLastActivity()
    {
        await NewTenantAsync("alpha");
        var ops = await OperatorAsync();

        var alpha = (await (await ops.GetAsync("/api/platform/tenants/health")).JsonAsync()).EnumerateArray().Single();

        alpha.GetProperty("bots").GetArrayLength().Should().Be(0);
        alpha.GetProperty("lastActivityAt").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task ATenantAdmin_Gets403_AndAnonymous401()
    {
        var admin = await NewTenantAsync("alpha");

        await (await admin.Client.GetAsync("/api/platform/tenants/health")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Anonymous().GetAsync("/api/platform/tenants/health")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpClient> OperatorAsync()
    {
        await TestDatabase.ExecuteAsync("INSERT INTO platform_operators (clerk_user_id, created_at) VALUES ('user_ops', now())");
        return NewUser("user_ops").Client;
    }

    private static string Bot(JsonElement bot) =>
        $"{bot.GetProperty("role").GetString()}:{bot.GetProperty("username").GetString()}:{bot.GetProperty("isSandbox").GetBoolean()}";

    private static Task FailAsync(long outboxId, string error, DateTimeOffset at) =>
        TestDatabase.ExecuteAsync("UPDATE telegram_outbox SET status = 'failed', last_error = @p1, next_attempt_at = @p2 WHERE id = @p0", outboxId, error, at);
}
