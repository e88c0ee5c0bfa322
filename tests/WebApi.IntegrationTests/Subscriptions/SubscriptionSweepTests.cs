using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Schedules;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

/// <summary>The sweep for webhooks that never came, on the schedule, with a fake clock and a fake Bot API.</summary>
public sealed class SubscriptionSweepTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private PromoStackFactory _app = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = new PromoStackFactory(Identity, telegram: Telegram) { Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start) };
        var admin = await Given.TenantAsync(_app, Identity, "user_sweep_admin");
        await Given.MessageBotAsync(admin, Telegram, "alpha_message_bot");
    }

    public override async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ACheckoutWhoseSessionWasNeverMade_ExpiresAfterADay_AndOneWithASessionWaitsForStripe()
    {
        var unstarted = 0;
        var started = 0;
        await InTenantAsync("alpha", async services =>
        {
            unstarted = await StripeWebhooks.SeedPendingCheckoutAsync(services, "alpha", PlanType.Lifetime, Start);
            started = await StripeWebhooks.SeedPendingCheckoutAsync(services, "alpha", PlanType.Lifetime, Start);
            var db = services.GetRequiredService<AppDbContext>();
            (await db.TelegramSubscriptions.SingleAsync(s => s.Id == started)).RecordCheckoutSession("cs_started");
            await db.SaveChangesAsync();
        });

        await TickAsync(TimeSpan.FromHours(23));
        (await TestDatabase.ScalarAsync<string>($"SELECT status FROM telegram_subscriptions WHERE id = {unstarted}")).Should().Be("pending");
        await TickAsync(TimeSpan.FromHours(1.5));

        (await TestDatabase.ScalarAsync<string>($"SELECT status FROM telegram_subscriptions WHERE id = {unstarted}")).Should().Be("expired");
        (await TestDatabase.ScalarAsync<string>($"SELECT status FROM telegram_subscriptions WHERE id = {started}")).Should().Be("pending", "Stripe's own expiry event settles it");
    }

    [Fact]
    public async Task ARenewalNeverSeen_KeepsAccessThroughTheGracePeriod_ThenExpires()
    {
        await AddAsync("renewing@example.com", PlanType.Monthly, Start.AddDays(1), renews: true);

        await TickAsync(TimeSpan.FromDays(1));
        (await Row()).Should().Be("active past-due");
        await TickAsync(TimeSpan.FromDays(3).Subtract(TimeSpan.FromMinutes(20)));
        (await Row()).Should().Be("active past-due", "a late renewal webhook must not cost a paying subscriber access");

        await TickAsync(TimeSpan.FromMinutes(20));

        (await Row()).Should().Be("expired past-due");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM domain_events WHERE event_type LIKE '%SubscriptionExpired%'")).Should().Be(1);
    }

    [Fact]
    public async Task AFixedTerm_GetsOneReminderThreeDaysBefore_ThenExpiresAtItsEnd()
    {
        await AddAsync("granted@example.com", PlanType.Annual, Start.AddDays(4), renews: false, telegramUserId: 77);

        await TickAsync(TimeSpan.FromHours(23));
        Telegram.Calls("sendMessage").Should().BeEmpty("four days before is not yet three");
        await TickAsync(TimeSpan.FromHours(1));
        await TickAsync(TimeSpan.FromHours(1));

        var reminder = Telegram.Calls("sendMessage").Should().ContainSingle().Subject.Body;
        reminder.GetProperty("chat_id").GetInt64().Should().Be(77);
        reminder.GetProperty("text").GetString().Should().Contain("6 Mar 2026");
        await TickAsync(TimeSpan.FromDays(3));
        (await Row()).Should().Be("expired on-time");
    }

    [Fact]
    public async Task ACancellationAtThePeriodEnd_TakesEffectThen()
    {
        await AddAsync("leaving@example.com", PlanType.Monthly, Start.AddDays(1), renews: true, cancelAtPeriodEnd: true);

        await TickAsync(TimeSpan.FromHours(23));
        (await Row()).Should().Be("active on-time");
        await TickAsync(TimeSpan.FromHours(1));

        (await Row()).Should().Be("cancelled on-time");
    }

    private Task<string> Row() =>
        TestDatabase.ScalarAsync<string>("SELECT status || CASE WHEN past_due_since IS NULL THEN ' on-time' ELSE ' past-due' END FROM telegram_subscriptions");

    private async Task TickAsync(TimeSpan advance)
    {
        _app.Clock.Advance(advance);
        await _app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
        await ActivatorUtilities.CreateInstance<TelegramSenderWorker>(_app.Services, new BotRateLimiter()).RunOnceAsync(CancellationToken.None);
    }

    private async Task AddAsync(string email, PlanType plan, DateTimeOffset end, bool renews, long? telegramUserId = null, bool cancelAtPeriodEnd = false)
    {
        await InTenantAsync("alpha", async services =>
        {
            var subscription = Given.ActiveSubscription("alpha", email, plan, Start, end, telegramUserId, renews);
            if (cancelAtPeriodEnd)
            {
                subscription.SetCancelAtPeriodEnd(true, Start);
            }

            var db = services.GetRequiredService<AppDbContext>();
            db.TelegramSubscriptions.Add(subscription);
            await db.SaveChangesAsync();
        });
    }
}
