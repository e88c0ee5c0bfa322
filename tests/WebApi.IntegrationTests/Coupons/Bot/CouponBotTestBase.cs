using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Telegram;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using SkiaSharp;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Bot;

/// <summary>
/// A tenant with its coupon bot on the fake Bot API and a partner API on WireMock; affiliates talk to the bot through
/// the real webhook, the inbox and sender run by hand. Templates and settings are made through the real API.
/// </summary>
public abstract class CouponBotTestBase(AppFixture fixture, ClassApp classApp) : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    public const string CouponBotToken = "444444444:AAH-coupon-token-secret-part-xyzabcd";
    public const long CouponBotId = 444444444;
    public const long Affiliate = 5151;

    private static int _updateId;

    protected PromoStackFactory App { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    protected WireMockServer Partner { get; } = WireMockServer.Start();

    /// <summary>Configuration for the class's app.</summary>
    protected virtual Dictionary<string, string?> Overrides => [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Partner.Reset();
        App = classApp.ForTest(() => new PromoStackFactory(Identity, Overrides, telegram: Telegram));
        Admin = await Given.TenantAsync(App, Identity, "user_coupon_admin");
        await ConnectCouponBotAsync(Admin);
        await SettingsAsync();
    }

    public override Task DisposeAsync()
    {
        Partner.Stop();
        return base.DisposeAsync();
    }

    protected async Task ConnectCouponBotAsync(HttpClient admin, string token = CouponBotToken, long botId = CouponBotId, string username = "alpha_coupon_bot")
    {
        Telegram.KnowsBot(token, botId, username);
        Telegram.AcceptsMessages(token);
        (await admin.PutAsJsonAsync("/api/connections/coupon_bot", new { token })).EnsureSuccessStatusCode();
    }

    /// <summary>Partner validation against the WireMock partner (timeout and attempts as given), the link template, the limit.</summary>
    protected async Task SettingsAsync(int timeoutMs = 1000, int attempts = 2, int checksPerMinute = 5, HttpClient? admin = null)
    {
        var response = await (admin ?? Admin).PutAsJsonAsync("/api/coupons/settings", new
        {
            validation = "partner",
            partner = new { urlTemplate = $"{Partner.Url}/discount/{{code}}?productIds=77", timeoutMs, attempts },
            linkTemplate = "https://partner.example/buy?promo={code}",
            checksPerMinute,
        });
        await response.JsonAsync();
    }

    /// <summary>The partner answers <paramref name="status"/> for <paramref name="code"/>, after <paramref name="delay"/> if given.</summary>
    protected void PartnerSays(string code, int status, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody("{\"message\":\"ok\"}");
        Partner.Given(Request.Create().WithPath($"/discount/{code}").UsingGet().WithParam("productIds", "77"))
            .RespondWith(delay is { } wait ? response.WithDelay(wait) : response);
    }

    protected int PartnerCalls(string? code = null) =>
        Partner.LogEntries.Count(e => code is null || e.RequestMessage!.Path == $"/discount/{code}");

    /// <summary>Creates a template through the API with one plain image per size; returns its id.</summary>
    protected async Task<int> TemplateAsync(string name, string[] sizes, bool telegram = true, bool web = true, HttpClient? admin = null)
    {
        using var form = new MultipartFormDataContent();
        var template = new
        {
            name,
            telegramEnabled = telegram,
            webEnabled = web,
            sizes = sizes.Select(size => new
            {
                size,
                box = new { leftPct = 10, topPct = 70, widthPct = 80, heightPct = 12, hAlign = "center", vAlign = "middle" },
                maxFontPx = 90,
                color = "#FFFFFF",
                outline = new { color = "#000000", widthPx = 3 },
                showLogo = false,
            }),
        };
        form.Add(new StringContent(JsonSerializer.Serialize(template), Encoding.UTF8), "template");
        foreach (var size in sizes)
        {
            var (width, height) = size switch { "story" => (1080, 1920), "feed" => (1080, 1440), _ => (1080, 1080) };
            var image = new ByteArrayContent(Png(width, height, new SKColor(20, 60, 140)));
            image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(image, size, $"{size}.png");
        }

        var created = await (await (admin ?? Admin).PostAsync("/api/coupons/templates", form)).JsonAsync(System.Net.HttpStatusCode.Created);
        return created.GetProperty("id").GetInt32();
    }

    protected static byte[] Png(int width, int height, SKColor color)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The affiliate writes to the coupon bot; the update is processed and what it queued is sent.</summary>
    protected async Task SayAsync(string text, long from = Affiliate, PromoStackFactory? app = null)
    {
        await PostAsync(Message(text, from), app);
        await DrainAsync(app);
    }

    protected async Task PressAsync(string data, long from = Affiliate, PromoStackFactory? app = null)
    {
        await PostAsync(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = $"cbq-{Interlocked.Increment(ref _updateId)}", ["chat_instance"] = "1", ["data"] = data,
                ["from"] = new JsonObject { ["id"] = from, ["is_bot"] = false, ["first_name"] = "Ana" },
                ["message"] = new JsonObject { ["message_id"] = 500, ["date"] = 1_700_000_000, ["text"] = "?", ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private" } },
            },
        }, app);
        await DrainAsync(app);
    }

    /// <summary>Posts an update to the coupon bot's webhook (the real route, with its secret) and returns the webhook's answer.</summary>
    protected async Task<HttpResponseMessage> PostAsync(JsonObject update, PromoStackFactory? app = null)
    {
        update["update_id"] = Interlocked.Increment(ref _updateId);
        var connections = await (await Admin.GetAsync("/api/connections")).JsonAsync();
        var webhookId = connections.EnumerateArray().Single(c => c.GetProperty("role").GetString() == "coupon_bot").GetProperty("webhookId").GetGuid();
        var secret = Telegram.Calls("setWebhook").Last(c => c.Token == CouponBotToken).Body.GetProperty("secret_token").GetString()!;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{webhookId}/webhook") { Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        var response = await (app ?? App).CreateClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return response;
    }

    protected static JsonObject Message(string text, long from) => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = 1, ["date"] = 1_700_000_000, ["text"] = text,
            ["from"] = new JsonObject { ["id"] = from, ["is_bot"] = false, ["first_name"] = "Ana", ["username"] = "ana" },
            ["chat"] = new JsonObject { ["id"] = from, ["type"] = "private", ["first_name"] = "Ana" },
        },
    };

    /// <summary>Runs the inbox, the domain events and the sender until nothing is left.</summary>
    protected async Task DrainAsync(PromoStackFactory? app = null)
    {
        var on = app ?? App;
        for (var round = 0; round < 20; round++)
        {
            var work = 0;
            while (await on.Services.GetRequiredService<TelegramInboxWorker>().RunOnceAsync(CancellationToken.None) is var n and > 0)
            {
                work += n;
            }

            work += await on.Services.GetRequiredService<DomainEventDispatcher>().RunOnceAsync(CancellationToken.None);
            on.Clock.Advance(TimeSpan.FromSeconds(2));
            work += await on.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);
            if (work == 0)
            {
                return;
            }
        }
    }

    /// <summary>The texts the coupon bot sent to <paramref name="chatId"/>, oldest first.</summary>
    protected List<string> Texts(long chatId = Affiliate) =>
        [.. Telegram.Calls("sendMessage").Where(c => c.Token == CouponBotToken && c.Body.GetProperty("chat_id").GetInt64() == chatId)
            .Select(c => c.Body.GetProperty("text").GetString()!)];

    /// <summary>The keyboards of the coupon bot's messages (text and photo) to <paramref name="chatId"/>: each button's text and data.</summary>
    protected List<List<(string Text, string Data)>> Keyboards(long chatId = Affiliate) =>
        [.. Telegram.Calls(["sendMessage", "sendPhoto"])
            .Where(c => c.Token == CouponBotToken && c.Body.GetProperty("chat_id").GetInt64() == chatId && c.Body.TryGetProperty("reply_markup", out _))
            .Select(c => c.Body.GetProperty("reply_markup").GetProperty("inline_keyboard").EnumerateArray()
                .SelectMany(row => row.EnumerateArray())
                .Where(b => b.TryGetProperty("callback_data", out _))
                .Select(b => (b.GetProperty("text").GetString()!, b.GetProperty("callback_data").GetString()!)).ToList())];

    /// <summary>Reads the tenant's data as the app sees it (tenant-scoped).</summary>
    protected Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read, string tenantId = "alpha") =>
        App.Services.GetRequiredService<TenantScopes>().RunAsync(tenantId, (services, _) => read(services.GetRequiredService<AppDbContext>()), CancellationToken.None);
}
