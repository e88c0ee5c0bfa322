using System.Net;
using System.Net.Http.Json;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Journeys;

/// <summary>The journeys API: validation with field errors, collisions, editing, duplicating, analytics, CSV, roles and tenants.</summary>
public sealed class JourneyApiTests(AppFixture fixture, ClassApp app) : BotTestBase(fixture, app)
{
    [Theory]
    [InlineData("""[{"type":"video","config":{}}]""", "steps[0].type")]
    [InlineData("""[{"type":"message","config":{}}]""", "steps[0].config.text")]
    [InlineData("""[{"type":"message","config":{"text":"Hi","colour":"red"}}]""", "steps[0].config.colour")]
    [InlineData("""[{"type":"message","config":{"text":"Hi {last_name}"}}]""", "steps[0].config.text")]
    [InlineData("""[{"type":"message","config":{"text":"Your {answer:email}"}}]""", "steps[0].config.text")]
    [InlineData("""[{"type":"message","config":{"text":"<div>Hi</div>"}}]""", "steps[0].config.text")]
    [InlineData("""[{"type":"message","config":{"text":"Hi","buttons":[{"text":"Go","url":"javascript:alert(1)"}]}}]""", "steps[0].config.buttons[0].url")]
    [InlineData("""[{"type":"question","config":{"text":"Pick","answer_key":"pick","validation":"choice","options":["only"]}}]""", "steps[0].config.options")]
    [InlineData("""[{"type":"question","config":{"text":"Name","answer_key":"Bad Key"}}]""", "steps[0].config.answer_key")]
    [InlineData("""[{"type":"delay","config":{}}]""", "steps[0].config.seconds")]
    [InlineData("""[{"type":"delay","config":{"min_seconds":60,"max_seconds":10}}]""", "steps[0].config.max_seconds")]
    [InlineData("""[{"type":"delay","config":{"seconds":99999999}}]""", "steps[0].config.seconds")]
    [InlineData("""[{"type":"wait_for_reply","config":{"timeout_seconds":600,"branches":[{"keyword":"yes","step":"nowhere"}]}}]""", "steps[0].config.branches[0].step")]
    [InlineData("""[{"type":"message","config":{"text":"Hi","next":"nowhere"}}]""", "steps[0].config.next")]
    [InlineData("""[{"type":"message","config":{"name":"a","text":"Hi"}},{"type":"delay","config":{"seconds":5,"next":"a"}}]""", "steps[0].config.next")]
    [InlineData("""[{"type":"message","config":{"name":"a","text":"Hi"}},{"type":"wait_for_reply","config":{"timeout_seconds":60,"timeout_action":"continue","next":"a"}}]""", "steps[0].config.next")]
    [InlineData("""[]""", "steps")]
    public async Task InvalidSteps_Are400_WithTheField(string steps, string field)
    {
        var id = await JourneyAsync([Step("message", new { text = "Hi" })], [], publish: false);

        var response = await Admin.PutAsync($"/api/journeys/{id}/steps", new StringContent($$"""{"steps":{{steps}}}""", System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task ALoopThroughAQuestion_IsAllowed_BecauseTheUserDrivesIt()
    {
        var id = await JourneyAsync([Step("message", new { text = "Hi" })], [], publish: false);

        var response = await Admin.PutAsJsonAsync($"/api/journeys/{id}/steps", new
        {
            steps = new[]
            {
                Step("question", new { name = "ask", text = "Again?", answer_key = "again" }),
                Step("message", new { text = "Once more", next = "ask" }),
            },
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Triggers_AreValidated_ReservedPrefixesRefused_AndCollisionsAre409()
    {
        var first = await JourneyAsync([Step("message", new { text = "Hi" })], [DeepLink("spring_sale")]);
        var second = await JourneyAsync([Step("message", new { text = "Hi" })], [], publish: false);

        await (await Admin.PostAsJsonAsync($"/api/journeys/{second}/triggers", new { type = "deep_link", config = new { code = "has space" } })).ShouldHaveFieldErrorAsync("config.code");
        await (await Admin.PostAsJsonAsync($"/api/journeys/{second}/triggers", new { type = "deep_link", config = new { code = "vip_offer" } })).ShouldHaveFieldErrorAsync("config.code");
        await (await Admin.PostAsJsonAsync($"/api/journeys/{second}/triggers", new { type = "deep_link", config = new { code = "link_x" } })).ShouldHaveFieldErrorAsync("config.code");
        await (await Admin.PostAsJsonAsync($"/api/journeys/{second}/triggers", new { type = "event", config = new { @event = "birthday" } })).ShouldHaveFieldErrorAsync("config.event");
        await (await Admin.PostAsJsonAsync($"/api/journeys/{second}/triggers", new { type = "keyword", config = new { keyword = "hi", match = "fuzzy" } })).ShouldHaveFieldErrorAsync("config.match");
        await (await Admin.PostAsJsonAsync($"/api/journeys/{second}/triggers", new { type = "timer", config = new { } })).ShouldHaveFieldErrorAsync("type");

        (await Admin.PostAsJsonAsync($"/api/journeys/{second}/triggers", DeepLink("spring_sale"))).EnsureSuccessStatusCode();
        await (await Admin.PostAsync($"/api/journeys/{second}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await Admin.PostAsync($"/api/journeys/{first}/stop", null)).EnsureSuccessStatusCode();
        (await Admin.PostAsync($"/api/journeys/{second}/publish", null)).EnsureSuccessStatusCode();
        await (await Admin.PostAsJsonAsync($"/api/journeys/{first}/triggers", DeepLink("spring_sale"))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task PublishingWithoutTriggers_Is400_AndPublishedJourneysCannotBeDeleted()
    {
        var id = await JourneyAsync([Step("message", new { text = "Hi" })], [], publish: false);
        await (await Admin.PostAsync($"/api/journeys/{id}/publish", null)).ShouldHaveFieldErrorAsync("triggers");

        (await Admin.PostAsJsonAsync($"/api/journeys/{id}/triggers", DeepLink("go"))).EnsureSuccessStatusCode();
        (await Admin.PostAsync($"/api/journeys/{id}/publish", null)).EnsureSuccessStatusCode();
        await (await Admin.DeleteAsync($"/api/journeys/{id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await Admin.PostAsync($"/api/journeys/{id}/stop", null)).EnsureSuccessStatusCode();
        (await Admin.DeleteAsync($"/api/journeys/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await Admin.GetAsync($"/api/journeys/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadJourneySettings_Are400()
    {
        await (await Admin.PostAsJsonAsync("/api/journeys", new { name = "" })).ShouldHaveFieldErrorAsync("name");
        await (await Admin.PostAsJsonAsync("/api/journeys", new { name = "x", inactivityTimeoutMinutes = 0 })).ShouldHaveFieldErrorAsync("inactivityTimeoutMinutes");
        (await Admin.PostAsJsonAsync("/api/journeys", new { name = "x", reentryPolicy = "sometimes" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await (await Admin.PutAsJsonAsync($"/api/journeys/{Guid.NewGuid()}", new { name = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.PutAsJsonAsync($"/api/journeys/{Guid.NewGuid()}/steps", new { steps = new[] { Step("message", new { text = "Hi" }) } }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var id = await JourneyAsync([Step("message", new { text = "Hi" })], [], publish: false);
        await (await Admin.GetAsync($"/api/journeys/{id}/sessions?page=0")).ShouldHaveFieldErrorAsync("page");
        (await Admin.GetAsync($"/api/journeys/{id}/sessions?status=sleeping")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await (await Admin.PostAsync($"/api/journeys/{id}/stop", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await Admin.PutAsync($"/api/journeys/{id}/steps", new StringContent("{\"steps\":", System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sessions_ShowAdminsTheAnswersAndTelegramIds_AndMembersNeither()
    {
        var id = await JourneyAsync([Step("question", new { text = "Your email?", answer_key = "email", validation = "email" })], [DeepLink("ask_email")]);
        await SayAsync("/start ask_email", fromId: 1001);
        await SayAsync("ana@example.com", fromId: 1001);
        var member = await Given.MemberAsync(App, Identity, Admin, "user_journey_member");

        var forAdmin = (await (await Admin.GetAsync($"/api/journeys/{id}/sessions")).JsonAsync()).GetProperty("items")[0];
        var forMember = (await (await member.GetAsync($"/api/journeys/{id}/sessions")).JsonAsync()).GetProperty("items")[0];

        forAdmin.GetProperty("answers").GetProperty("email").GetString().Should().Be("ana@example.com");
        forAdmin.GetProperty("telegramUserId").GetInt64().Should().Be(1001);
        forMember.GetProperty("answers").EnumerateObject().Should().BeEmpty("answers may carry personal data");
        forMember.GetProperty("telegramUserId").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        forMember.GetProperty("telegramChatId").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        forMember.GetProperty("status").GetString().Should().Be(forAdmin.GetProperty("status").GetString());
    }

    [Fact]
    public async Task EditingWhileSessionsRun_KeepsThemOnTheirStep_AndEndsTheOnesOnARemovedStep()
    {
        var id = await JourneyAsync(
        [
            Step("message", new { text = "One" }),
            Step("delay", new { seconds = 600 }),
            Step("question", new { text = "Two?", answer_key = "two" }),
            Step("message", new { text = "Three" }),
        ], [DeepLink("edit_me")]);
        await SayAsync("/start edit_me", fromId: 1002);
        await SayAsync("/start edit_me", fromId: 1003);
        await LaterAsync(TimeSpan.FromMinutes(11), chatId: 1002);
        await SayAsync("first", fromId: 1002);
        await SayAsync("/start edit_me", fromId: 1001);
        var steps = (await (await Admin.GetAsync($"/api/journeys/{id}")).JsonAsync()).GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();

        // 1001 waits on the delay (kept), 1003 on the question (removed); 1002 completed already.
        var edited = await Admin.PutAsJsonAsync($"/api/journeys/{id}/steps", new
        {
            steps = new object[]
            {
                new { id = steps[0], type = "message", config = new { text = "One (edited)" } },
                new { id = steps[1], type = "delay", config = new { seconds = 600 } },
                new { type = "message", config = new { text = "New step" } },
                new { id = steps[3], type = "message", config = new { text = "Three (edited)" } },
            },
        });
        edited.EnsureSuccessStatusCode();

        (await LaterAsync(TimeSpan.FromMinutes(11), chatId: 1001)).Should().Equal("New step", "Three (edited)");
        var sessions = (await (await Admin.GetAsync($"/api/journeys/{id}/sessions")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        sessions.Single(s => s.GetProperty("telegramChatId").GetInt64() == 1001).GetProperty("status").GetString().Should().Be("completed");
        sessions.Single(s => s.GetProperty("telegramChatId").GetInt64() == 1003).GetProperty("endReason").GetString().Should().Be("step_removed");
        (await Admin.PutAsJsonAsync($"/api/journeys/{id}/steps", new { steps = new[] { new { id = Guid.NewGuid(), type = "message", config = new { text = "x" } } } }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "an id that is not one of the journey's steps");
    }

    [Fact]
    public async Task Duplicate_CopiesStepsAndTriggers_AsADraft()
    {
        var id = await JourneyAsync([Step("message", new { name = "hi", text = "Hi" })], [DeepLink("dup")]);

        var copy = await (await Admin.PostAsJsonAsync($"/api/journeys/{id}/duplicate", new { name = "Copy" })).JsonAsync();

        copy.GetProperty("name").GetString().Should().Be("Copy");
        copy.GetProperty("isActive").GetBoolean().Should().BeFalse();
        copy.GetProperty("steps")[0].GetProperty("config").GetProperty("name").GetString().Should().Be("hi");
        copy.GetProperty("steps")[0].GetProperty("id").GetGuid().Should().NotBe((await (await Admin.GetAsync($"/api/journeys/{id}")).JsonAsync()).GetProperty("steps")[0].GetProperty("id").GetGuid());
        copy.GetProperty("triggers")[0].GetProperty("config").GetProperty("code").GetString().Should().Be("dup");
        var triggers = await (await Admin.GetAsync($"/api/journeys/{copy.GetProperty("id").GetGuid()}/triggers")).JsonAsync();
        triggers.EnumerateArray().Select(t => t.GetProperty("type").GetString()).Should().Equal("deep_link");
        (await Admin.DeleteAsync($"/api/journeys/{copy.GetProperty("id").GetGuid()}/triggers/{triggers[0].GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await Admin.GetAsync($"/api/journeys/{copy.GetProperty("id").GetGuid()}/triggers")).JsonAsync()).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Analytics_AndTheAnswersCsv_DescribeTheSessions()
    {
        var id = await JourneyAsync(
            [Step("question", new { text = "Name?", answer_key = "name" }), Step("message", new { text = "Bye {answer:name}" })], [DeepLink("stats")]);
        await SayAsync("/start stats", fromId: 1);
        await SayAsync("=HYPERLINK(\"x\")", fromId: 1);
        await SayAsync("/start stats", fromId: 2);
        await SayAsync("Bo, \"the\" builder", fromId: 2);
        await SayAsync("/start stats", fromId: 3);

        var analytics = await (await Admin.GetAsync($"/api/journeys/{id}/analytics")).JsonAsync();
        analytics.GetProperty("started").GetInt32().Should().Be(3);
        analytics.GetProperty("completed").GetInt32().Should().Be(2);
        analytics.GetProperty("completionRate").GetDouble().Should().BeApproximately(0.6667, 0.0001);
        analytics.GetProperty("steps")[0].GetProperty("waiting").GetInt32().Should().Be(1);
        analytics.GetProperty("medianSecondsToComplete").GetDouble().Should().BeGreaterThanOrEqualTo(0);

        var csv = await Admin.GetAsync($"/api/journeys/{id}/answers.csv");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("session_id,telegram_user_id,telegram_chat_id,status,started_at,completed_at,name");
        lines.Should().HaveCount(3);
        lines.Should().Contain(l => l.EndsWith(",\"'=HYPERLINK(\"\"x\"\")\"", StringComparison.Ordinal), "a formula is neutralised and quoted");
        lines.Should().Contain(l => l.EndsWith(",\"Bo, \"\"the\"\" builder\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Members_Read_OnlyAdminsChange_AndAnotherTenantSeesNothing()
    {
        var id = await JourneyAsync([Step("message", new { text = "Hi" })], [DeepLink("mine")]);
        await SayAsync("/start mine");
        var asMember = await Given.MemberAsync(App, Identity, Admin, "user_journey_member");
        (await asMember.GetAsync($"/api/journeys/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await asMember.PostAsync($"/api/journeys/{id}/stop", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await asMember.GetAsync($"/api/journeys/{id}/answers.csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "answers may carry personal data");

        var beta = await Given.TenantAsync(App, Identity, "user_beta_owner", "beta");
        (await (await beta.GetAsync("/api/journeys")).JsonAsync()).GetArrayLength().Should().Be(0);
        foreach (var path in new[] { $"/api/journeys/{id}", $"/api/journeys/{id}/sessions", $"/api/journeys/{id}/analytics", $"/api/journeys/{id}/answers.csv" })
        {
            await (await beta.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        await (await beta.PostAsync($"/api/journeys/{id}/stop", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.PutAsJsonAsync($"/api/journeys/{id}/steps", new { steps = new[] { Step("message", new { text = "pwned" }) } })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await beta.DeleteAsync($"/api/journeys/{id}/triggers/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await Admin.GetAsync($"/api/journeys/{id}")).JsonAsync()).GetProperty("isActive").GetBoolean().Should().BeTrue();
    }
}
