using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;
using PromoStack.Domain.Signals;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.Infrastructure.Telegram;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.IntegrationTests.Coupons.Templates;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using PromoStack.WebApi.Webhooks;
using Xunit.Abstractions;

namespace PromoStack.WebApi.IntegrationTests.Authorization;

/// <summary>
/// Every route of <see cref="RouteMatrixTests"/>' table that names a row, called with a real row of tenant alpha's, made
/// as the app makes it (a forex signal, which only the market-data engine opens, is written directly): another tenant's
/// admin gets its 404 (403 where the route is the operator's), also when naming alpha in <c>X-PromoStack-Tenant</c>
/// (403: not a workspace of theirs), and changes none of alpha's rows in any table; then alpha's own callers get the
/// answers the ids deserve, so no refusal above is a row that was never there. A route with an id the table gains
/// fails the test until it is called here, or said why not.
/// </summary>
public sealed partial class RealIdsTests(AppFixture fixture, ClassApp classApp, ITestOutputHelper output)
    : IntegrationTest(fixture), IClassFixture<ClassApp>
{
    private const string AlphaStripeSecret = "whsec_alpha0123456789abcdefghij";
    private const string BetaStripeSecret = "whsec_beta0123456789abcdefghijk";

    /// <summary>The Telegram user who wrote to alpha's message bot (a bot user, a subscriber, an outbox row).</summary>
    private const long Subscriber = 1001;

    /// <summary>Routes with a value that names no row another tenant's admin could reach with it, and why.</summary>
    private static readonly Dictionary<(string Method, string Pattern), string> NotCovered = new()
    {
        [("GET", "/api/sandbox/{role:regex(^(signal_bot|message_bot|coupon_bot)$)}/images/{id:long}")] =
            "Development only: a 404 for everyone in any other environment, this app's included",
        [("POST", "/api/public/{tenant}/checkout")] = "public by design: the slug names the tenant whose checkout it is, and no row",
        [("POST", "/api/public/{tenant}/coupons/images")] = "public by design: the slug names the tenant whose generator it is, and no row",
        [("GET", "/api/public/{tenant}/coupons/templates")] = "public by design: the slug names the tenant whose offered templates these are",
    };

    private static string? _alphaRowsQuery;

    [Fact]
    public async Task AnotherTenantsAdmin_NeverReachesAlphasRealRows_NorChangesThem_WhileAlphaDoes()
    {
        var app = classApp.ForTest(() => new PromoStackFactory(Identity, telegram: Telegram));
        var alpha = await SeedAsync(app);
        var cases = Cases(app, alpha);

        var withIds = RouteMatrixTests.Table
            .Where(line => Parameters(line.Pattern).Any(name => !RouteMatrixTests.Values.ContainsKey(name)))
            .Select(line => (line.Method, line.Pattern)).ToList();
        var covered = cases.Select(c => (c.Method, c.Pattern)).ToList();
        withIds.Except(covered).Except(NotCovered.Keys).Should().BeEmpty("every route with an id is called with a real row of alpha's, or says why not");
        covered.Should().OnlyHaveUniqueItems().And.NotIntersectWith(NotCovered.Keys);
        covered.Concat(NotCovered.Keys).Except(withIds).Should().BeEmpty("every case is a route of the table with an id");

        var least = RouteMatrixTests.Table.ToDictionary(line => (line.Method, line.Pattern), line => line.Least);
        var failures = new List<string>();
        foreach (var call in cases)
        {
            foreach (var namingAlpha in new[] { false, true })
            {
                var before = await AlphaRowsAsync();
                using var request = call.Attack();
                if (namingAlpha)
                {
                    request.Headers.Add(AuthenticationSetup.WorkspaceHeader, "alpha");
                }

                using var response = await alpha.Beta.SendAsync(request);
                var status = (int)response.StatusCode;
                var expected = namingAlpha && least[(call.Method, call.Pattern)] is RouteMatrixTests.Least.Member or RouteMatrixTests.Least.Admin
                    ? 403
                    : call.Refused;
                var who = namingAlpha ? "beta's admin naming alpha" : "beta's admin";
                if (status != expected)
                {
                    var verdict = status is >= 200 and < 300 ? "LEAK: reached alpha's row" : status >= 500 ? "a server error" : $"expected {expected}";
                    failures.Add($"{call.Method} {request.RequestUri} as {who}: {status} — {verdict}: {await BodyAsync(response)}");
                }

                var changed = Changed(before, await AlphaRowsAsync());
                if (changed.Count > 0)
                {
                    failures.Add($"LEAK: {call.Method} {request.RequestUri} as {who} ({status}) changed alpha's rows in {string.Join(", ", changed)}");
                }
            }
        }

        // Alpha's own callers last, in the cases' order: reads, then changes, deletions at the end.
        foreach (var call in cases)
        {
            using var request = call.Prove();
            using var response = await call.Owner.SendAsync(request);
            var status = (int)response.StatusCode;
            if (!call.OwnerGets.Contains(status))
            {
                failures.Add($"{call.Method} {request.RequestUri} as alpha's {call.OwnerName}: {status}, expected {string.Join(" or ", call.OwnerGets)}: {await BodyAsync(response)}");
            }
        }

        output.WriteLine(
            $"{withIds.Count} routes with ids; {cases.Count} called with alpha's real rows ({cases.Count(c => c.Method != "GET")} writes, each checked against every table); " +
            $"{NotCovered.Count} not: {string.Join("; ", NotCovered.Select(n => $"{n.Key.Method} {n.Key.Pattern} ({n.Value})"))}");
        failures.Should().BeEmpty();
    }

    private static List<Case> Cases(PromoStackFactory app, Alpha a)
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var anonymous = app.CreateClient();
        var update = new JsonObject
        {
            ["update_id"] = 900,
            ["message"] = new JsonObject
            {
                ["message_id"] = 9, ["date"] = 1_700_000_000, ["text"] = "hello",
                ["from"] = new JsonObject { ["id"] = Subscriber, ["is_bot"] = false, ["first_name"] = "Ana" },
                ["chat"] = new JsonObject { ["id"] = Subscriber, ["type"] = "private" },
            },
        }.ToJsonString();
        var stripeEvent = StripeWebhooks.Event("evt_realids_1", "customer.created", new JsonObject { ["id"] = "cus_1" }, app.Clock.GetUtcNow());
        var journey = $"/api/journeys/{a.JourneyId}";
        var campaign = $"/api/campaigns/{a.CampaignId}";
        var template = $"/api/coupons/templates/{a.TemplateId}";
        return
        [
            new("GET", "/api/audience/users/{telegramUserId:long}", $"/api/audience/users/{Subscriber}", a.Admin, 200),
            new("GET", "/api/broadcasts/{id:int}", $"/api/broadcasts/{a.BroadcastId}", a.Admin, 200),
            new("GET", "/api/campaigns/{id:int}", campaign, a.Admin, 200),
            new("GET", "/api/campaigns/{id:int}/entries", $"{campaign}/entries", a.Admin, 200),
            new("GET", "/api/campaigns/{id:int}/entries.csv", $"{campaign}/entries.csv", a.Admin, 200),
            new("GET", "/api/coupons/templates/{id:int}", template, a.Admin, 200),
            new("GET", "/api/coupons/templates/{id:int}/images/{image}", $"{template}/images/square", a.Admin, 200),
            new("GET", "/api/coupons/users/{chatId:long}", $"/api/coupons/users/{Subscriber}", a.Admin, 200),
            new("GET", "/api/forex/signals/{id:int}", $"/api/forex/signals/{a.SignalId}", a.Admin, 200),
            new("GET", "/api/journeys/{id:guid}", journey, a.Admin, 200),
            new("GET", "/api/journeys/{id:guid}/analytics", $"{journey}/analytics", a.Admin, 200),
            new("GET", "/api/journeys/{id:guid}/answers.csv", $"{journey}/answers.csv", a.Admin, 200),
            new("GET", "/api/journeys/{id:guid}/sessions", $"{journey}/sessions", a.Admin, 200),
            new("GET", "/api/journeys/{id:guid}/triggers", $"{journey}/triggers", a.Admin, 200),
            new("GET", "/api/subscriptions/{id:int}", $"/api/subscriptions/{a.SubscriptionId}", a.Admin, 200),
            new("GET", "/api/subscriptions/{id:int}/detail", $"/api/subscriptions/{a.SubscriptionId}/detail", a.Admin, 200),
            new("GET", "/api/tenant/users/{id:int}", $"/api/tenant/users/{a.MemberId}", a.Admin, 200),
            new("GET", "/api/platform/tenants/{tenantId}/overview", "/api/platform/tenants/alpha/overview", a.Operator, 200) { Refused = 403, OwnerName = "platform operator" },
            new("GET", "/api/public/{tenant}/coupon-templates/{id:int}/{size}", $"/api/public/beta/coupon-templates/{a.TemplateId}/square", anonymous, 200)
            {
                OwnerPath = $"/api/public/alpha/coupon-templates/{a.TemplateId}/square", OwnerName = "public (its slug)",
            },
            new("POST", "/api/coupons/templates/{id:int}/preview", $"{template}/preview", a.Admin, 200) { Body = Json(new { size = "square" }) },
            new("POST", "/api/public/{tenant}/campaigns/{id:int}/entries", $"/api/public/beta/campaigns/{a.CampaignId}/entries", anonymous, 202)
            {
                OwnerPath = $"/api/public/alpha/campaigns/{a.CampaignId}/entries", OwnerName = "public (its slug)", Body = Json(new { email = "late@example.com" }),
            },
            new("POST", "/api/campaigns/{id:int}/entries/{entryId:int}/disqualify", $"{campaign}/entries/{a.EntryId}/disqualify", a.Admin, 200, 204),
            new("PUT", "/api/campaigns/{id:int}", campaign, a.Admin, 200)
            {
                Body = Json(new { title = "Renamed", startDate = today.AddDays(-1), endDate = today.AddDays(30), prize = "iPad" }),
            },
            new("POST", "/api/campaigns/{id:int}/draw", $"{campaign}/draw", a.Admin, 409),
            new("POST", "/api/campaigns/{id:int}/publish", $"{campaign}/publish", a.Admin, 409),
            new("POST", "/api/campaigns/{id:int}/end", $"{campaign}/end", a.Admin, 200),
            new("DELETE", "/api/campaigns/{id:int}", campaign, a.Admin, 409),
            new("POST", "/api/broadcasts/{id:int}/cancel", $"/api/broadcasts/{a.BroadcastId}/cancel", a.Admin, 200),
            new("PUT", "/api/coupons/templates/{id:int}", template, a.Admin, 200)
            {
                Body = () => TemplateForms.Form(CouponTemplatesTests.Versioned(TemplateForms.Template("Renamed", [TemplateForms.Size("square")], web: true), 1)),
            },
            new("POST", "/api/forex/signals/{id:int}/close", $"/api/forex/signals/{a.SignalId}/close", a.Admin, 200) { Body = Json(new { price = 2005m }) },
            new("PUT", "/api/journeys/{id:guid}", journey, a.Admin, 200) { Body = Json(new { name = "Renamed", reentryPolicy = "block" }) },
            new("PUT", "/api/journeys/{id:guid}/steps", $"{journey}/steps", a.Admin, 200)
            {
                Body = Json(new { steps = new[] { new { type = "message", config = new { text = "Changed" } } } }),
            },
            new("POST", "/api/journeys/{id:guid}/triggers", $"{journey}/triggers", a.Admin, 200, 201) { Body = Json(new { type = "deep_link", config = new { code = "second" } }) },
            new("POST", "/api/journeys/{id:guid}/duplicate", $"{journey}/duplicate", a.Admin, 200, 201) { Body = Json(new { name = "Copy" }) },
            new("POST", "/api/journeys/{id:guid}/publish", $"{journey}/publish", a.Admin, 409),
            new("POST", "/api/journeys/{id:guid}/stop", $"{journey}/stop", a.Admin, 200),
            new("DELETE", "/api/journeys/{id:guid}/triggers/{triggerId:guid}", $"{journey}/triggers/{a.TriggerId}", a.Admin, 204),
            new("DELETE", "/api/journeys/{id:guid}", journey, a.Admin, 204),
            new("POST", "/api/subscriptions/{id:int}/revoke", $"/api/subscriptions/{a.SubscriptionId}/revoke", a.Admin, 200),
            new("POST", "/api/telegram/outbox/{id:long}/retry", $"/api/telegram/outbox/{a.OutboxId}/retry", a.Admin, 204),
            new("PATCH", "/api/tenant/users/{id:int}", $"/api/tenant/users/{a.MemberId}", a.Admin, 200) { Body = Json(new { role = "admin" }) },
            new("DELETE", "/api/tenant/users/{id:int}", $"/api/tenant/users/{a.MemberId}", a.Admin, 204),
            new("DELETE", "/api/coupons/templates/{id:int}", template, a.Admin, 204),
            new("POST", "/api/me/invitations/{id:int}/accept", $"/api/me/invitations/{a.AcceptingId}/accept", a.Accepting, 200) { OwnerName = "invitee" },
            new("POST", "/api/me/invitations/{id:int}/decline", $"/api/me/invitations/{a.DecliningId}/decline", a.Declining, 204) { OwnerName = "invitee" },
            new("POST", "/api/telegram/{publicId:guid}/webhook", $"/api/telegram/{a.WebhookId}/webhook", anonymous, 200)
            {
                Refused = 401, OwnerName = "Telegram (its secret)", Body = Raw(update),
                OwnerSigns = request => request.Headers.Add(TelegramWebhookController.SecretHeader, a.WebhookSecret),
            },
            new("POST", "/api/stripe/webhook/{tenant}", "/api/stripe/webhook/alpha", anonymous, 200)
            {
                Refused = 400, OwnerName = "Stripe (its secret)", Body = Raw(stripeEvent),
                AttackerSigns = request => request.Headers.Add("Stripe-Signature", StripeSignature.Header(stripeEvent, BetaStripeSecret, app.Clock.GetUtcNow())),
                OwnerSigns = request => request.Headers.Add("Stripe-Signature", StripeSignature.Header(stripeEvent, AlphaStripeSecret, app.Clock.GetUtcNow())),
            },
        ];
    }

    /// <summary>
    /// Tenant alpha with one real row of every kind a route names, made through the API (the signal directly), a member,
    /// two pending invitations, a failed delivery and a platform operator; tenant beta, whose admin is the attacker.
    /// </summary>
    private async Task<Alpha> SeedAsync(PromoStackFactory app)
    {
        var admin = await Given.TenantAsync(app, Identity, "user_alpha_admin");
        var beta = await Given.TenantAsync(app, Identity, "user_beta_admin", "beta");
        await Given.MemberAsync(app, Identity, admin, "user_alpha_member");
        (await admin.PostAsJsonAsync("/api/tenant/users", new { email = "user_accepting@example.com", role = "member" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/tenant/users", new { email = "user_declining@example.com", role = "member" })).EnsureSuccessStatusCode();
        await TestDatabase.ExecuteAsync("INSERT INTO platform_operators (clerk_user_id, created_at) VALUES ('user_ops', now())");

        // Alpha's message bot, whose every send fails for good: the welcome reply to the subscriber is a failed delivery to retry.
        Telegram.KnowsBot(Given.MessageBotToken, Given.MessageBotId, "alpha_bot");
        Telegram.Fail(Given.MessageBotToken, "sendMessage", 400, "Bad Request: chat not found");
        (await admin.PutAsJsonAsync("/api/connections/message_bot", new { token = Given.MessageBotToken })).EnsureSuccessStatusCode();
        var webhookId = (await (await admin.GetAsync("/api/connections")).JsonAsync()).EnumerateArray()
            .Single(c => c.GetProperty("role").GetString() == "message_bot").GetProperty("webhookId").GetGuid();
        var webhookSecret = Telegram.Calls("setWebhook").Last().Body.GetProperty("secret_token").GetString()!;
        var start = new JsonObject
        {
            ["update_id"] = 1,
            ["message"] = new JsonObject
            {
                ["message_id"] = 1, ["date"] = 1_700_000_000, ["text"] = "/start",
                ["from"] = new JsonObject { ["id"] = Subscriber, ["is_bot"] = false, ["first_name"] = "Ana", ["username"] = "ana" },
                ["chat"] = new JsonObject { ["id"] = Subscriber, ["type"] = "private", ["first_name"] = "Ana" },
            },
        };
        using (var delivery = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{webhookId}/webhook") { Content = Raw(start.ToJsonString())() })
        {
            delivery.Headers.Add(TelegramWebhookController.SecretHeader, webhookSecret);
            (await app.CreateClient().SendAsync(delivery)).EnsureSuccessStatusCode();
        }

        while (await app.Services.GetRequiredService<TelegramInboxWorker>().RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await app.Services.GetRequiredService<TelegramSenderWorker>().RunOnceAsync(CancellationToken.None);

        var journeyId = (await (await admin.PostAsJsonAsync("/api/journeys", new { name = "Welcome flow", reentryPolicy = "block" }))
            .JsonAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await admin.PutAsJsonAsync($"/api/journeys/{journeyId}/steps", new { steps = new[] { new { type = "message", config = new { text = "Hi" } } } }))
            .EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/journeys/{journeyId}/triggers", new { type = "deep_link", config = new { code = "welcome" } })).EnsureSuccessStatusCode();
        var triggerId = (await (await admin.GetAsync($"/api/journeys/{journeyId}/triggers")).JsonAsync())[0].GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/journeys/{journeyId}/publish", null)).EnsureSuccessStatusCode();

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var campaignId = (await (await admin.PostAsJsonAsync("/api/campaigns", new { title = "Winter contest", startDate = today.AddDays(-1), endDate = today.AddDays(30), prize = "iPad" }))
            .JsonAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetInt32();
        (await admin.PostAsync($"/api/campaigns/{campaignId}/publish", null)).EnsureSuccessStatusCode();
        (await app.CreateClient().PostAsJsonAsync($"/api/public/alpha/campaigns/{campaignId}/entries", new { email = "ana@example.com" })).EnsureSuccessStatusCode();
        var entryId = (await (await admin.GetAsync($"/api/campaigns/{campaignId}/entries")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetInt32();

        var broadcastId = (await (await admin.PostAsJsonAsync("/api/broadcasts", new { message = "New signals today" }))
            .JsonAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var templateId = (await (await admin.PostAsync(
                "/api/coupons/templates",
                TemplateForms.Form(TemplateForms.Template("Spring", [TemplateForms.Size("square")], web: true), ("square", TemplateForms.Png(TemplateForms.Square)))))
            .JsonAsync(System.Net.HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var subscriptionId = (await (await admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "annual", telegramUserId = Subscriber }))
            .JsonAsync()).GetProperty("id").GetInt32();

        int signalId;
        await using (var db = TestDatabase.CreateContext("alpha"))
        {
            var signal = ForexSignal.Open("alpha", SignalDirection.Buy, "15min", new SignalLevels(2000m, 1990m, 2012m, 2020m, 2025m), "{}", app.Clock.GetUtcNow(),
                new SignalOrigin(Instrument.XauUsd, "aggressive", SignalSource.Live, ExitPlan.Default));
            db.ForexSignals.Add(signal);
            await db.SaveChangesAsync();
            signalId = signal.Id;
        }

        foreach (var (tenant, secret) in new[] { ("alpha", AlphaStripeSecret), ("beta", BetaStripeSecret) })
        {
            await app.Services.GetRequiredService<TenantScopes>().RunAsync(
                tenant, (services, _) => StripeWebhooks.SaveSecretsAsync(services, tenant, secret, app.Clock.GetUtcNow()), CancellationToken.None);
        }

        return new Alpha(admin, beta, Given.SignedIn(app, Identity, "user_ops"), Given.SignedIn(app, Identity, "user_accepting"), Given.SignedIn(app, Identity, "user_declining"))
        {
            MemberId = await TestDatabase.ScalarAsync<int>("SELECT id FROM tenant_users WHERE clerk_user_id = 'user_alpha_member'"),
            AcceptingId = await TestDatabase.ScalarAsync<int>("SELECT id FROM tenant_users WHERE email = 'user_accepting@example.com'"),
            DecliningId = await TestDatabase.ScalarAsync<int>("SELECT id FROM tenant_users WHERE email = 'user_declining@example.com'"),
            OutboxId = await TestDatabase.ScalarAsync<long>("SELECT id FROM telegram_outbox WHERE tenant_id = 'alpha' AND status = 'failed' ORDER BY id LIMIT 1"),
            WebhookId = webhookId,
            WebhookSecret = webhookSecret,
            JourneyId = journeyId,
            TriggerId = triggerId,
            CampaignId = campaignId,
            EntryId = entryId,
            BroadcastId = broadcastId,
            TemplateId = templateId,
            SubscriptionId = subscriptionId,
            SignalId = signalId,
        };
    }

    /// <summary>A digest of alpha's rows in every table with a tenant (and of its tenant row), by table.</summary>
    private static async Task<Dictionary<string, string>> AlphaRowsAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        if (_alphaRowsQuery is null)
        {
            await using var build = new NpgsqlCommand(
                """
                SELECT string_agg(format('SELECT %L, md5(coalesce(string_agg(r::text, %L ORDER BY r::text), %L)) FROM %I r WHERE %I = %L',
                                         c.table_name, E'\n', '', c.table_name, c.column_name, 'alpha'), ' UNION ALL ')
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                  AND (c.column_name = 'tenant_id' OR (c.table_name = 'tenants' AND c.column_name = 'id'))
                """,
                connection);
            _alphaRowsQuery = (string)(await build.ExecuteScalarAsync())!;
        }

        await using var command = new NpgsqlCommand(_alphaRowsQuery, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var digests = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            digests[reader.GetString(0)] = reader.GetString(1);
        }

        return digests;
    }

    private static List<string> Changed(Dictionary<string, string> before, Dictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(table => before.GetValueOrDefault(table) != after.GetValueOrDefault(table)).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Parameters(string pattern) => ParameterName().Matches(pattern).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)")]
    private static partial Regex ParameterName();

    private static Func<HttpContent> Json(object body) => () => JsonContent.Create(body, options: JsonSerializerOptions.Web);

    private static Func<HttpContent> Raw(string body) => () => new StringContent(body, Encoding.UTF8, "application/json");

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return body[..Math.Min(body.Length, 300)];
    }

    /// <summary>Alpha's callers and the ids of its rows; beta's admin, the attacker.</summary>
    private sealed record Alpha(HttpClient Admin, HttpClient Beta, HttpClient Operator, HttpClient Accepting, HttpClient Declining)
    {
        public required int MemberId { get; init; }

        public required int AcceptingId { get; init; }

        public required int DecliningId { get; init; }

        public required long OutboxId { get; init; }

        public required Guid WebhookId { get; init; }

        public required string WebhookSecret { get; init; }

        public required Guid JourneyId { get; init; }

        public required Guid TriggerId { get; init; }

        public required int CampaignId { get; init; }

        public required int EntryId { get; init; }

        public required int BroadcastId { get; init; }

        public required int TemplateId { get; init; }

        public required int SubscriptionId { get; init; }

        public required int SignalId { get; init; }
    }

    /// <summary>
    /// A route called with alpha's row: by beta's admin at <see cref="Path"/> (answered <see cref="Refused"/>), then by
    /// <see cref="Owner"/> at <see cref="OwnerPath"/> (answered one of <see cref="OwnerGets"/>), both with a valid body,
    /// so that nothing is refused before the row is looked up.
    /// </summary>
    private sealed record Case(string Method, string Pattern, string Path, HttpClient Owner, params int[] OwnerGets)
    {
        public int Refused { get; init; } = 404;

        public string? OwnerPath { get; init; }

        public string OwnerName { get; init; } = "admin";

        public Func<HttpContent>? Body { get; init; }

        public Action<HttpRequestMessage>? AttackerSigns { get; init; }

        public Action<HttpRequestMessage>? OwnerSigns { get; init; }

        public HttpRequestMessage Attack()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Path) { Content = Body?.Invoke() };
            AttackerSigns?.Invoke(request);
            return request;
        }

        public HttpRequestMessage Prove()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), OwnerPath ?? Path) { Content = Body?.Invoke() };
            OwnerSigns?.Invoke(request);
            return request;
        }
    }
}
