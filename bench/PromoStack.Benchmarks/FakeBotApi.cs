using System.Collections.Concurrent;
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
/// A Bot API stand-in on 127.0.0.1 that enforces Telegram's 30-messages-per-second limit with a sliding window
/// (answering 429 retry_after beyond it), and counts what it received.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Queue<DateTimeOffset> _window = new();
    private readonly Lock _lock = new();
    private int _messageId;

    public FakeBotApi(long botId)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/bot{token}/{method}", async (string method, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync();
            var body = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
            return method switch
            {
                "getMe" => Ok(new { id = botId, is_bot = true, first_name = "bench", username = "bench_bot" }),
                "setWebhook" => Remember(body),
                "deleteWebhook" => Ok(true),
                "sendMessage" => Send(body),
                _ => Ok(true),
            };
        });
    }

    /// <summary>The address it really listens on (port 0 is resolved at start).</summary>
    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public string? WebhookSecret { get; private set; }

    public int Delivered => Sent.Count;

    public int RateLimited;

    public ConcurrentDictionary<long, int> Sent { get; } = new();

    /// <summary>How often each chat got each text: a count above one is a duplicate.</summary>
    public ConcurrentDictionary<(long Chat, string Text), int> Texts { get; } = new();

    public int Duplicates => Texts.Values.Count(n => n > 1);

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Remember(JsonNode body)
    {
        WebhookSecret = (string?)body["secret_token"];
        return Ok(true);
    }

    private IResult Send(JsonNode body)
    {
        var now = DateTimeOffset.UtcNow;
        lock (_lock)
        {
            while (_window.Count > 0 && _window.Peek() <= now.AddSeconds(-1))
            {
                _window.Dequeue();
            }

            if (_window.Count >= 30)
            {
                Interlocked.Increment(ref RateLimited);
                return Results.Json(new { ok = false, error_code = 429, description = "Too Many Requests: retry after 1", parameters = new { retry_after = 1 } },
                    statusCode: 429);
            }

            _window.Enqueue(now);
        }

        var chat = (long)body["chat_id"]!;
        Sent.AddOrUpdate(chat, 1, (_, n) => n + 1);
        Texts.AddOrUpdate((chat, (string?)body["text"] ?? string.Empty), 1, (_, n) => n + 1);
        return Ok(new { message_id = Interlocked.Increment(ref _messageId), date = now.ToUnixTimeSeconds(), chat = new { id = chat, type = "private" }, text = "ok" });
    }

    private static IResult Ok(object result) => Results.Json(new { ok = true, result }, new JsonSerializerOptions());
}
