using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PromoStack.Benchmarks;

/// <summary>
/// A Bot API stand-in on 127.0.0.1 for any number of bots, each known by the id its token starts with (a Telegram token
/// is <c>&lt;bot id&gt;:&lt;secret&gt;</c>). It enforces Telegram's 30-messages-per-second limit for each bot with a
/// sliding window (answering 429 retry_after beyond it), and records what it received.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<long, Queue<DateTimeOffset>> _windows = [];
    private readonly Lock _lock = new();
    private int _messageId;

    public FakeBotApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/bot{token}/{method}", async (string token, string method, HttpRequest request) =>
        {
            if (!long.TryParse(token.Split(':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var botId))
            {
                return Results.Json(new { ok = false, error_code = 401, description = "Unauthorized" }, statusCode: 401);
            }

            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            var body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
            return method switch
            {
                "getMe" => Ok(new { id = botId, is_bot = true, first_name = "bench", username = $"bench_{botId}_bot" }),
                "setWebhook" => Remember(botId, body),
                "deleteWebhook" => Ok(true),
                "sendMessage" => Send(botId, body),
                _ => Ok(true),
            };
        });
    }

    /// <summary>The address it really listens on (port 0 is resolved at start).</summary>
    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>The secret each bot's webhook was set with, by bot id.</summary>
    public ConcurrentDictionary<long, string> WebhookSecrets { get; } = new();

    public int Delivered => Sent.Count;

    public int RateLimited;

    public ConcurrentDictionary<long, int> Sent { get; } = new();

    /// <summary>How many messages each bot delivered, by bot id.</summary>
    public ConcurrentDictionary<long, int> SentByBot { get; } = new();

    /// <summary>When each chat's first message arrived, as a <see cref="Stopwatch"/> timestamp.</summary>
    public ConcurrentDictionary<long, long> FirstSentAt { get; } = new();

    /// <summary>How often each chat got each text: a count above one is a duplicate.</summary>
    public ConcurrentDictionary<(long Chat, string Text), int> Texts { get; } = new();

    public int Duplicates => Texts.Values.Count(n => n > 1);

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Remember(long botId, JsonNode body)
    {
        WebhookSecrets[botId] = (string?)body["secret_token"] ?? string.Empty;
        return Ok(true);
    }

    private IResult Send(long botId, JsonNode body)
    {
        var arrived = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            if (!_windows.TryGetValue(botId, out var window))
            {
                window = new Queue<DateTimeOffset>();
                _windows[botId] = window;
            }

            while (window.Count > 0 && window.Peek() <= now.AddSeconds(-1))
            {
                window.Dequeue();
            }

            if (window.Count >= 30)
            {
                Interlocked.Increment(ref RateLimited);
                return Results.Json(new { ok = false, error_code = 429, description = "Too Many Requests: retry after 1", parameters = new { retry_after = 1 } },
                    statusCode: 429);
            }

            window.Enqueue(now);
        }

        var chat = (long)body["chat_id"]!;
        FirstSentAt.TryAdd(chat, arrived);
        Sent.AddOrUpdate(chat, 1, (_, n) => n + 1);
        SentByBot.AddOrUpdate(botId, 1, (_, n) => n + 1);
        Texts.AddOrUpdate((chat, (string?)body["text"] ?? string.Empty), 1, (_, n) => n + 1);
        return Ok(new { message_id = Interlocked.Increment(ref _messageId), date = now.ToUnixTimeSeconds(), chat = new { id = chat, type = "private" }, text = "ok" });
    }

    private static IResult Ok(object result) => Results.Json(new { ok = true, result }, new JsonSerializerOptions());
}
