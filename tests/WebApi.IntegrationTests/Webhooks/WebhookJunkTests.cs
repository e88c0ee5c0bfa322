using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using PromoStack.Domain.Subscriptions;
using PromoStack.Infrastructure.Stripe;
using PromoStack.Infrastructure.Telegram;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Webhooks;

/// <summary>
/// Junk sent to the Telegram and Stripe webhooks is refused before any database work: counted from Npgsql's own
/// traces, many junk deliveries of each kind cost no command once what they name is in memory, and the real sender is
/// served right after. A source that keeps failing is limited (429 with Retry-After) without cutting off the others,
/// nor the real deliveries that share its address. Every delivery comes from an address of its own unless a test
/// says otherwise: the app, and what it counts per address, lives for the whole class.
/// </summary>
public sealed class WebhookJunkTests(AppFixture fixture, ClassApp classApp) : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    private const int Junk = 40;
    private const int FailuresPerSource = 5;
    private const int RequestsPerSource = 60;
    private const string Proxy = "10.255.255.1";
    private const string StripeSecret = "whsec_junkTestsSigningSecret0123456789";
    private const string ScrapeToken = "scrape-0123456789-abcdefghijklmnopqrstuvwxyz";
    private static int _tests;
    private readonly int _network = Interlocked.Increment(ref _tests);
    private PromoStackFactory _app = null!;
    private HttpClient _client = null!;
    private int _peer;
    private long _updateId;
    private int _event;

    public static TheoryData<string> TelegramJunk => new()
    {
        "unknown webhook", "wrong secret", "missing secret", "an id we never make", "oversized body", "malformed body",
    };

    public static TheoryData<string> StripeJunk => new()
    {
        "missing signature", "garbage signature", "stale signature", "wrong secret", "tampered body", "unknown tenant", "impossible tenant name",
        "oversized body",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = classApp.ForTest(() => new PromoStackFactory(
            Identity,
            new Dictionary<string, string?>
            {
                ["Webhooks:WindowSeconds"] = "3600",
                ["Webhooks:FailuresPerSource"] = FailuresPerSource.ToString(CultureInfo.InvariantCulture),
                ["Webhooks:RequestsPerSource"] = RequestsPerSource.ToString(CultureInfo.InvariantCulture),
                ["Webhooks:TrackedSources"] = "10000",
                ["Proxies:KnownProxies"] = Proxy,
                ["Telemetry:ScrapeToken"] = ScrapeToken,
            },
            telegram: Telegram)
        {
            ConfigureServices = services => services.AddSingleton<IStartupFilter, PeerAddressFromHeader>(),
        });
        _client = _app.CreateClient();
    }

    [Theory]
    [MemberData(nameof(TelegramJunk))]
    public async Task TelegramJunk_CostsNoQueryOnceWarm_AndTheBotsNextUpdateIsStoredAndProcessed(string kind)
    {
        var bot = await BotAsync();
        var unknown = Guid.NewGuid();
        HttpRequestMessage JunkRequest() => kind switch
        {
            "unknown webhook" => Update(unknown, bot.Secret, NextUpdate()),
            "wrong secret" => Update(bot.WebhookId, bot.Secret[..^1] + (bot.Secret[^1] == 'a' ? 'b' : 'a'), NextUpdate()),
            "missing secret" => Update(bot.WebhookId, null, NextUpdate()),
            "an id we never make" => Update(Guid.CreateVersion7(), bot.Secret, NextUpdate()),
            "oversized body" => Update(bot.WebhookId, bot.Secret, NextUpdate(new string('x', 2 * 1024 * 1024))),
            _ => Update(bot.WebhookId, bot.Secret, "{not json"),
        };
        var refused = kind switch
        {
            "oversized body" => HttpStatusCode.RequestEntityTooLarge,
            "malformed body" => HttpStatusCode.BadRequest,
            _ => HttpStatusCode.Unauthorized,
        };

        // Warm-up: the bot's first delivery reads it; an unknown id's first try finds there is none.
        (await SendAsync(Update(bot.WebhookId, bot.Secret, NextUpdate()))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(JunkRequest())).StatusCode.Should().Be(refused);
        var answers = new List<HttpStatusCode>();
        var work = await DatabaseWork.DuringAsync(async () =>
        {
            for (var i = 0; i < Junk; i++)
            {
                answers.Add((await SendAsync(JunkRequest())).StatusCode);
            }
        });

        answers.Should().HaveCount(Junk).And.OnlyContain(status => status == refused);
        work.Should().Be(0, $"{Junk} deliveries with {kind}, each from its own address, are refused from memory");
        var legit = NextUpdate();
        var stored = await DatabaseWork.DuringAsync(async () =>
            (await SendAsync(Update(bot.WebhookId, bot.Secret, legit))).StatusCode.Should().Be(HttpStatusCode.OK));
        stored.Should().BePositive("the count sees this app's database work: the update was inserted");
        await ProcessInboxAsync();
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_updates WHERE update_id = @p0", UpdateIdOf(legit))).Should().Be("processed");
    }

    [Theory]
    [MemberData(nameof(StripeJunk))]
    public async Task StripeJunk_CostsNoQueryOnceWarm_AndTheNextRealEventIsApplied(string kind)
    {
        await StripeTenantAsync();
        var (warm, _) = await CheckoutEventAsync();
        var (body, pending) = await CheckoutEventAsync();
        HttpRequestMessage JunkRequest() => kind switch
        {
            "missing signature" => Stripe(body, null),
            "garbage signature" => Stripe(body, "nonsense"),
            "stale signature" => Stripe(body, Signed(body, age: TimeSpan.FromMinutes(6))),
            "wrong secret" => Stripe(body, Signed(body, "whsec_someoneElse0123456789")),
            "tampered body" => Stripe(body.Replace("lifetime", "monthly", StringComparison.Ordinal), Signed(body)),
            "unknown tenant" => Stripe(body, Signed(body), "nobody-here"),
            "impossible tenant name" => Stripe(body, Signed(body), "Not_A_Slug"),
            _ => Stripe(body + new string(' ', 2 * 1024 * 1024), Signed(body + new string(' ', 2 * 1024 * 1024))),
        };
        var refused = kind == "oversized body" ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.BadRequest;

        // Warm-up: a real event reads the tenant's secret; an unknown tenant's first try finds it has none.
        (await SendAsync(Stripe(warm, Signed(warm)))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(JunkRequest())).StatusCode.Should().Be(refused);
        var answers = new List<HttpStatusCode>();
        var work = await DatabaseWork.DuringAsync(async () =>
        {
            for (var i = 0; i < Junk; i++)
            {
                answers.Add((await SendAsync(JunkRequest())).StatusCode);
            }
        });

        answers.Should().HaveCount(Junk).And.OnlyContain(status => status == refused);
        work.Should().Be(0, $"{Junk} deliveries with {kind}, each from its own address, open no transaction and send no query");
        var applying = await DatabaseWork.DuringAsync(async () =>
        {
            var response = await SendAsync(Stripe(body, Signed(body)));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().Contain("\"applied\"");
        });
        applying.Should().BePositive("the count sees this app's database work: the event was recorded and applied");
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions WHERE id = @p0", pending)).Should().Be("active");
    }

    [Fact]
    public async Task BadSignaturesForARealTenant_ReadItsSecretAgainOnce_ThenAtMostOnceASecond()
    {
        await StripeTenantAsync();
        var (warm, _) = await CheckoutEventAsync();
        (await SendAsync(Stripe(warm, Signed(warm)))).StatusCode.Should().Be(HttpStatusCode.OK);
        Task<int> BadAsync(int count) => DatabaseWork.DuringAsync(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                (await SendAsync(Stripe(warm, Signed(warm, "whsec_someoneElse0123456789")))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
            }
        });

        var read = await BadAsync(1);
        var flood = await BadAsync(Junk);
        _app.Clock.Advance(CachedStripeWebhookSecrets.RecheckInterval);
        var readAgain = await BadAsync(1);
        var floodAgain = await BadAsync(Junk);

        read.Should().BePositive("the first bad signature reads the secret again: the tenant may have rolled it on another instance");
        flood.Should().Be(0, "that copy is too recent to be read again");
        readAgain.Should().Be(read, "a second later, one more read");
        floodAgain.Should().Be(0);
    }

    [Fact]
    public async Task ASecretSetOnAnotherInstance_VerifiesTheFirstEventSignedWithIt_AfterThisInstanceRememberedNone()
    {
        await Given.TenantAsync(_app, Identity, "user_junk_admin");
        var (body, pending) = await CheckoutEventAsync();
        (await SendAsync(Stripe(body, Signed(body)))).StatusCode.Should().Be(HttpStatusCode.BadRequest, "the tenant has no webhook secret yet");

        // Another instance (the collection's app, on the same database) saves the secret: this one still remembers none.
        await InTenantAsync("alpha", services => StripeWebhooks.SaveSecretsAsync(services, "alpha", StripeSecret, _app.Clock.GetUtcNow()));
        _app.Clock.Advance(CachedStripeWebhookSecrets.RecheckInterval);

        (await SendAsync(Stripe(body, Signed(body)))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions WHERE id = @p0", pending)).Should().Be("active");
    }

    [Fact]
    public async Task ABotConnectedOnAnotherInstance_IsFoundByItsFirstDelivery_DuringAFloodOfUnknownIds()
    {
        for (var i = 0; i < Junk; i++)
        {
            (await SendAsync(Update(Guid.NewGuid(), "secret", NextUpdate()))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        // Connected through the collection's app: a new random id, which no one can have asked this instance about.
        var admin = await NewTenantAsync("alpha");
        var connection = await Given.MessageBotAsync(admin.Client, Telegram, "alpha_bot");
        var secret = Telegram.Calls("setWebhook").Last().Body.GetProperty("secret_token").GetString()!;

        (await SendAsync(Update(connection.GetProperty("webhookId").GetGuid(), secret, NextUpdate()))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ASourceSendingBadSignatures_Gets429AfterItsLimit_WhileAnotherSourceAndTheRealSenderGetThrough()
    {
        await StripeTenantAsync();
        var (warm, _) = await CheckoutEventAsync();
        var (next, pending) = await CheckoutEventAsync();
        var (alsoNext, alsoPending) = await CheckoutEventAsync();
        string attacker = NextPeer(), neighbour = NextPeer(), stripe = NextPeer();
        (await SendAsync(Stripe(warm, Signed(warm)), stripe)).StatusCode.Should().Be(HttpStatusCode.OK);

        var refused = new List<HttpStatusCode>();
        for (var i = 0; i < FailuresPerSource; i++)
        {
            refused.Add((await SendAsync(Stripe(warm, Signed(warm, "whsec_someoneElse0123456789")), attacker)).StatusCode);
        }

        var limited = await SendAsync(Stripe(warm, Signed(warm, "whsec_someoneElse0123456789")), attacker);

        refused.Should().OnlyContain(status => status == HttpStatusCode.BadRequest);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 3600);
        (await SendAsync(Stripe(warm, Signed(warm, "whsec_someoneElse0123456789")), neighbour)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await SendAsync(Stripe(next, Signed(next)), stripe)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions WHERE id = @p0", pending)).Should().Be("active");

        // Stripe sends every account's events from a few addresses: a real event from the limited one proves itself from memory.
        (await SendAsync(Stripe(alsoNext, Signed(alsoNext)), attacker)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM telegram_subscriptions WHERE id = @p0", alsoPending)).Should().Be("active");
        var lookup = await DatabaseWork.DuringAsync(async () =>
            (await SendAsync(Stripe(warm, Signed(warm), "nobody-here"), attacker)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests));
        lookup.Should().Be(0, "a limited source gets no lookup of a tenant not in memory");
        var metrics = await ScrapeAsync();
        metrics.Should().Contain("promostack_stripe_events_total{").And.Contain("outcome=\"rate_limited\"").And.Contain("type=\"unverified\"");
    }

    [Fact]
    public async Task ASourceScanningRandomWebhookIds_CostsOneLookupPerFailureUpToItsLimit_ThenNone_WhileTheBotsDeliveriesGetThrough()
    {
        var bot = await BotAsync();
        string scanner = NextPeer(), telegram = NextPeer();
        (await SendAsync(Update(bot.WebhookId, bot.Secret, NextUpdate()), telegram)).StatusCode.Should().Be(HttpStatusCode.OK);

        var answers = new List<HttpResponseMessage>();
        var work = await DatabaseWork.DuringAsync(async () =>
        {
            for (var i = 0; i < Junk; i++)
            {
                answers.Add(await SendAsync(Update(Guid.NewGuid(), bot.Secret, NextUpdate()), scanner));
            }
        });

        answers.Take(FailuresPerSource).Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Unauthorized);
        answers.Skip(FailuresPerSource).Should().OnlyContain(a => a.StatusCode == HttpStatusCode.TooManyRequests && a.Headers.RetryAfter != null);
        work.Should().Be(FailuresPerSource, "each distinct unknown id costs one lookup until the source has failed its limit, and none after");

        // Telegram delivers every bot's updates from a few addresses: the bot's own delivery from the limited one is taken.
        var shared = NextUpdate();
        (await SendAsync(Update(bot.WebhookId, bot.Secret, shared), scanner)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SendAsync(Update(bot.WebhookId, bot.Secret, NextUpdate()), telegram)).StatusCode.Should().Be(HttpStatusCode.OK);

        // Even once the bot's copy is older than the usual 10 s: the limited source is checked against it, no lookup.
        _app.Clock.Advance(CachedTelegramWebhooks.Lifetime);
        var stale = await DatabaseWork.DuringAsync(async () =>
        {
            var response = await SendAsync(Update(bot.WebhookId, bot.Secret, "{not json"), scanner);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "proved from memory, then read: not an update");
        });
        stale.Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE update_id = @p0", UpdateIdOf(shared))).Should().Be(1);
        var metrics = await ScrapeAsync();
        metrics.Should().Contain("promostack_telegram_webhook_rejections_total{").And.Contain("reason=\"rate_limited\"")
            .And.Contain("reason=\"unauthorized\"").And.Contain("reason=\"malformed\"");
    }

    [Fact]
    public async Task ASourceOverTheDeliveryCap_Gets429BeforeAnyCheck_AndOnlyThatSource()
    {
        var bot = await BotAsync();
        var busy = NextPeer();
        for (var i = 0; i < RequestsPerSource; i++)
        {
            (await SendAsync(Update(bot.WebhookId, bot.Secret, NextUpdate()), busy)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var over = NextUpdate();
        var capped = await SendAsync(Update(bot.WebhookId, bot.Secret, over), busy);

        capped.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        capped.Headers.RetryAfter.Should().NotBeNull();
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM telegram_updates WHERE update_id = @p0", UpdateIdOf(over))).Should().Be(0);
        (await SendAsync(Update(bot.WebhookId, bot.Secret, NextUpdate()))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task BehindTheKnownProxy_TheSourceIsTheForwardedClient_AndNobodyElseCanNameIt()
    {
        await StripeTenantAsync();
        var (body, _) = await CheckoutEventAsync();
        string client = NextPeer(), otherClient = NextPeer(), stranger = NextPeer();
        HttpRequestMessage Bad() => Stripe(body, Signed(body, "whsec_someoneElse0123456789"));
        for (var i = 0; i < FailuresPerSource; i++)
        {
            (await SendAsync(Bad(), Proxy, forwardedFor: client)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        (await SendAsync(Bad(), Proxy, forwardedFor: client)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await SendAsync(Bad(), Proxy, forwardedFor: otherClient)).StatusCode.Should().Be(HttpStatusCode.BadRequest, "the proxy's own address is not the source");
        (await SendAsync(Bad(), stranger, forwardedFor: otherClient)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await SendAsync(Bad(), client)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "straight from the client's address, it is the same source");
    }

    private async Task<(Guid WebhookId, string Secret)> BotAsync()
    {
        var admin = await Given.TenantAsync(_app, Identity, "user_junk_admin");
        var connection = await Given.MessageBotAsync(admin, Telegram, "alpha_bot");
        return (connection.GetProperty("webhookId").GetGuid(), Telegram.Calls("setWebhook").Last().Body.GetProperty("secret_token").GetString()!);
    }

    private async Task StripeTenantAsync()
    {
        await Given.TenantAsync(_app, Identity, "user_junk_admin");
        await InAppTenantAsync(services => StripeWebhooks.SaveSecretsAsync(services, "alpha", StripeSecret, _app.Clock.GetUtcNow()));
    }

    /// <summary>A completed checkout of ours, signed-ready: the pending subscription it names is made first, as our checkouts do.</summary>
    private async Task<(string Body, int Pending)> CheckoutEventAsync()
    {
        var now = _app.Clock.GetUtcNow();
        var pending = 0;
        await InAppTenantAsync(async services => pending = await StripeWebhooks.SeedPendingCheckoutAsync(services, "alpha", PlanType.Lifetime, now));
        var session = new JsonObject
        {
            ["id"] = $"cs_{pending}", ["object"] = "checkout.session", ["mode"] = "payment", ["payment_status"] = "paid", ["customer"] = "cus_1",
            ["payment_intent"] = $"pi_{pending}", ["customer_details"] = new JsonObject { ["email"] = $"payer{pending}@example.com" },
            ["metadata"] = StripeWebhooks.OurMetadata("alpha", pending, "lifetime"),
        };
        return (StripeWebhooks.Event($"evt_junk_{_network}_{++_event}", "checkout.session.completed", session, now), pending);
    }

    private Task InAppTenantAsync(Func<IServiceProvider, Task> work) =>
        _app.Services.GetRequiredService<TenantScopes>().RunAsync("alpha", (services, _) => work(services), CancellationToken.None);

    private string Signed(string body, string secret = StripeSecret, TimeSpan? age = null) =>
        StripeSignature.Header(body, secret, _app.Clock.GetUtcNow() - (age ?? TimeSpan.Zero));

    private static HttpRequestMessage Stripe(string body, string? signature, string tenant = "alpha")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stripe/webhook/{tenant}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return request;
    }

    private static HttpRequestMessage Update(Guid webhookId, string? secret, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{webhookId}/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return request;
    }

    /// <summary>A private message to the bot under a new update id.</summary>
    private string NextUpdate(string text = "hello") => new JsonObject
    {
        ["update_id"] = ++_updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = _updateId, ["date"] = 1_700_000_000, ["text"] = text,
            ["from"] = new JsonObject { ["id"] = 4242, ["is_bot"] = false, ["first_name"] = "Ana" },
            ["chat"] = new JsonObject { ["id"] = 4242, ["type"] = "private", ["first_name"] = "Ana" },
        },
    }.ToJsonString();

    private static long UpdateIdOf(string update) => JsonNode.Parse(update)!["update_id"]!.GetValue<long>();

    /// <summary>An address no other delivery of this class has used.</summary>
    private string NextPeer() => $"10.{_network}.{++_peer / 250}.{(_peer % 250) + 1}";

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? peer = null, string? forwardedFor = null)
    {
        using (request)
        {
            request.Headers.Add(PeerAddressFromHeader.Header, peer ?? NextPeer());
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor);
            }

            return await _client.SendAsync(request);
        }
    }

    private async Task ProcessInboxAsync()
    {
        var worker = _app.Services.GetRequiredService<TelegramInboxWorker>();
        while (await worker.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private async Task<string> ScrapeAsync()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);
        return await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();
    }
}
