using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.CrossPromo;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.CrossPromo;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Schedules;
using PromoStack.Infrastructure.Telegram;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.CrossPromo;

/// <summary>The daily sequence in the tenant's zone across DST, catch-up after downtime, winning signals once and capped, and crashes.</summary>
public sealed class CrossPromoJobsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const long Vip = -1001111111111;
    private const long Free = -1002222222222;
    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Friday 27 March 2026, 06:00 in London (GMT); British Summer Time starts on Sunday the 29th.
        _app = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["MarketData:Provider"] = "replay" }, telegram: Telegram)
        {
            Clock = new(new DateTimeOffset(2026, 3, 27, 6, 0, 0, TimeSpan.Zero)),
            ConfigureServices = services => services.AddSingleton<IMarketNews>(new OneHeadline()),
        };
        _admin = await Given.TenantAsync(_app, Identity, "user_promo_jobs", timezone: "Europe/London");
        await Given.SignalBotAsync(_admin, Telegram, Vip, Free, administersChannels: true);
    }

    public override async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task TheMorningPostAndTeaser_GoAtTheLocalTimeOnTheTenantsDays_BeforeAndAfterTheDstChange()
    {
        await EnableAsync(new { weekdays = new[] { "fri", "mon" }, teaserOffsetMinutes = 60 });

        await TickAsync(TimeSpan.FromMinutes(115));
        Posts().Should().BeEmpty("07:55 in London");
        await TickAsync(TimeSpan.FromMinutes(10));
        Posts().Should().ContainSingle().Which.Should().StartWith("☀️ <b>Good morning!</b>").And.Contain("XAU/USD now:");
        await TickAsync(TimeSpan.FromMinutes(60));
        Posts().Should().HaveCount(2).And.Contain(p => p.Contains("VIP members get every setup live"));

        // New York's 08:00 is 12:00 UTC on both Fridays and Mondays here (its summer time began on 8 March).
        var beta = await SecondTenantAsync("America/New_York");
        await TickAsync(new DateTimeOffset(2026, 3, 27, 12, 5, 0, TimeSpan.Zero) - _app.Clock.GetUtcNow());
        Posts(BetaFree).Should().ContainSingle();

        // Saturday and Sunday are not the tenants' days; London's Monday 08:00 is 07:00 UTC in summer time.
        await TickAsync(new DateTimeOffset(2026, 3, 30, 6, 55, 0, TimeSpan.Zero) - _app.Clock.GetUtcNow());
        Posts().Should().HaveCount(2);
        await TickAsync(TimeSpan.FromMinutes(10));
        Posts().Should().HaveCount(3);
        await TickAsync(new DateTimeOffset(2026, 3, 30, 12, 5, 0, TimeSpan.Zero) - _app.Clock.GetUtcNow());
        Posts(BetaFree).Should().HaveCount(2, "Friday's and Monday's posts (nothing ran while Friday's teaser fell due, three days back)");

        var london = await (await _admin.GetAsync("/api/crosspromo/jobs?type=morning_news")).JsonAsync();
        london.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("dueAt").GetDateTimeOffset())
            .Should().Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero));
        var newYork = await (await beta.GetAsync("/api/crosspromo/jobs?type=morning_news")).JsonAsync();
        newYork.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("dueAt").GetDateTimeOffset())
            .Should().Equal(new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero));
        (await (await _admin.GetAsync("/api/crosspromo/jobs?date=2026-03-27")).JsonAsync()).GetProperty("total").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task AUtcMorningTimeAlone_AsTheOriginalKeptIt_SchedulesTheMorningPostAtThatUtcTimeEachDay()
    {
        await EnableAsync(new { weekdays = new[] { "fri", "mon" } });
        await _app.Services.GetRequiredService<TenantScopes>().RunAsync("alpha", async (services, ct) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var settings = await db.CrossPromoSettings.SingleAsync(ct);
            settings.AdoptUtcMorningTime(new TimeOnly(6, 30), _app.Clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }, CancellationToken.None);
        var saved = await (await _admin.GetAsync("/api/crosspromo/settings")).JsonAsync();
        saved.GetProperty("morningPostTime").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        saved.GetProperty("morningPostTimeUtc").GetString().Should().Be("06:30");

        await TickAsync(TimeSpan.FromMinutes(25));
        MorningPosts().Should().BeEmpty("06:25 UTC");
        await TickAsync(TimeSpan.FromMinutes(10));
        MorningPosts().Should().ContainSingle();

        // Monday is in British Summer Time: the post still goes at 06:30 UTC (07:30 in London), not at 06:30 local.
        await TickAsync(new DateTimeOffset(2026, 3, 30, 5, 35, 0, TimeSpan.Zero) - _app.Clock.GetUtcNow());
        await TickAsync(new DateTimeOffset(2026, 3, 30, 6, 25, 0, TimeSpan.Zero) - _app.Clock.GetUtcNow());
        MorningPosts().Should().ContainSingle();
        await TickAsync(TimeSpan.FromMinutes(10));
        MorningPosts().Should().HaveCount(2);

        var jobs = await (await _admin.GetAsync("/api/crosspromo/jobs?type=morning_news")).JsonAsync();
        jobs.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("dueAt").GetDateTimeOffset())
            .Should().Equal(new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 27, 6, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task APostMissedWhileDown_IsSentWithinTheCatchUpWindow_AndSkippedWithItsReasonBeyondIt()
    {
        await EnableAsync(new { weekdays = new[] { "fri", "mon" }, teaserOffsetMinutes = 240, catchUpMinutes = 60 });

        // Down from 06:00 to 09:30: the 08:00 post is 90 minutes late (beyond the hour), the 12:00 teaser not due yet.
        await TickAsync(TimeSpan.FromHours(3.5));
        Posts().Should().BeEmpty();
        var skipped = (await (await _admin.GetAsync("/api/crosspromo/jobs?status=skipped")).JsonAsync()).GetProperty("items")[0];
        skipped.GetProperty("type").GetString().Should().Be("morning_news");
        skipped.GetProperty("reason").GetString().Should().Contain("catch-up window");

        // Down again until 12:40: the teaser is 40 minutes late, inside the window.
        await TickAsync(TimeSpan.FromMinutes(190));
        Posts().Should().ContainSingle().Which.Should().Contain("VIP members");
    }

    [Fact]
    public async Task ATp1Hit_CopiesTheVipPostOnceWithACta_EvenWhenTheEventIsHandledTwice_WithinTheDailyCap()
    {
        await EnableAsync(new { winningSignalsPerDay = 1 });
        var demo = await LiveSignalAsync(SignalSource.Demo);
        var first = await LiveSignalAsync();
        var second = await LiveSignalAsync();
        await HitTp1Async(demo);
        await HitTp1Async(first);
        await HitTp1Async(first);
        await HitTp1Async(second);
        await TickAsync(TimeSpan.FromSeconds(5));
        await TickAsync(TimeSpan.FromSeconds(5));

        var copies = Telegram.Calls("copyMessage");
        copies.Should().HaveCount(2, "the VIP post and its TP1 reply, once");
        copies.Should().AllSatisfy(c =>
        {
            c.Body.GetProperty("chat_id").GetInt64().Should().Be(Free);
            c.Body.GetProperty("from_chat_id").GetInt64().Should().Be(Vip);
        });
        var cta = Posts().Should().ContainSingle().Subject;
        cta.Should().Contain("first target");
        var jobs = (await (await _admin.GetAsync("/api/crosspromo/jobs?type=winning_signal")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        jobs.Should().HaveCount(2, "a demo signal is never promoted");
        jobs.Single(j => j.GetProperty("status").GetString() == "skipped").GetProperty("reason").GetString().Should().Contain("daily cap");
    }

    [Fact]
    public async Task AWinningSignalsDetail_ListsItsVipPosts_AndTheirCopiesInTheFreeChannel_WithTheCta()
    {
        await EnableAsync(new { winningSignalsPerDay = 1 });
        var id = await LiveSignalAsync();
        await HitTp1Async(id);
        await TickAsync(TimeSpan.FromSeconds(5));
        await TickAsync(TimeSpan.FromSeconds(5));

        var posts = (await (await _admin.GetAsync($"/api/forex/signals/{id}")).JsonAsync()).GetProperty("posts").EnumerateArray().ToList();

        var post = posts[0];
        post.GetProperty("step").GetString().Should().Be("opened");
        post.GetProperty("channel").GetString().Should().Be("vip");
        post.GetProperty("content").GetProperty("text").GetString().Should().Be("BUY XAU/USD 2000");
        var reply = posts.Single(p => p.GetProperty("step").GetString() == "tp1");
        reply.GetProperty("content").GetProperty("kind").GetString().Should().Be("reply");
        var free = posts.Where(p => p.GetProperty("channel").GetString() == "free").ToList();
        free.Select(p => p.GetProperty("content").GetProperty("kind").GetString()).Should().Equal("copy", "copy", "reply");
        free.Should().AllSatisfy(p => p.GetProperty("step").GetString().Should().Be("crosspromo"));
        free.Take(2).Select(p => p.GetProperty("dependsOnId").GetInt64()).Should().Equal(post.GetProperty("id").GetInt64(), reply.GetProperty("id").GetInt64());
        free.Should().AllSatisfy(p => p.GetProperty("status").GetString().Should().Be("sent"));
        var cta = free[2].GetProperty("content");
        cta.GetProperty("text").GetString().Should().Contain("first target");
        cta.GetProperty("buttons")[0][0].GetProperty("url").GetString().Should().Be("https://t.me/alpha_signal_bot?start=vip");
    }

    [Fact]
    public async Task AJobWhoseWorkerDied_IsFailed_NeverPosted()
    {
        await EnableAsync(new { weekdays = new[] { "fri" } });
        _app.Clock.Advance(TimeSpan.FromHours(2.1));
        await _app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
        var claimed = await _app.Services.GetRequiredService<WorkQueue>().ClaimAsync<int>(Queues.CrossPromoJobs, 10, TimeSpan.FromMinutes(2), CancellationToken.None);
        claimed.Should().ContainSingle("the morning post was due; this worker dies holding it");

        await TickAsync(TimeSpan.FromMinutes(5));

        Posts().Should().BeEmpty();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM crosspromo_jobs WHERE job_type = 'morning_news'")).Should().Be("failed");
    }

    [Fact]
    public async Task Preview_RendersWithoutSending_AndTheTestGoesToTheNamedChatOnly()
    {
        await EnableAsync(new { });

        var preview = await (await _admin.PostAsync("/api/crosspromo/preview", null)).JsonAsync();
        preview.GetProperty("text").GetString().Should().Contain("Good morning").And.Contain("📰 Gold steadies as the Fed &lt;meets&gt;");
        await (await _admin.PostAsJsonAsync("/api/crosspromo/test", new { chatId = Free })).ShouldHaveFieldErrorAsync("chatId");
        await (await _admin.PostAsJsonAsync("/api/crosspromo/test", new { chatId = 0 })).ShouldHaveFieldErrorAsync("chatId");
        (await _admin.PostAsJsonAsync("/api/crosspromo/test", new { chatId = 555 })).EnsureSuccessStatusCode();
        await TickAsync(TimeSpan.FromSeconds(5));

        Telegram.Calls("sendMessage").Should().ContainSingle().Which.Body.GetProperty("chat_id").GetInt64().Should().Be(555);
        await (await _admin.GetAsync("/api/crosspromo/jobs?type=weekly")).ShouldHaveFieldErrorAsync("type");
        await (await _admin.GetAsync("/api/crosspromo/jobs?page=0")).ShouldHaveFieldErrorAsync("page");

        var beta = await Given.TenantAsync(_app, Identity, "user_promo_jobs_beta", "beta");
        (await (await beta.GetAsync("/api/crosspromo/jobs")).JsonAsync()).GetProperty("total").GetInt32().Should().Be(0);
        (await beta.PostAsJsonAsync("/api/crosspromo/test", new { chatId = 555 })).StatusCode.Should().Be(HttpStatusCode.Conflict, "beta has no bot");
    }

    private async Task EnableAsync(object extra)
    {
        var settings = new Dictionary<string, object?> { ["enabled"] = true, ["morningPostTime"] = "08:00", ["ctaUrl"] = "https://t.me/alpha_signal_bot?start=vip" };
        foreach (var property in extra.GetType().GetProperties())
        {
            settings[property.Name] = property.GetValue(extra);
        }

        (await _admin.PutAsJsonAsync("/api/crosspromo/settings", settings)).EnsureSuccessStatusCode();
    }

    private const long BetaFree = -1004444444444;

    private List<string> MorningPosts() => [.. Posts().Where(p => p.StartsWith("☀️ <b>Good morning!</b>", StringComparison.Ordinal))];

    private List<string> Posts(long channel = Free) =>
        [.. Telegram.Calls("sendMessage").Where(c => c.Body.GetProperty("chat_id").GetInt64() == channel).Select(c => c.Body.GetProperty("text").GetString()!)];

    /// <summary>Another tenant, in another zone, with its own signal bot and the same daily settings.</summary>
    private async Task<HttpClient> SecondTenantAsync(string timezone)
    {
        var beta = await Given.TenantAsync(_app, Identity, "user_promo_second", "beta", timezone: timezone);
        await Given.SignalBotAsync(
            beta, Telegram, -1003333333333, BetaFree, administersChannels: true, token: "444444444:AAH-beta-signal-token-secret-abcdefg", botId: 444444444, username: "beta_signal_bot");
        (await beta.PutAsJsonAsync("/api/crosspromo/settings", new
        {
            enabled = true, morningPostTime = "08:00", ctaUrl = "https://t.me/beta_signal_bot?start=vip", weekdays = new[] { "fri", "mon" }, teaserOffsetMinutes = 60,
        })).EnsureSuccessStatusCode();
        return beta;
    }

    private async Task TickAsync(TimeSpan by)
    {
        _app.Clock.Advance(by);
        await _app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await _app.Services.GetRequiredService<DomainEventDispatcher>().RunOnceAsync(CancellationToken.None);
            await _app.Services.GetRequiredService<CrossPromoWorker>().RunOnceAsync(CancellationToken.None);
            _app.Clock.Advance(TimeSpan.FromSeconds(2));
            await _app.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
        }
    }

    private async Task<int> LiveSignalAsync(SignalSource source = SignalSource.Live)
    {
        var id = 0;
        await _app.Services.GetRequiredService<TenantScopes>().RunAsync("alpha", async (services, ct) =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var signal = ForexSignal.Open("alpha", SignalDirection.Buy, "15min", new SignalLevels(2000m, 1990m, 2010m, 2020m, 2030m), "{}", _app.Clock.GetUtcNow(),
                new SignalOrigin(Instrument.XauUsd, "aggressive", source, ExitPlan.Default));
            db.ForexSignals.Add(signal);
            var post = await services.GetRequiredService<ITelegramOutbox>().EnqueueAsync(new SendText(Vip, "BUY XAU/USD 2000"),
                new OutboxOptions(BotRole.SignalBot, $"test-post:{Guid.NewGuid():N}", "signal", OutboxPriority.Notification, DeliverySemantics.AtLeastOnce), ct);
            await db.SaveChangesAsync(ct);
            signal.RecordTelegramPost(post.Id);
            await db.SaveChangesAsync(ct);
            await services.GetRequiredService<ITelegramOutbox>().EnqueueAsync(new SendText(Vip, "✅ TP1 hit", ReplyToOutboxId: post.Id),
                new OutboxOptions(BotRole.SignalBot, $"signal:{signal.Id}:tp1:reply", "signal", OutboxPriority.Notification, DeliverySemantics.AtLeastOnce), ct);
            await db.SaveChangesAsync(ct);
            id = signal.Id;
        }, CancellationToken.None);
        return id;
    }

    private async Task HitTp1Async(int signalId) =>
        await _app.Services.GetRequiredService<TenantScopes>().RunAsync("alpha", async (services, ct) =>
        {
            foreach (var handler in services.GetServices<IDomainEventHandler<SignalTargetHit>>())
            {
                await handler.HandleAsync(new SignalTargetHit("alpha", signalId, 1), ct);
            }
        }, CancellationToken.None);

    private sealed class OneHeadline : IMarketNews
    {
        public Task<IReadOnlyList<string>> HeadlinesAsync(Instrument instrument, int count, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(["Gold steadies as the Fed <meets>"]);
    }
}
