using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

/// <summary><c>/cancel</c> in the bot: a confirmation, then Stripe is told, then access runs to the period end.</summary>
public sealed class CancelCommandTests(AppFixture fixture, ClassApp app, FakeStripe stripe) : IntegrationTest(fixture), IClassFixture<ClassApp>, IClassFixture<FakeStripe>
{
    private readonly WireMockServer _stripe = stripe.Server;
    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;
    private int _updateId;

    public override async Task InitializeAsync()
    {
        _stripe.Reset();
        await base.InitializeAsync();
        _app = app.ForTest(() => new PromoStackFactory(Identity, new Dictionary<string, string?> { ["Stripe:ApiBase"] = _stripe.Url }, telegram: Telegram));
        _admin = await Given.TenantAsync(_app, Identity, "user_cancel_admin");
        _stripe.Given(Request.Create().WithPath("/v1/balance").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody("""{"object":"balance","available":[],"pending":[],"livemode":false}"""));
        _stripe.Given(Request.Create().WithPath("/v1/subscriptions/sub_1").UsingPost()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody("""{"id":"sub_1","object":"subscription","status":"active","cancel_at_period_end":true}"""));
        (await _admin.PutAsJsonAsync("/api/stripe/settings", new { secretKey = "sk_test_51AbCdEfGhIjKlMnOpQrStUv" })).EnsureSuccessStatusCode();
        await Given.MessageBotAsync(_admin, Telegram, "alpha_vip_bot");
        await InTenantAsync("alpha", async services =>
        {
            var now = _app.Clock.GetUtcNow();
            var subscription = Given.ActiveSubscription("alpha", "payer@example.com", PlanType.Monthly, now, new DateTimeOffset(2031, 1, 15, 0, 0, 0, TimeSpan.Zero), telegramUserId: 77);
            subscription.LinkStripe("cus_1", "sub_1");
            var db = services.GetRequiredService<AppDbContext>();
            db.TelegramSubscriptions.Add(subscription);
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task AnAdminsRevoke_EndsTheSubscriptionInStripeFirst_SoNoRenewalChargesOrReactivatesIt()
    {
        _stripe.Given(Request.Create().WithPath("/v1/subscriptions/sub_1").UsingDelete()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody("""{"id":"sub_1","object":"subscription","status":"canceled"}"""));
        var id = await TestDatabase.ScalarAsync<int>("SELECT id FROM telegram_subscriptions");

        (await _admin.PostAsync($"/api/subscriptions/{id}/revoke", null)).EnsureSuccessStatusCode();

        _stripe.LogEntries.Should().ContainSingle(e => e.RequestMessage!.Method == "DELETE" && e.RequestMessage.Path == "/v1/subscriptions/sub_1");
        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || cancel_reason FROM telegram_subscriptions")).Should().Be("cancelled revoked");
    }

    [Fact]
    public async Task ARevokeStripeCannotCarryOut_Is503_AndChangesNothing()
    {
        _stripe.Given(Request.Create().WithPath("/v1/subscriptions/sub_1").UsingDelete()).RespondWith(Response.Create().WithStatusCode(500)
            .WithHeader("Content-Type", "application/json").WithBody("""{"error":{"type":"api_error","message":"boom"}}"""));
        var id = await TestDatabase.ScalarAsync<int>("SELECT id FROM telegram_subscriptions");

        var response = await _admin.PostAsync($"/api/subscriptions/{id}/revoke", null);

        await response.ShouldBeProblemAsync(System.Net.HttpStatusCode.ServiceUnavailable);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions")).Should().Be("active");
    }

    [Fact]
    public async Task CancelThenYes_TellsStripe_AndKeepsAccessToThePeriodEnd()
    {
        (await SayAsync("/cancel")).Should().Contain("Reply <b>YES</b>").And.Contain("15 Jan 2031");

        (await SayAsync("Yes")).Should().Contain("will not renew");

        _stripe.LogEntries.Single(e => e.RequestMessage!.Path == "/v1/subscriptions/sub_1").RequestMessage!.Body.Should().Contain("cancel_at_period_end=true");
        (await TestDatabase.ScalarAsync<string>("SELECT status || ' ' || cancel_at_period_end FROM telegram_subscriptions")).Should().Be("active true");
    }

    [Fact]
    public async Task CancelThenAnythingElse_ChangesNothing()
    {
        await SayAsync("/cancel");

        (await SayAsync("hmm, no")).Should().Contain("Nothing changed");

        _stripe.LogEntries.Should().NotContain(e => e.RequestMessage!.Path == "/v1/subscriptions/sub_1");
        (await TestDatabase.ScalarAsync<bool>("SELECT cancel_at_period_end FROM telegram_subscriptions")).Should().BeFalse();
    }

    private async Task<string> SayAsync(string text)
    {
        var before = Telegram.Calls("sendMessage").Count;
        var connection = await (await _admin.GetAsync("/api/connections")).JsonAsync();
        var webhookId = connection.EnumerateArray().Single(c => c.GetProperty("role").GetString() == "message_bot").GetProperty("webhookId").GetGuid();
        var secret = Telegram.Calls("setWebhook").Last().Body.GetProperty("secret_token").GetString()!;
        var id = ++_updateId;
        var update = new JsonObject
        {
            ["update_id"] = id,
            ["message"] = new JsonObject
            {
                ["message_id"] = id, ["date"] = 1_700_000_000, ["text"] = text,
                ["from"] = new JsonObject { ["id"] = 77, ["is_bot"] = false, ["first_name"] = "Payer" },
                ["chat"] = new JsonObject { ["id"] = 77, ["type"] = "private", ["first_name"] = "Payer" },
            },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{webhookId}/webhook") { Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        (await _app.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
        while (await _app.Services.GetRequiredService<TelegramInboxWorker>().RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        _app.Clock.Advance(TimeSpan.FromSeconds(2));
        await _app.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
        return Telegram.Calls("sendMessage").Skip(before).Single().Body.GetProperty("text").GetString()!;
    }
}
