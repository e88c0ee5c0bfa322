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
/// sliding window (answering 429 retry_after beyond it), and records what it received. The fault suite makes it
/// misbehave on purpose (<see cref="Fault"/>): slow (the message goes out, the answer comes late), 5xx, 429 storms.
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
            switch (Fault)
            {
                case BotApiFault.ServerError:
                    Interlocked.Increment(ref Refused);
                    return Results.Json(new { ok = false, error_code = 502, description = "Bad Gateway" }, statusCode: 502);
                case BotApiFault.RateLimitStorm:
                    Interlocked.Increment(ref Refused);
                    return Results.Json(new { ok = false, error_code = 429, description = "Too Many Requests: retry after 2", parameters = new { retry_after = 2 } },
                        statusCode: 429);
                case BotApiFault.Slow:
                    // The request is carried out, only its answer comes late: the caller may have given up on it by then.
                    await Task.Delay(SlowBy);
                    break;
            }

            return method switch
            {
                "getMe" => Ok(new { id = botId, is_bot = true, first_name = "bench", username = $"bench_{botId}_bot" }),
                "setWebhook" => Remember(botId, body),
                "deleteWebhook" => Ok(true),
                "sendMessage" => Send(botId, body),
                "getChat" => Ok(new { id = (long)body["chat_id"]!, type = "channel", title = "Channel" }),
                "createChatInviteLink" => Invite(botId, body),
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

    /// <summary>Every message delivered, in order of arrival.</summary>
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    /// <summary>What each chat received, in order of arrival.</summary>
    public ConcurrentDictionary<long, ConcurrentQueue<string>> Inbox { get; } = new();

    /// <summary>The URL buttons each chat was sent (e.g. a checkout's "Pay now"), in order of arrival.</summary>
    public ConcurrentDictionary<long, ConcurrentQueue<string>> Links { get; } = new();

    /// <summary>How the fake misbehaves from now on (the fault suite's switch).</summary>
    public BotApiFault Fault { get; set; }

    /// <summary>How late a slow answer comes.</summary>
    public TimeSpan SlowBy { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Calls answered with a 5xx or a storm's 429.</summary>
    public int Refused;

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
        var message = (string?)body["text"] ?? string.Empty;
        Texts.AddOrUpdate((chat, message), 1, (_, n) => n + 1);
        Deliveries.Enqueue(new Delivery(botId, chat, message, now));
        Inbox.GetOrAdd(chat, _ => new ConcurrentQueue<string>()).Enqueue(message);
        foreach (var url in (body["reply_markup"]?["inline_keyboard"]?.AsArray() ?? []).SelectMany(row => row?.AsArray() ?? []).Select(button => (string?)button?["url"]))
        {
            if (url is not null)
            {
                Links.GetOrAdd(chat, _ => new ConcurrentQueue<string>()).Enqueue(url);
            }
        }
        return Ok(new { message_id = Interlocked.Increment(ref _messageId), date = now.ToUnixTimeSeconds(), chat = new { id = chat, type = "private" }, text = "ok" });
    }

    private IResult Invite(long botId, JsonNode body)
    {
        var link = $"https://t.me/+fake{Interlocked.Increment(ref _messageId)}";
        Deliveries.Enqueue(new Delivery(botId, (long)body["chat_id"]!, link, DateTimeOffset.UtcNow));
        return Ok(new
        {
            invite_link = link, creator = new { id = botId, is_bot = true, first_name = "bench" }, creates_join_request = false, is_primary = false,
            is_revoked = false, member_limit = 1, name = (string?)body["name"],
        });
    }

    private static IResult Ok(object result) => Results.Json(new { ok = true, result }, new JsonSerializerOptions());
}

/// <summary>How the fake Bot API misbehaves.</summary>
public enum BotApiFault
{
    None,

    /// <summary>Every call is carried out, but answered only after <see cref="FakeBotApi.SlowBy"/>.</summary>
    Slow,

    /// <summary>Every call fails with 502 Bad Gateway (not carried out).</summary>
    ServerError,

    /// <summary>Every call is refused with 429 retry_after 2 (not carried out).</summary>
    RateLimitStorm,
}

/// <summary>A message (or an invite link) the fake carried out: from which bot, to which chat, what, when.</summary>
public sealed record Delivery(long Bot, long Chat, string Text, DateTimeOffset At);
