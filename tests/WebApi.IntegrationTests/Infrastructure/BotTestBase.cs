using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PromoStack.Infrastructure.Broadcasts;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Journeys;
using PromoStack.Infrastructure.Telegram;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A tenant with its message bot on a fake Bot API, a fake clock, and bot conversations driven through the real
/// webhook; the workers run by hand. The class's tests share its app, whose clock runs on from one test to the next.
/// </summary>
public abstract class BotTestBase(AppFixture fixture, ClassApp classApp) : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    private int _updateId;

    protected PromoStackFactory App { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    /// <summary>Configuration for the app under test (e.g. a fake Stripe's base URL).</summary>
    protected virtual Dictionary<string, string?> Overrides => [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = classApp.ForTest(() => new PromoStackFactory(Identity, Overrides, telegram: Telegram));
        Admin = await Given.TenantAsync(App, Identity, "user_journey_admin");
        await Given.MessageBotAsync(Admin, Telegram, "alpha_bot");
    }

    /// <summary>Creates a journey with these steps and triggers, published unless told otherwise; returns its id.</summary>
    protected async Task<Guid> JourneyAsync(object[] steps, object[] triggers, string reentry = "block", bool publish = true, int? inactivity = null)
    {
        var created = await (await Admin.PostAsJsonAsync("/api/journeys", new { name = "Welcome flow", reentryPolicy = reentry, inactivityTimeoutMinutes = inactivity }))
            .JsonAsync(System.Net.HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        (await Admin.PutAsJsonAsync($"/api/journeys/{id}/steps", new { steps })).EnsureSuccessStatusCode();
        foreach (var trigger in triggers)
        {
            (await Admin.PostAsJsonAsync($"/api/journeys/{id}/triggers", trigger)).EnsureSuccessStatusCode();
        }

        if (publish)
        {
            (await Admin.PostAsync($"/api/journeys/{id}/publish", null)).EnsureSuccessStatusCode();
        }

        return id;
    }

    protected static object Step(string type, object config) => new { type, config };

    protected static object DeepLink(string code) => new { type = "deep_link", config = new { code } };

    /// <summary>The user writes to the bot; returns the texts the bot sent back.</summary>
    protected Task<List<string>> SayAsync(string text, long fromId = 4242) => DeliverAsync(Message(text, fromId), fromId);

    protected Task<List<string>> PressAsync(string data, long fromId = 4242) => DeliverAsync(new JsonObject
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"cbq-{++_updateId}", ["chat_instance"] = "1", ["data"] = data,
            ["from"] = new JsonObject { ["id"] = fromId, ["is_bot"] = false, ["first_name"] = "Ana" },
            ["message"] = new JsonObject { ["message_id"] = 500, ["date"] = 1_700_000_000, ["text"] = "?", ["chat"] = new JsonObject { ["id"] = fromId, ["type"] = "private" } },
        },
    }, fromId);

    /// <summary>Moves the clock on and runs due timers and events; returns what the bot sent to <paramref name="chatId"/>.</summary>
    protected async Task<List<string>> LaterAsync(TimeSpan by, long chatId = 4242)
    {
        var before = SentTo(chatId).Count;
        App.Clock.Advance(by);
        await DrainAsync();
        return SentTo(chatId).Skip(before).ToList();
    }

    /// <summary>Runs the inbox, timers, domain events and the sender until nothing is left.</summary>
    protected async Task DrainAsync()
    {
        for (var round = 0; round < 20; round++)
        {
            var work = 0;
            while (await App.Services.GetRequiredService<TelegramInboxWorker>().RunOnceAsync(CancellationToken.None) is var n and > 0)
            {
                work += n;
            }

            work += await App.Services.GetRequiredService<JourneyTimerWorker>().RunOnceAsync(CancellationToken.None);
            work += await App.Services.GetRequiredService<BroadcastWorker>().RunOnceAsync(CancellationToken.None);
            work += await App.Services.GetRequiredService<DomainEventDispatcher>().RunOnceAsync(CancellationToken.None);
            App.Clock.Advance(TimeSpan.FromSeconds(2));
            work += await App.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
            if (work == 0)
            {
                return;
            }
        }
    }

    protected List<string> SentTo(long chatId) =>
        [.. Telegram.Calls("sendMessage").Where(c => c.Body.GetProperty("chat_id").GetInt64() == chatId).Select(c => c.Body.GetProperty("text").GetString()!)];

    protected async Task<JsonElement> SessionAsync(Guid journeyId, int index = 0) =>
        (await (await Admin.GetAsync($"/api/journeys/{journeyId}/sessions")).JsonAsync()).GetProperty("items")[index];

    /// <summary>The user writes; only the inbox runs (nothing is sent yet).</summary>
    protected async Task DeliverOnlyAsync(string text, long fromId)
    {
        await PostUpdateAsync(Message(text, fromId));
        while (await App.Services.GetRequiredService<TelegramInboxWorker>().RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    protected static JsonObject Message(string text, long fromId) => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = 1, ["date"] = 1_700_000_000, ["text"] = text,
            ["from"] = new JsonObject { ["id"] = fromId, ["is_bot"] = false, ["first_name"] = "Ana", ["username"] = "ana" },
            ["chat"] = new JsonObject { ["id"] = fromId, ["type"] = "private", ["first_name"] = "Ana" },
        },
    };

    private async Task<List<string>> DeliverAsync(JsonObject update, long chatId)
    {
        var before = SentTo(chatId).Count;
        await PostUpdateAsync(update);
        await DrainAsync();
        return SentTo(chatId).Skip(before).ToList();
    }

    /// <summary>Telegram delivers an update to the webhook; nothing runs yet.</summary>
    protected async Task PostUpdateAsync(JsonObject update)
    {
        update["update_id"] = ++_updateId;
        var connection = await (await Admin.GetAsync("/api/connections")).JsonAsync();
        var webhookId = connection.EnumerateArray().Single(c => c.GetProperty("role").GetString() == "message_bot").GetProperty("webhookId").GetGuid();
        var secret = Telegram.Calls("setWebhook").Last().Body.GetProperty("secret_token").GetString()!;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{webhookId}/webhook") { Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        (await App.CreateClient().SendAsync(request)).EnsureSuccessStatusCode();
    }
}
