using System.Net;
using System.Net.Http.Json;
using PromoStack.Infrastructure.Broadcasts;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Broadcasts;

/// <summary>Broadcasts through the API and the real workers: audiences, progress, resume after a crash, cancellation, priorities.</summary>
public sealed class BroadcastTests(AppFixture fixture, ClassApp app) : BotTestBase(fixture, app)
{
    [Fact]
    public async Task ABroadcastReachesItsAudience_Once_SkippingBlockedAndUnsubscribedUsers_AndReportsProgress()
    {
        await SayAsync("/start", fromId: 101);
        await SayAsync("/start", fromId: 102);
        await SayAsync("/start", fromId: 103);
        await SayAsync("/stop", fromId: 103);
        await SayAsync("/start", fromId: 104);
        Telegram.FailsOnce(Given.MessageBotToken, "sendMessage", 403, "Forbidden: bot was blocked by the user");
        await SayAsync("hello", fromId: 104);
        var before = Telegram.Calls("sendMessage").Count;

        var created = await (await Admin.PostAsJsonAsync("/api/broadcasts", new
        {
            message = "<b>New signals</b> today", buttons = new[] { new { text = "Open", url = "https://example.com" } },
        })).JsonAsync(HttpStatusCode.Created);
        created.GetProperty("status").GetString().Should().Be("pending");
        await DrainAsync();

        var sent = Telegram.Calls("sendMessage").Skip(before).ToList();
        sent.Select(c => c.Body.GetProperty("chat_id").GetInt64()).Should().BeEquivalentTo([101L, 102L]);
        sent[0].Body.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("url").GetString().Should().Be("https://example.com");
        var broadcast = await (await Admin.GetAsync($"/api/broadcasts/{created.GetProperty("id").GetInt32()}")).JsonAsync();
        broadcast.GetProperty("status").GetString().Should().Be("completed");
        broadcast.GetProperty("progress").GetProperty("recipients").GetInt32().Should().Be(2);
        broadcast.GetProperty("progress").GetProperty("sent").GetInt32().Should().Be(2);
        broadcast.GetProperty("progress").GetProperty("pending").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task AVipBroadcast_GoesToActiveSubscribersOnly_AndAFreeLeadsOne_ToThoseWhoNeverPaid()
    {
        await SayAsync("/start", fromId: 201);
        await SayAsync("/start", fromId: 202);
        (await Admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "lifetime", telegramUserId = 201 })).EnsureSuccessStatusCode();
        await DrainAsync();
        var before = Telegram.Calls("sendMessage").Count;

        (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "VIP only", audience = "vip" })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "Free only", audience = "free_leads" })).EnsureSuccessStatusCode();
        await DrainAsync();

        var sent = Telegram.Calls("sendMessage").Skip(before).Select(c => (c.Body.GetProperty("chat_id").GetInt64(), c.Body.GetProperty("text").GetString())).ToList();
        sent.Should().BeEquivalentTo([(201L, "VIP only"), (202L, "Free only")]);
    }

    [Fact]
    public async Task AfterAWorkerCrashedMidBroadcast_TheNextOneResumes_AndNobodyGetsItTwice()
    {
        for (var chat = 300; chat < 330; chat++)
        {
            await SayAsync("/start", fromId: chat);
        }

        var before = Telegram.Calls("sendMessage").Count;
        var id = (await (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "Once" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        // A worker claims the broadcast, fixes its recipients, then dies holding it.
        var claimed = await App.Services.GetRequiredService<WorkQueue>().ClaimAsync<int>(Queues.BroadcastJobs, 1, TimeSpan.FromMinutes(2), CancellationToken.None);
        claimed.Should().ContainSingle();
        await App.Services.GetRequiredService<BroadcastWorker>().RunOnceAsync(CancellationToken.None);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM broadcast_deliveries")).Should().Be(0, "the dead worker still holds the lease");
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        await DrainAsync();
        await DrainAsync();

        Telegram.Calls("sendMessage").Skip(before).Select(c => c.Body.GetProperty("chat_id").GetInt64()).Should().OnlyHaveUniqueItems().And.HaveCount(30);
        (await (await Admin.GetAsync($"/api/broadcasts/{id}")).JsonAsync()).GetProperty("progress").GetProperty("sent").GetInt32().Should().Be(30);
    }

    [Fact]
    public async Task ARecipientWhoseMessageMayHaveGoneOutWhenTheSenderDied_IsSkipped_NeverMessagedTwice()
    {
        await SayAsync("/start", fromId: 501);
        await SayAsync("/start", fromId: 502);
        var id = (await (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "Once only" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await App.Services.GetRequiredService<BroadcastWorker>().RunOnceAsync(CancellationToken.None);
        App.Clock.Advance(BroadcastWorker.SliceInterval);
        await App.Services.GetRequiredService<BroadcastWorker>().RunOnceAsync(CancellationToken.None);

        // A sender takes both messages and dies in the middle of the call for 501.
        (await App.Services.GetRequiredService<WorkQueue>().ClaimAsync<long>(Queues.TelegramOutbox, 10, TimeSpan.FromMinutes(1), CancellationToken.None))
            .Should().HaveCount(2);
        await TestDatabase.ExecuteAsync("UPDATE telegram_outbox SET send_started_at = now() WHERE dedupe_key = @p0", $"broadcast:{id}:501");
        var before = Telegram.Calls("sendMessage").Count;
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await DrainAsync();

        Telegram.Calls("sendMessage").Skip(before).Select(c => c.Body.GetProperty("chat_id").GetInt64()).Should().Equal(502);
        var progress = (await (await Admin.GetAsync($"/api/broadcasts/{id}")).JsonAsync()).GetProperty("progress");
        progress.GetProperty("sent").GetInt32().Should().Be(1);
        progress.GetProperty("skipped").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Cancelling_StopsTheRest_AndAReplyOvertakesTheBroadcast()
    {
        for (var chat = 400; chat < 440; chat++)
        {
            await SayAsync("/start", fromId: chat);
        }

        var before = Telegram.Calls("sendMessage").Count;
        var id = (await (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "Big news" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await App.Services.GetRequiredService<BroadcastWorker>().RunOnceAsync(CancellationToken.None);
        App.Clock.Advance(BroadcastWorker.SliceInterval);
        await App.Services.GetRequiredService<BroadcastWorker>().RunOnceAsync(CancellationToken.None);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_outbox WHERE kind = 'broadcast' AND status = 'pending'")).Should().Be(40);

        // A user writes while 40 broadcast messages wait: the reply goes in the first batch.
        await DeliverOnlyAsync("/help", 999);
        App.Clock.Advance(TimeSpan.FromSeconds(2));
        await App.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
        Telegram.Calls("sendMessage").Skip(before).First().Body.GetProperty("chat_id").GetInt64().Should().Be(999);

        var cancelled = await (await Admin.PostAsync($"/api/broadcasts/{id}/cancel", null)).JsonAsync();
        cancelled.GetProperty("status").GetString().Should().Be("cancelled");
        var sentBefore = Telegram.Calls("sendMessage").Count;
        await DrainAsync();
        Telegram.Calls("sendMessage").Count.Should().Be(sentBefore, "nothing more goes out after the cancellation");
        var progress = (await (await Admin.GetAsync($"/api/broadcasts/{id}")).JsonAsync()).GetProperty("progress");
        (progress.GetProperty("sent").GetInt32() + progress.GetProperty("skipped").GetInt32()).Should().Be(40);
        progress.GetProperty("skipped").GetInt32().Should().BeGreaterThan(0);
        await (await Admin.PostAsync($"/api/broadcasts/{id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task BadInput_Is400_MembersCannotSend_AndAnotherTenantSeesNothing()
    {
        await (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "" })).ShouldHaveFieldErrorAsync("message");
        await (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "<b>unclosed" })).ShouldHaveFieldErrorAsync("message");
        await (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = new string('x', 2000), photo = "https://cdn.example.com/a.png" })).ShouldHaveFieldErrorAsync("message");
        await (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "Hi", buttons = new[] { new { text = "Go", url = "javascript:x" } } })).ShouldHaveFieldErrorAsync("buttons[0].url");
        (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "Hi", audience = "everyone" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await (await Admin.GetAsync("/api/broadcasts/987654")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var id = (await (await Admin.PostAsJsonAsync("/api/broadcasts", new { message = "Hi" })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var member = await Given.MemberAsync(App, Identity, Admin, "user_bc_member");
        (await member.GetAsync($"/api/broadcasts/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.PostAsJsonAsync("/api/broadcasts", new { message = "Hi" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var beta = await Given.TenantAsync(App, Identity, "user_bc_beta", "beta");
        (await (await beta.GetAsync("/api/broadcasts")).JsonAsync()).GetArrayLength().Should().Be(0);
        await (await beta.GetAsync($"/api/broadcasts/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.PostAsync($"/api/broadcasts/{id}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.PostAsJsonAsync("/api/broadcasts", new { message = "Hi" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}
