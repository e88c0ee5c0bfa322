using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace PromoStack.Benchmarks;

/// <summary>
/// Journeys at scale: users start a journey by deep link and answer its question (measured: reply → next step's
/// message queued), then their 60-second delays fall due in the same minute; every follow-up must be delivered once,
/// at the bot's rate limit.
/// </summary>
internal static class JourneyBench
{
    private const long FirstChat = 50_000_000;

    public static async Task RunAsync(HttpClient admin, NpgsqlDataSource db, FakeBotApi fake, string webhook, string secret, int users, int concurrency)
    {
        Console.WriteLine($"journeys: {users} users start a journey, answer its question, and their 60 s delays fall due together");
        var journey = await (await admin.PostAsJsonAsync("/api/journeys", new { name = "Bench journey" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = journey.GetProperty("id").GetGuid();
        await EnsureAsync(await admin.PutAsJsonAsync($"/api/journeys/{id}/steps", new
        {
            steps = new object[]
            {
                new { type = "question", config = new { text = "Your name?", answer_key = "name" } },
                new { type = "message", config = new { text = "Thanks {answer:name}" } },
                new { type = "delay", config = new { seconds = 60 } },
                new { type = "message", config = new { text = "Follow-up" } },
            },
        }));
        await EnsureAsync(await admin.PostAsJsonAsync($"/api/journeys/{id}/triggers", new { type = "deep_link", config = new { code = "bench" } }));
        await EnsureAsync(await admin.PostAsync($"/api/journeys/{id}/publish", null));

        using var telegram = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = admin.Timeout };
        var updateId = 1_500_000_000L;
        await Load.RunAsync(users, concurrency, i => PostAsync(telegram, webhook, secret, Interlocked.Increment(ref updateId), FirstChat + i, "/start bench"));
        await Rows.WaitForAsync(db, "SELECT count(*) FROM journey_user_sessions WHERE status = 'awaiting_reply'", users, TimeSpan.FromMinutes(5));

        // Half the users answer at a steady 200 a second (below what the inbox processes), the other half all at once.
        var repliedAt = new DateTimeOffset[users + 1];
        async Task ReplyAsync(int i)
        {
            repliedAt[i] = DateTimeOffset.UtcNow;
            await PostAsync(telegram, webhook, secret, Interlocked.Increment(ref updateId), FirstChat + i, $"User {i}");
        }

        var paced = users / 2;
        await Paced.MeasureAsync(paced, 200, 0, () => { }, i => ReplyAsync(i + 1));
        var burst = await Load.RunAsync(users - paced, concurrency, i => ReplyAsync(paced + i));
        burst.Print($"  {users - paced} replies posted at once");
        await Rows.WaitForAsync(db, "SELECT count(*) FROM telegram_outbox WHERE kind = 'journey' AND payload->>'text' LIKE 'Thanks %'", users, TimeSpan.FromMinutes(5));
        var queued = new List<(int User, double Ms)>();
        await using (var command = db.CreateCommand("SELECT chat_id, created_at FROM telegram_outbox WHERE kind = 'journey' AND payload->>'text' LIKE 'Thanks %'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var user = (int)(reader.GetInt64(0) - FirstChat);
                queued.Add((user, (reader.GetFieldValue<DateTimeOffset>(1) - repliedAt[user]).TotalMilliseconds));
            }
        }

        static string Percentiles(List<double> ms)
        {
            ms.Sort();
            return $"p50 {ms[ms.Count / 2]:F1} ms, p99 {ms[(int)(ms.Count * 0.99)]:F1} ms";
        }

        Console.WriteLine($"  reply → next step's message queued (webhook, inbox, engine): at 200 replies/s {Percentiles([.. queued.Where(q => q.User <= paced).Select(q => q.Ms)])}; " +
                          $"in the burst of {users - paced} {Percentiles([.. queued.Where(q => q.User > paced).Select(q => q.Ms)])}");

        await using (var spread = db.CreateCommand("SELECT min(scheduled_for), max(scheduled_for) FROM journey_scheduled_messages"))
        await using (var reader = await spread.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Console.WriteLine($"  {users} delays fall due within {(reader.GetFieldValue<DateTimeOffset>(1) - reader.GetFieldValue<DateTimeOffset>(0)).TotalSeconds:F1} s of each other");
        }

        var rateLimited = fake.RateLimited;
        var delivery = Stopwatch.StartNew();
        await Rows.WaitForAsync(db, "SELECT count(*) FROM telegram_outbox WHERE kind = 'journey' AND status = 'sent'", users * 3L, TimeSpan.FromMinutes(15));
        var followUps = fake.Texts.Count(t => t.Key.Text == "Follow-up");
        var completed = await Rows.CountAsync(db, "SELECT count(*) FROM journey_user_sessions WHERE status = 'completed'");
        Console.WriteLine($"  all {users * 3} journey messages sent {delivery.Elapsed.TotalSeconds:F1} s after the replies; follow-ups delivered: {followUps}; " +
                          $"sessions completed: {completed}; duplicates: {fake.Duplicates}; 429s received meanwhile: {fake.RateLimited - rateLimited}");
    }

    private static async Task PostAsync(HttpClient http, string webhook, string secret, long updateId, long chat, string text)
    {
        var body = new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = updateId, ["date"] = 1_700_000_000, ["text"] = text,
                ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "User" },
                ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "User" },
            },
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        using var response = await http.SendAsync(request);
        await EnsureAsync(response);
    }

    private static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

}
