using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Journeys;

/// <summary>Whole conversations over the webhook: deep link, messages, questions, delays, reply waits, branches, re-entry, keywords.</summary>
public sealed class JourneyFlowTests(AppFixture fixture, ClassApp app) : BotTestBase(fixture, app)
{
    private static readonly object[] Funnel =
    [
        Step("message", new { text = "Welcome <b>{first_name}</b>!" }),
        Step("question", new { text = "What is your email?", answer_key = "email", validation = "email", retry_prompt = "That is not an email.", max_retries = 2 }),
        Step("delay", new { seconds = 3600 }),
        Step("message", new { text = "Reply YES to get the offer." }),
        Step("wait_for_reply", new
        {
            timeout_seconds = 7200, timeout_action = "continue", timeout_message = "No reply, here is a reminder.",
            branches = new[] { new { keyword = "yes", step = "offer" } },
        }),
        Step("message", new { text = "No worries." }),
        Step("message", new { name = "offer", text = "Your offer goes to {answer:email}." }),
    ];

    [Fact]
    public async Task DeepLink_Message_Question_Delay_WaitTimeout_ThenOn_CompletesWithTheAnswers()
    {
        var journey = await JourneyAsync(Funnel, [DeepLink("promo_1")]);

        (await SayAsync("/start promo_1")).Should().Equal("Welcome <b>Ana</b>!", "What is your email?");
        (await SayAsync("not an email")).Should().Equal("That is not an email.");
        (await SayAsync("Ana@Example.com")).Should().BeEmpty("a delay follows");
        (await SessionAsync(journey)).GetProperty("status").GetString().Should().Be("waiting_delay");

        (await LaterAsync(TimeSpan.FromMinutes(59))).Should().BeEmpty("the delay is an hour");
        (await LaterAsync(TimeSpan.FromMinutes(2))).Should().Equal("Reply YES to get the offer.");
        (await LaterAsync(TimeSpan.FromHours(2))).Should().Equal("No reply, here is a reminder.", "No worries.", "Your offer goes to ana@example.com.");

        var session = await SessionAsync(journey);
        session.GetProperty("status").GetString().Should().Be("completed");
        session.GetProperty("answers").GetProperty("email").GetString().Should().Be("ana@example.com");
        session.GetProperty("completedAt").ValueKind.Should().NotBe(System.Text.Json.JsonValueKind.Null);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM journey_scheduled_messages WHERE status = 'pending'")).Should().Be(0);
    }

    [Fact]
    public async Task AKeywordReply_BranchesToItsStep_AndTheTimeoutNeverFires()
    {
        var journey = await JourneyAsync(Funnel, [DeepLink("promo_1")]);
        await SayAsync("/start promo_1");
        await SayAsync("ana@example.com");
        await LaterAsync(TimeSpan.FromHours(1.1));

        (await SayAsync("yes please!")).Should().Equal("Your offer goes to ana@example.com.");
        (await LaterAsync(TimeSpan.FromHours(3))).Should().BeEmpty("the reply wait's timer was cancelled");
        (await SessionAsync(journey)).GetProperty("status").GetString().Should().Be("completed");
    }

    [Fact]
    public async Task TooManyInvalidAnswers_EndTheSession_AndAChoiceIsAnsweredByItsButton()
    {
        var journey = await JourneyAsync(
        [
            Step("question", new { text = "Pick a market", answer_key = "market", validation = "choice", options = new[] { "Gold", "Forex" }, max_retries = 1 }),
            Step("message", new { text = "You picked {answer:market}." }),
        ], [DeepLink("pick")]);

        await SayAsync("/start pick");
        var buttons = Telegram.Calls("sendMessage").Last().Body.GetProperty("reply_markup").GetProperty("inline_keyboard");
        buttons[1][0].GetProperty("text").GetString().Should().Be("Forex");
        (await PressAsync(buttons[1][0].GetProperty("callback_data").GetString()!)).Should().Equal("You picked Forex.");
        (await PressAsync(buttons[0][0].GetProperty("callback_data").GetString()!)).Should().BeEmpty("the question was answered already");

        (await SayAsync("/start pick", fromId: 5151)).Should().ContainSingle();
        (await SayAsync("crypto", fromId: 5151)).Should().Equal("Please choose one of the options.");
        (await SayAsync("stocks", fromId: 5151)).Should().BeEmpty();
        var ended = (await (await Admin.GetAsync($"/api/journeys/{journey}/sessions?status=ended")).JsonAsync()).GetProperty("items")[0];
        ended.GetProperty("endReason").GetString().Should().Be("invalid_answer");
        ended.GetProperty("telegramChatId").GetInt64().Should().Be(5151);
    }

    [Fact]
    public async Task ReentryBlock_KeepsTheRunningSession_ReentryRestart_EndsItAndStartsAgain()
    {
        object[] steps = [Step("message", new { text = "Hi" }), Step("wait_for_reply", new { timeout_seconds = 600, timeout_action = "end" })];
        var blocking = await JourneyAsync(steps, [DeepLink("block_me")]);
        var restarting = await JourneyAsync(steps, [DeepLink("restart_me")], reentry: "restart");

        (await SayAsync("/start block_me")).Should().Equal("Hi");
        (await SayAsync("/start block_me")).Should().BeEmpty("a running session blocks re-entry");
        (await SayAsync("/start restart_me")).Should().Equal("Hi");
        (await SayAsync("/start restart_me")).Should().Equal("Hi");

        var blocked = await (await Admin.GetAsync($"/api/journeys/{blocking}/sessions")).JsonAsync();
        blocked.GetProperty("total").GetInt32().Should().Be(1);
        var restarted = await (await Admin.GetAsync($"/api/journeys/{restarting}/sessions")).JsonAsync();
        restarted.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("status").GetString()).Should().BeEquivalentTo(["awaiting_reply", "ended"]);
        restarted.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "ended")
            .GetProperty("endReason").GetString().Should().Be("restarted");
    }

    [Fact]
    public async Task AKeyword_StartsItsJourney_AndAWaitingSessionTakesTheReplyFirst()
    {
        await JourneyAsync([Step("message", new { text = "Signals are posted daily." })], [new { type = "keyword", config = new { keyword = "signals" } }]);
        await JourneyAsync(
            [Step("question", new { text = "Name?", answer_key = "name" }), Step("message", new { text = "Thanks {answer:name}" })],
            [DeepLink("ask")]);

        (await SayAsync("Tell me about your SIGNALS please")).Should().Equal("Signals are posted daily.");
        (await SayAsync("I like signalsx")).Should().ContainSingle().Which.Should().Contain("did not understand", "a whole word only");
        await SayAsync("/start ask");
        (await SayAsync("signals")).Should().ContainSingle().Which.Should().Be("Thanks signals", "the waiting question comes before keywords");
    }

    [Fact]
    public async Task TheWaitingTimeout_WithEnd_EndsTheSessionWithItsMessage()
    {
        var journey = await JourneyAsync(
            [Step("message", new { text = "Still there?" }), Step("wait_for_reply", new { timeout_seconds = 600, timeout_action = "end", timeout_message = "Bye for now." })],
            [DeepLink("ping")]);
        await SayAsync("/start ping");

        (await LaterAsync(TimeSpan.FromMinutes(11))).Should().Equal("Bye for now.");
        var session = await SessionAsync(journey);
        session.GetProperty("status").GetString().Should().Be("ended");
        session.GetProperty("endReason").GetString().Should().Be("timeout");
    }

    [Fact]
    public async Task AnUnansweredQuestion_EndsAfterTheJourneysInactivityTimeout()
    {
        var journey = await JourneyAsync([Step("question", new { text = "Name?", answer_key = "name" })], [DeepLink("idle")], inactivity: 30);
        await SayAsync("/start idle");

        await LaterAsync(TimeSpan.FromMinutes(31));

        (await SessionAsync(journey)).GetProperty("endReason").GetString().Should().Be("inactivity");
    }

    [Fact]
    public async Task StoppingAJourney_EndsItsSessions_AndItsDeepLinkFallsBackToTheWelcome()
    {
        var journey = await JourneyAsync([Step("message", new { text = "Hi" }), Step("delay", new { seconds = 60 }), Step("message", new { text = "Later" })], [DeepLink("stopme")]);
        await SayAsync("/start stopme");

        (await Admin.PostAsync($"/api/journeys/{journey}/stop", null)).EnsureSuccessStatusCode();

        (await LaterAsync(TimeSpan.FromMinutes(5))).Should().BeEmpty();
        (await SessionAsync(journey)).GetProperty("endReason").GetString().Should().Be("journey_stopped");
        (await SayAsync("/start stopme")).Should().ContainSingle().Which.Should().StartWith("Welcome!");
    }

    [Fact]
    public async Task APhotoWithButtons_AndARandomDelay_GoOutAsConfigured()
    {
        await JourneyAsync(
        [
            Step("message", new
            {
                text = "Our results, {username}", photo = "https://cdn.example.com/results.png",
                buttons = new[] { new { text = "Join VIP", url = "https://t.me/alpha_bot?start=vip" } },
            }),
            Step("delay", new { min_seconds = 600, max_seconds = 1200 }),
            Step("message", new { text = "Still thinking?" }),
        ], [DeepLink("photo")]);

        await SayAsync("/start photo");

        var photo = Telegram.Calls("sendPhoto").Single().Body;
        photo.GetProperty("photo").GetString().Should().Be("https://cdn.example.com/results.png");
        photo.GetProperty("caption").GetString().Should().Be("Our results, @ana");
        photo.GetProperty("reply_markup").GetProperty("inline_keyboard")[0][0].GetProperty("url").GetString().Should().Be("https://t.me/alpha_bot?start=vip");
        var due = await TestDatabase.ScalarAsync<DateTime>("SELECT scheduled_for FROM journey_scheduled_messages");
        (due - App.Clock.GetUtcNow().UtcDateTime).Should().BeCloseTo(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(10));
        (await LaterAsync(TimeSpan.FromMinutes(9))).Should().BeEmpty();
        (await LaterAsync(TimeSpan.FromMinutes(11))).Should().Equal("Still thinking?");
    }
}
