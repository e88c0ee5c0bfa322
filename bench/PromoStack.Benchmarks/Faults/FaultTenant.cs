using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace PromoStack.Benchmarks.Faults;

/// <summary>
/// One workspace of the fault suite and its users: its message and signal bots on the fake Bot API, its VIP channel,
/// Stripe (one lifetime price), a journey started by a deep link (question, answer, a short delay, a follow-up) and a
/// broadcast to its seeded bot users. Its users (chat ids from <see cref="FirstChat"/>, none shared with the other
/// workspace) start the bot, go through the journey, and buy VIP in the bot and pay.
/// </summary>
internal sealed class FaultTenant(string id, long messageBot, long signalBot, long vipChannel, long firstChat)
{
    public const string JourneyCode = "faults";
    public const string Question = "What is your name?";
    public const string FollowUp = "Follow-up after the delay";
    public const string BroadcastText = "Fault suite broadcast";
    public const string WebhookSecret = "whsec_faultSuiteSigningSecret01234";

    private long _updateId = 1;
    private long _nextChat = firstChat + 1_000_000;

    public string Id => id;

    public long MessageBot => messageBot;

    public long SignalBot => signalBot;

    public long VipChannel => vipChannel;

    public long FirstChat => firstChat;

    /// <summary>Chats this workspace owns are in [FirstChat, FirstChat + ChatRange).</summary>
    public const long ChatRange = 10_000_000;

    public string Webhook { get; private set; } = string.Empty;

    public string WebhookSecretToken { get; private set; } = string.Empty;

    public int Audience { get; private set; }

    /// <summary>Users who sent /start (each must get the welcome).</summary>
    public System.Collections.Concurrent.ConcurrentBag<long> Starters { get; } = [];

    /// <summary>Users who answered the journey's question (each must get the thanks, then the follow-up).</summary>
    public System.Collections.Concurrent.ConcurrentBag<long> Answered { get; } = [];

    /// <summary>Users who started the journey.</summary>
    public System.Collections.Concurrent.ConcurrentBag<long> JourneyUsers { get; } = [];

    /// <summary>Users who pressed a plan and had a checkout made for them.</summary>
    public System.Collections.Concurrent.ConcurrentBag<long> Buyers { get; } = [];

    /// <summary>Every update a webhook accepted (answered 200), by update id.</summary>
    public System.Collections.Concurrent.ConcurrentBag<long> Accepted { get; } = [];

    public bool Owns(long chat) => chat >= firstChat && chat < firstChat + ChatRange;

    /// <summary>Makes the workspace through the first instance: bots, channel, Stripe, the journey; seeds the broadcast's audience.</summary>
    public async Task SetUpAsync(Settings settings, IReadOnlyDictionary<string, string> environment, string apiUrl, FakeBotApi fake, NpgsqlDataSource db, int audience)
    {
        var token = (await Processes.RunAsync(settings.CliDll, $"dev-token --tenant {id} --role admin", environment, settings.WebApiDir)).Trim().Split('\n')[^1];
        using var admin = new HttpClient { BaseAddress = new Uri(apiUrl), Timeout = TimeSpan.FromSeconds(30) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var connected = await EnsureAsync(await admin.PutAsJsonAsync("/api/connections/message_bot", new { token = $"{messageBot}:AAH-fault-token-0123456789abcdefghij" }));
        Webhook = $"/api/telegram/{(await connected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhookId").GetGuid()}/webhook";
        WebhookSecretToken = fake.WebhookSecrets[messageBot];
        await EnsureAsync(await admin.PutAsJsonAsync("/api/connections/signal_bot",
            new { token = $"{signalBot}:AAH-fault-token-0123456789abcdefghij", channelId = vipChannel.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        await EnsureAsync(await admin.PutAsJsonAsync("/api/stripe/settings",
            new { secretKey = "sk_test_faultSuite0123456789", webhookSecret = WebhookSecret, lifetimePriceId = FakeStripeApi.LifetimePrice }));
        await EnsureAsync(await admin.PostAsync("/api/stripe/sync", null));

        var journey = await (await EnsureAsync(await admin.PostAsJsonAsync("/api/journeys", new { name = "Fault suite journey" }))).Content.ReadFromJsonAsync<JsonElement>();
        var journeyId = journey.GetProperty("id").GetGuid();
        await EnsureAsync(await admin.PutAsJsonAsync($"/api/journeys/{journeyId}/steps", new
        {
            steps = new object[]
            {
                new { type = "question", config = new { text = Question, answer_key = "name" } },
                new { type = "message", config = new { text = "Thanks {answer:name}" } },
                new { type = "delay", config = new { seconds = 5 } },
                new { type = "message", config = new { text = FollowUp } },
            },
        }));
        await EnsureAsync(await admin.PostAsJsonAsync($"/api/journeys/{journeyId}/triggers", new { type = "deep_link", config = new { code = JourneyCode } }));
        await EnsureAsync(await admin.PostAsync($"/api/journeys/{journeyId}/publish", null));

        await using (var insert = db.CreateCommand(
            "INSERT INTO bot_users (tenant_id, chat_id, first_name, is_blocked, coupon_bot_blocked, created_at, last_seen_at, message_bot_last_seen_at) " +
            "SELECT $1, $2 + g, 'User', false, false, now(), now(), now() FROM generate_series(1, $3) AS g"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = firstChat });
            insert.Parameters.Add(new NpgsqlParameter { Value = audience });
            await insert.ExecuteNonQueryAsync();
        }

        Audience = audience;
        await EnsureAsync(await admin.PostAsJsonAsync("/api/broadcasts", new { message = BroadcastText }));
    }

    /// <summary>A new user sends /start: the welcome must come back.</summary>
    public async Task StartAsync(AppCluster cluster, TimeSpan patience)
    {
        var chat = NewChat();
        if (await SayAsync(cluster, chat, "/start", patience))
        {
            Starters.Add(chat);
        }
    }

    /// <summary>A new user opens the journey's deep link, waits for its question and answers it.</summary>
    public async Task JourneyAsync(AppCluster cluster, FakeBotApi fake, TimeSpan patience)
    {
        var chat = NewChat();
        if (!await SayAsync(cluster, chat, $"/start {JourneyCode}", patience))
        {
            return;
        }

        JourneyUsers.Add(chat);
        if (await ReceivedAsync(fake, chat, m => m == Question, patience) && await SayAsync(cluster, chat, $"Name{chat}", patience))
        {
            Answered.Add(chat);
        }
    }

    /// <summary>
    /// A new user asks for VIP, presses the lifetime plan and pays the checkout whose link the bot sends back; when no
    /// link comes (Stripe down: the bot says so), they press again a little later, as a person would.
    /// </summary>
    public async Task BuyAsync(AppCluster cluster, FakeBotApi fake, StripePayer payer, TimeSpan patience)
    {
        var chat = NewChat();
        if (!await SayAsync(cluster, chat, "/start vip", patience) || !await ReceivedAsync(fake, chat, _ => true, patience))
        {
            return;
        }

        for (var press = 0; press < 8; press++)
        {
            if (!await DeliverAsync(cluster, Callback(chat, "vip_plan:lifetime"), patience))
            {
                return;
            }

            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(15))
            {
                if (fake.Links.TryGetValue(chat, out var links) && links.FirstOrDefault(l => l.StartsWith(FakeStripeApi.CheckoutUrl, StringComparison.Ordinal)) is { } link)
                {
                    Buyers.Add(chat);
                    payer.Pay(link[FakeStripeApi.CheckoutUrl.Length..]);
                    return;
                }

                await Task.Delay(250);
            }
        }
    }

    /// <summary>Stripe's webhook for a paid Checkout Session of this workspace, signed with its secret.</summary>
    public static HttpRequestMessage PaidEvent(string baseUrl, string tenant, string eventId, CheckoutSession session)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in session.Form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[key["metadata[".Length..^1]] = value;
        }

        var body = new JsonObject
        {
            ["id"] = eventId, ["object"] = "event", ["api_version"] = "2020-08-27", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["type"] = "checkout.session.completed",
            ["data"] = new JsonObject
            {
                ["object"] = new JsonObject
                {
                    ["id"] = session.Id, ["object"] = "checkout.session", ["mode"] = "payment", ["payment_status"] = "paid", ["customer"] = $"cus_{session.Id}",
                    ["payment_intent"] = $"pi_{session.Id}", ["customer_details"] = new JsonObject { ["email"] = $"{session.Id}@example.com" },
                    ["client_reference_id"] = session.Form.GetValueOrDefault("client_reference_id"), ["metadata"] = metadata,
                },
            },
        }.ToJsonString();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/stripe/webhook/{tenant}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", StripeBench.Signature(WebhookSecret, body));
        return request;
    }

    /// <summary>Waits until the chat has received a message that matches; false when it did not within the patience.</summary>
    public static async Task<bool> ReceivedAsync(FakeBotApi fake, long chat, Func<string, bool> match, TimeSpan patience)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if (fake.Inbox.TryGetValue(chat, out var messages) && messages.Any(match))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private long NewChat() => Interlocked.Increment(ref _nextChat);

    private Task<bool> SayAsync(AppCluster cluster, long chat, string text, TimeSpan patience)
    {
        var updateId = Interlocked.Increment(ref _updateId);
        return DeliverAsync(cluster, new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = updateId, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = text,
                ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "User" },
                ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "User" },
            },
        }, patience);
    }

    private JsonObject Callback(long chat, string data)
    {
        var updateId = Interlocked.Increment(ref _updateId);
        return new JsonObject
        {
            ["update_id"] = updateId,
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"cbq-{id}-{updateId}", ["chat_instance"] = "1", ["data"] = data,
                ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "User" },
                ["message"] = new JsonObject
                {
                    ["message_id"] = 1, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["text"] = "Choose your plan",
                    ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" },
                },
            },
        };
    }

    /// <summary>Delivers an update as Telegram does (again until answered 200); records it as accepted when it was.</summary>
    private async Task<bool> DeliverAsync(AppCluster cluster, JsonObject update, TimeSpan patience)
    {
        var body = update.ToJsonString();
        var delivered = await cluster.DeliverAsync(baseUrl =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + Webhook) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", WebhookSecretToken);
            return request;
        }, patience);
        if (delivered)
        {
            Accepted.Add((long)update["update_id"]!);
        }

        return delivered;
    }

    private static async Task<HttpResponseMessage> EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }
}
