using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace PromoStack.Benchmarks;

/// <summary>
/// A broadcast to thousands of bot users through the rate-limited fake: the sustained rate, a forced restart of the
/// API halfway (the broadcast must resume with no duplicates), and how long a user's /start waits for its reply
/// while the broadcast runs.
/// </summary>
internal static class BroadcastBench
{
    private const long FirstChat = 60_000_000;

    public static async Task RunAsync(HttpClient admin, NpgsqlDataSource db, FakeBotApi fake, string webhook, string secret, int users, Func<Task> restartApi)
    {
        Console.WriteLine($"broadcast: {users} bot users, the API restarted halfway, a /start answered meanwhile");
        await using (var insert = db.CreateCommand(
            "INSERT INTO bot_users (tenant_id, chat_id, first_name, is_blocked, coupon_bot_blocked, created_at, last_seen_at, message_bot_last_seen_at) " +
            "SELECT 'bench', $1 + g, 'User', false, false, now(), now(), now() FROM generate_series(1, $2) AS g"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = FirstChat });
            insert.Parameters.Add(new NpgsqlParameter { Value = users });
            await insert.ExecuteNonQueryAsync();
        }

        var rateLimited = fake.RateLimited;
        var clock = Stopwatch.StartNew();
        var created = await (await admin.PostAsJsonAsync("/api/broadcasts", new { message = "Weekly results are in" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        await Rows.WaitForAsync(db, $"SELECT count(*) FROM broadcast_deliveries WHERE broadcast_id = {id} AND status = 'sent'", users / 4, TimeSpan.FromMinutes(10));

        // A new user writes /start while the broadcast runs: the welcome must not wait behind it.
        var startedAt = Stopwatch.StartNew();
        var replyChat = FirstChat + users + 1;
        await PostStartAsync(admin, webhook, secret, replyChat);
        while (!fake.Sent.ContainsKey(replyChat))
        {
            await Task.Delay(10);
        }

        Console.WriteLine($"  a /start during the broadcast was answered in {startedAt.Elapsed.TotalMilliseconds:F0} ms");

        await Rows.WaitForAsync(db, $"SELECT count(*) FROM broadcast_deliveries WHERE broadcast_id = {id} AND status = 'sent'", users / 2, TimeSpan.FromMinutes(10));
        var restartAt = clock.Elapsed;
        var reachedBefore = fake.Texts.Count(t => t.Key.Text == "Weekly results are in");
        await restartApi();
        var resumed = Stopwatch.StartNew();
        while (fake.Texts.Count(t => t.Key.Text == "Weekly results are in") == reachedBefore)
        {
            await Task.Delay(20);
        }

        Console.WriteLine($"  API killed (no clean shutdown) and restarted after {restartAt.TotalSeconds:F1} s with {reachedBefore} reached; " +
                          $"sending resumed {resumed.Elapsed.TotalSeconds:F1} s after it was ready (the dead instance's bot lease, 60 s, had to run out)");
        await Rows.WaitForAsync(db, $"SELECT count(*) FROM broadcast_jobs WHERE id = {id} AND status = 'completed'", 1, TimeSpan.FromMinutes(10));
        var broadcast = (await admin.GetFromJsonAsync<JsonElement>($"/api/broadcasts/{id}")).GetProperty("progress").ToString();
        var delivered = fake.Texts.Count(t => t.Key.Text == "Weekly results are in");
        Console.WriteLine($"  completed in {clock.Elapsed.TotalSeconds:F1} s ({delivered / clock.Elapsed.TotalSeconds:F1}/s); chats reached: {delivered}; " +
                          $"duplicates: {fake.Texts.Count(t => t.Key.Text == "Weekly results are in" && t.Value > 1)}; 429s: {fake.RateLimited - rateLimited}; progress: {broadcast}");
    }

    private static async Task PostStartAsync(HttpClient http, string webhook, string secret, long chat)
    {
        var body = new JsonObject
        {
            ["update_id"] = 1_900_000_000,
            ["message"] = new JsonObject
            {
                ["message_id"] = 1, ["date"] = 1_700_000_000, ["text"] = "/start",
                ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "New" },
                ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "New" },
            },
        }.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

}
