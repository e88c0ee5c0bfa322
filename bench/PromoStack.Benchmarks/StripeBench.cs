using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PromoStack.Benchmarks;

/// <summary>
/// Signed Stripe events through the real webhook (verification, insert-once ledger, effects in one transaction): the
/// sustained rate of distinct events, then a duplicate storm (each event delivered 5 times at once), counted after.
/// Each event completes a checkout of ours: the pending subscription it names is made before the load, as our
/// checkouts make it before the Checkout Session. With the dispatcher paused (BENCH_DISPATCHER=paused: the API's queue
/// workers off) it measures the webhook half alone; the activation events wait, stored, for a dispatcher.
/// </summary>
internal static class StripeBench
{
    private const string WebhookSecret = "whsec_benchSigningSecret0123456789";

    public static async Task RunAsync(HttpClient http, NpgsqlDataSource db, System.Diagnostics.Process api, int events, int concurrency, bool dispatcherPaused)
    {
        (await http.PutAsJsonAsync("/api/stripe/settings", new { secretKey = "sk_test_bench0123456789", webhookSecret = WebhookSecret })).EnsureSuccessStatusCode();
        var tenant = "bench";

        // Stripe sends no credentials: webhooks go through a client without the admin's bearer token.
        using var stripe = new HttpClient { BaseAddress = http.BaseAddress, Timeout = http.Timeout };

        // The first events after start (JIT, new connections) are measured apart from the rate; they count in the totals below.
        var warmUp = Math.Max(1, events / 10);
        var storm = events / 5;
        var pending = await PendingAsync(db, tenant, warmUp + events + storm);
        Console.WriteLine($"stripe webhooks: {events} distinct signed checkout events, {concurrency} at a time (each creates and activates a subscription)" +
                          (dispatcherPaused ? "; dispatcher paused (BENCH_DISPATCHER=paused): the webhook half alone" : ""));
        (await Load.RunAsync(warmUp, concurrency, async i => await SendAsync(stripe, tenant, Checkout($"evt_warm_{i}", $"warm{i}@example.com", tenant, pending[i - 1]))))
            .Print($"  warm-up, the first {warmUp} after start (not counted below)");
        var cpu = CpuMeter.Start(api);
        var load = await Load.RunAsync(events, concurrency, async i => await SendAsync(stripe, tenant, Checkout($"evt_bench_{i}", $"payer{i}@example.com", tenant, pending[warmUp + i - 1])));
        load.Print("  applied");
        Console.WriteLine($"  {cpu.PerUnit(events)} " + (dispatcherPaused ? "(no dispatch: the events wait for a dispatcher)" : "(the activation events' dispatch included, as far as it ran meanwhile)"));

        Console.WriteLine($"  duplicate storm: {storm} more events, each delivered 5 times concurrently");
        var stormLoad = await Load.RunAsync(storm * 5, concurrency, async i =>
        {
            var n = ((i - 1) / 5) + 1;
            await SendAsync(stripe, tenant, Checkout($"evt_storm_{n}", $"storm{n}@example.com", tenant, pending[warmUp + events + n - 1]));
        });
        stormLoad.Print("  storm deliveries");
        var subscriptions = await Rows.CountAsync(db, "SELECT count(*) FROM telegram_subscriptions WHERE email LIKE 'storm%'");
        var ledger = await Rows.CountAsync(db, "SELECT count(*) FROM processed_webhook_events WHERE event_id LIKE 'evt_storm_%'");
        var activations = await Rows.CountAsync(db, "SELECT count(*) FROM domain_events WHERE event_type LIKE '%SubscriptionActivated%'");
        Console.WriteLine($"  after the storm: {subscriptions} subscriptions and {ledger} ledger rows for {storm} events (exactly one effect each: {subscriptions == storm && ledger == storm}); " +
                          $"activation events in all: {activations} (expected {warmUp + events + storm})");
    }

    public static Dictionary<string, string> FakeStripeEnvironment(string url) => new() { ["Stripe__ApiBase"] = url };

    /// <summary>The Stripe-Signature header Stripe would send with <paramref name="body"/> now.</summary>
    public static string Signature(string secret, string body)
    {
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    private static async Task SendAsync(HttpClient http, string tenant, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stripe/webhook/{tenant}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", Signature(WebhookSecret, body));
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The pending subscriptions our checkouts would have made, one per event, in one statement before the load.</summary>
    private static async Task<int[]> PendingAsync(NpgsqlDataSource db, string tenant, int count)
    {
        await using var command = db.CreateCommand(
            """
            INSERT INTO telegram_subscriptions (tenant_id, plan_type, status, is_converted, renews, cancel_at_period_end, created_at, updated_at)
            SELECT @tenant, 'lifetime', 'pending', false, false, false, now(), now() FROM generate_series(1, @count)
            RETURNING id
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("count", count);
        var ids = new List<int>(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }

        // Statistics as a live table has them (autovacuum would analyze it soon after): planned on an empty table's, lookups scan.
        await using (var analyze = db.CreateCommand("ANALYZE telegram_subscriptions"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        return [.. ids.Order()];
    }

    private static string Checkout(string eventId, string email, string tenant, int subscriptionId) => new JsonObject
    {
        ["id"] = eventId, ["object"] = "event", ["api_version"] = "2020-08-27", ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["type"] = "checkout.session.completed",
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = $"cs_{eventId}", ["mode"] = "payment", ["payment_status"] = "paid", ["customer"] = $"cus_{eventId}", ["payment_intent"] = $"pi_{eventId}",
                ["customer_details"] = new JsonObject { ["email"] = email },
                ["metadata"] = new JsonObject
                {
                    ["tenant_id"] = tenant, ["subscription_id"] = subscriptionId.ToString(CultureInfo.InvariantCulture), ["plan"] = "lifetime",
                },
            },
        },
    }.ToJsonString();

}

/// <summary>
/// Stripe's API as far as PromoStack calls it: the key check, the catalog (one product, one lifetime price) and Checkout
/// Sessions, which it records for the fault suite's payer. <see cref="Down"/> makes every call fail with 503.
/// </summary>
internal sealed class FakeStripeApi : IAsyncDisposable
{
    public const string LifetimePrice = "price_FaultLifetime01";

    /// <summary>Where a Checkout Session's page is: the session id follows.</summary>
    public const string CheckoutUrl = "https://checkout.stripe.test/c/pay/";

    private readonly WebApplication _app;
    private int _sessions;

    public FakeStripeApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            if (Down)
            {
                Interlocked.Increment(ref Refused);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsJsonAsync(new { error = new { type = "api_error", message = "Stripe is down (fault suite)." } });
                return;
            }

            await next(context);
        });
        _app.MapGet("/v1/balance", () => Results.Json(new { @object = "balance", available = Array.Empty<object>(), pending = Array.Empty<object>(), livemode = false }));
        _app.MapGet("/v1/products", () => Results.Json(new
        {
            @object = "list", url = "/v1/products", has_more = false, data = new[] { new { id = "prod_vip", @object = "product", name = "VIP", active = true } },
        }));
        _app.MapGet("/v1/prices", () => Results.Json(new
        {
            @object = "list", url = "/v1/prices", has_more = false,
            data = new[] { new { id = LifetimePrice, @object = "price", product = "prod_vip", currency = "usd", unit_amount = 29900, active = true } },
        }));
        _app.MapPost("/v1/checkout/sessions", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var id = $"cs_fault_{Interlocked.Increment(ref _sessions)}";
            Sessions.Enqueue(new CheckoutSession(id, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            return Results.Json(new { id, @object = "checkout.session", url = CheckoutUrl + id });
        });
    }

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Whether every call fails (503) from now on.</summary>
    public bool Down { get; set; }

    /// <summary>Calls refused while down.</summary>
    public int Refused;

    /// <summary>The Checkout Sessions made, in order, with the form PromoStack sent.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<CheckoutSession> Sessions { get; } = new();

    public Task StartAsync() => _app.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A Checkout Session PromoStack made: its id and the form fields (metadata included).</summary>
internal sealed record CheckoutSession(string Id, Dictionary<string, string> Form);
