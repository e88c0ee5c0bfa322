using System.Net.Http.Json;
using Mediator;
using PromoStack.Application.Journeys;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Journeys;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Journeys;

/// <summary>Event triggers, and timers under crashes and races: a session advances once and its message is queued once.</summary>
public sealed class JourneyEngineTests(AppFixture fixture, ClassApp app) : BotTestBase(fixture, app)
{
    private static readonly object[] DelayThenB = [Step("message", new { text = "A" }), Step("delay", new { seconds = 60 }), Step("message", new { text = "B" })];

    [Fact]
    public async Task APayment_StartsTheEventJourney_ForAReachableUser_AndRecordsWhyOthersAreSkipped()
    {
        var journey = await JourneyAsync([Step("message", new { text = "Thanks for joining VIP, {first_name}!" })],
            [new { type = "event", config = new { @event = "payment_succeeded" } }]);
        await SayAsync("/start");

        (await Admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "ana@example.com", plan = "monthly", telegramUserId = 4242 })).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "ghost@example.com", plan = "monthly", telegramUserId = 9999 })).EnsureSuccessStatusCode();
        await DrainAsync();

        SentTo(4242).Should().Contain("Thanks for joining VIP, Ana!");
        SentTo(9999).Should().BeEmpty();
        (await TestDatabase.ScalarAsync<string>("SELECT reason FROM journey_skips WHERE telegram_user_id = 9999")).Should().Contain("never started the bot");
        var analytics = await (await Admin.GetAsync($"/api/journeys/{journey}/analytics")).JsonAsync();
        analytics.GetProperty("completed").GetInt32().Should().Be(1);
        analytics.GetProperty("skipped").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task AWorkerThatCrashedAfterAdvancingTheSession_LeavesItToTheNextOne_WhichChangesNothing()
    {
        var journey = await JourneyAsync(DelayThenB, [DeepLink("crash")]);
        await SayAsync("/start crash");
        App.Clock.Advance(TimeSpan.FromSeconds(61));

        // A worker claims the timer and commits its work, then dies before marking the row done.
        var claimed = await App.Services.GetRequiredService<WorkQueue>().ClaimAsync<Guid>(Queues.JourneyScheduledMessages, 10, TimeSpan.FromMinutes(2), CancellationToken.None);
        claimed.Should().ContainSingle();
        await App.Services.GetRequiredService<TenantScopes>().RunAsync("alpha", async (services, ct) =>
            await services.GetRequiredService<ISender>().Send(new RunJourneyTimer(claimed[0].Id), ct), CancellationToken.None);

        (await LaterAsync(TimeSpan.FromMinutes(3))).Should().Equal("B");
        (await LaterAsync(TimeSpan.FromMinutes(3))).Should().BeEmpty();

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_outbox WHERE kind = 'journey'")).Should().Be(2, "A and B, once each");
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM journey_scheduled_messages")).Should().Be("sent", "the next worker re-ran it and found nothing to do");
        (await SessionAsync(journey)).GetProperty("status").GetString().Should().Be("completed");
    }

    [Fact]
    public async Task TwoWorkersRacingOverDueTimers_AdvanceEachSessionOnce()
    {
        await JourneyAsync(DelayThenB, [DeepLink("race")]);
        for (var chat = 3000; chat < 3030; chat++)
        {
            await SayAsync("/start race", fromId: chat);
        }

        App.Clock.Advance(TimeSpan.FromSeconds(61));
        var second = ActivatorUtilities.CreateInstance<JourneyTimerWorker>(App.Services);
        var first = App.Services.GetRequiredService<JourneyTimerWorker>();
        await Task.WhenAll(
            Task.Run(async () => { while (await first.RunOnceAsync(CancellationToken.None) > 0) { } }),
            Task.Run(async () => { while (await second.RunOnceAsync(CancellationToken.None) > 0) { } }));
        await DrainAsync();

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_outbox WHERE kind = 'journey'")).Should().Be(60);
        (await TestDatabase.ScalarAsync<long>("SELECT count(DISTINCT chat_id) FROM telegram_outbox WHERE kind = 'journey' AND payload->>'text' = 'B'")).Should().Be(30);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM journey_user_sessions WHERE status = 'completed'")).Should().Be(30);
    }

    [Fact]
    public async Task AReplyRacingItsTimeout_MovesTheSessionOnOnce()
    {
        await JourneyAsync(
            [Step("message", new { text = "A" }), Step("wait_for_reply", new { timeout_seconds = 60, timeout_action = "continue" }), Step("message", new { text = "B" })],
            [DeepLink("tie")]);
        await SayAsync("/start tie");
        App.Clock.Advance(TimeSpan.FromSeconds(61));

        await Task.WhenAll(
            Task.Run(() => SayAsync("here I am")),
            Task.Run(async () => { while (await App.Services.GetRequiredService<JourneyTimerWorker>().RunOnceAsync(CancellationToken.None) > 0) { } }));
        await LaterAsync(TimeSpan.FromMinutes(10));

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_outbox WHERE kind = 'journey' AND payload->>'text' = 'B'")).Should().Be(1);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM journey_user_sessions")).Should().Be("completed");
    }

    [Fact]
    public async Task AUserWhoBlockedTheBot_FailsTheSession_WhenItsNextMessageIsRefused()
    {
        var journey = await JourneyAsync([.. DelayThenB, Step("question", new { text = "C?", answer_key = "c" })], [DeepLink("blocked")]);
        await SayAsync("/start blocked");
        Telegram.Fail(Given.MessageBotToken, "sendMessage", 403, "Forbidden: bot was blocked by the user");

        await LaterAsync(TimeSpan.FromMinutes(2));

        var session = await SessionAsync(journey);
        session.GetProperty("status").GetString().Should().Be("failed");
        session.GetProperty("endReason").GetString().Should().StartWith("delivery_failed");
    }

    [Fact]
    public async Task ATimerThatKeepsFailing_IsRetriedWithBackoff_ThenFailsItsSession()
    {
        var journey = await JourneyAsync(DelayThenB, [DeepLink("doomed")]);
        await SayAsync("/start doomed");
        (await Admin.DeleteAsync("/api/connections/message_bot")).EnsureSuccessStatusCode();

        await LaterAsync(TimeSpan.FromMinutes(2));
        (await TestDatabase.ScalarAsync<int>("SELECT attempts FROM journey_scheduled_messages")).Should().Be(1);
        (await SessionAsync(journey)).GetProperty("status").GetString().Should().Be("waiting_delay", "a failed attempt is retried");
        for (var i = 0; i < 10; i++)
        {
            await LaterAsync(TimeSpan.FromHours(1));
        }

        (await TestDatabase.ScalarAsync<string>("SELECT status FROM journey_scheduled_messages")).Should().Be("failed");
        var session = await SessionAsync(journey);
        session.GetProperty("status").GetString().Should().Be("failed");
        session.GetProperty("endReason").GetString().Should().StartWith("failed: ");
    }
}
