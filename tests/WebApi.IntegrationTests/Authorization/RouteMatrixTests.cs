using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Authorization;

/// <summary>
/// Every route the app has, with the least identity it lets in, checked against who actually gets in: anonymous, a
/// signed-in user of no tenant, a member, an admin, another tenant's admin (on the first tenant's ids) and a platform
/// operator. A route the table lacks, or a table line whose route is gone, fails the test: a new endpoint is not done
/// until someone has said who may call it. No call may answer 5xx.
/// </summary>
public sealed class RouteMatrixTests(AppFixture fixture, ClassApp classApp) : IntegrationTest(fixture), IClassFixture<ClassApp>, IDisposable
{
    /// <summary>An id no row has: where creating a real row costs too much, everyone let in gets its 404.</summary>
    private const string MadeUpInt = "987654";

    private const string MadeUpGuid = "5f0e9c4e-8d7b-4c1a-9a3e-2b6f1d0c7e55";

    private readonly string _build = Directory.CreateTempSubdirectory("promostack-app-").FullName;

    /// <summary>Who may call a route, at least; everyone above is let in too (the operator only where said).</summary>
    public enum Least
    {
        /// <summary>Anyone, no token (public endpoints, the app, health, the API reference).</summary>
        Anonymous,

        /// <summary>A signed-in user, with a tenant or none.</summary>
        SignedIn,

        /// <summary>A member of a tenant (admins too).</summary>
        Member,

        /// <summary>An admin of a tenant.</summary>
        Admin,

        /// <summary>A platform operator only.</summary>
        Operator,

        /// <summary>No user at all: a webhook authenticated by its own secret or signature, which none of the callers has.</summary>
        WebhookSecret,

        /// <summary>Development sign-in only: a 404 here, for everyone.</summary>
        DevOnly,
    }

    /// <summary>Every route with the least identity it lets in; <see cref="RealIdsTests"/> reads it too.</summary>
    internal static readonly (string Method, string Pattern, Least Least)[] Table =
    [
        ("GET", "/api/audience/summary", Least.Member),
        ("GET", "/api/audience/users", Least.Admin),
        ("GET", "/api/audience/users/{telegramUserId:long}", Least.Admin),
        ("GET", "/api/audience/vip-members", Least.Admin),
        ("GET", "/api/audit", Least.Admin),
        ("GET", "/api/bot-config", Least.Member),
        ("PUT", "/api/bot-config", Least.Admin),
        ("GET", "/api/broadcasts", Least.Member),
        ("POST", "/api/broadcasts", Least.Admin),
        ("GET", "/api/broadcasts/audience", Least.Member),
        ("GET", "/api/broadcasts/{id:int}", Least.Member),
        ("POST", "/api/broadcasts/{id:int}/cancel", Least.Admin),
        ("GET", "/api/campaigns", Least.Member),
        ("POST", "/api/campaigns", Least.Admin),
        ("DELETE", "/api/campaigns/{id:int}", Least.Admin),
        ("GET", "/api/campaigns/{id:int}", Least.Member),
        ("PUT", "/api/campaigns/{id:int}", Least.Admin),
        ("POST", "/api/campaigns/{id:int}/draw", Least.Admin),
        ("POST", "/api/campaigns/{id:int}/end", Least.Admin),
        ("GET", "/api/campaigns/{id:int}/entries", Least.Admin),
        ("GET", "/api/campaigns/{id:int}/entries.csv", Least.Admin),
        ("POST", "/api/campaigns/{id:int}/entries/{entryId:int}/disqualify", Least.Admin),
        ("POST", "/api/campaigns/{id:int}/publish", Least.Admin),
        ("GET", "/api/config", Least.Anonymous),
        ("GET", "/api/connections", Least.Member),
        ("DELETE", "/api/connections/{role:regex(^(signal_bot|message_bot|coupon_bot)$)}", Least.Admin),
        ("PUT", "/api/connections/{role:regex(^(signal_bot|message_bot|coupon_bot)$)}", Least.Admin),
        ("POST", "/api/connections/{role:regex(^(signal_bot|message_bot|coupon_bot)$)}/test", Least.Admin),
        ("GET", "/api/coupons/analytics", Least.Member),
        ("GET", "/api/coupons/codes", Least.Member),
        ("PUT", "/api/coupons/codes", Least.Admin),
        ("GET", "/api/coupons/failures", Least.Member),
        ("GET", "/api/coupons/failures.csv", Least.Admin),
        ("GET", "/api/coupons/settings", Least.Admin),
        ("PUT", "/api/coupons/settings", Least.Admin),
        ("GET", "/api/coupons/templates", Least.Member),
        ("POST", "/api/coupons/templates", Least.Admin),
        ("DELETE", "/api/coupons/templates/{id:int}", Least.Admin),
        ("GET", "/api/coupons/templates/{id:int}", Least.Member),
        ("PUT", "/api/coupons/templates/{id:int}", Least.Admin),
        ("GET", "/api/coupons/templates/{id:int}/images/{image}", Least.Member),
        ("POST", "/api/coupons/templates/{id:int}/preview", Least.Member),
        ("GET", "/api/coupons/users/{chatId:long}", Least.Admin),
        ("GET", "/api/crosspromo/jobs", Least.Member),
        ("POST", "/api/crosspromo/preview", Least.Member),
        ("GET", "/api/crosspromo/settings", Least.Member),
        ("PUT", "/api/crosspromo/settings", Least.Admin),
        ("POST", "/api/crosspromo/test", Least.Admin),
        ("GET", "/api/dashboard", Least.Member),
        ("POST", "/api/dev/sign-in", Least.DevOnly),
        ("GET", "/api/forex/analytics", Least.Member),
        ("POST", "/api/forex/backtest", Least.Member),
        ("GET", "/api/forex/check", Least.Member),
        ("POST", "/api/forex/check", Least.Admin),
        ("GET", "/api/forex/config", Least.Member),
        ("PUT", "/api/forex/config", Least.Admin),
        ("GET", "/api/forex/signals", Least.Member),
        ("GET", "/api/forex/signals/{id:int}", Least.Member),
        ("POST", "/api/forex/signals/{id:int}/close", Least.Admin),
        ("GET", "/api/import", Least.Admin),
        ("GET", "/api/import/cutover", Least.Admin),
        ("GET", "/api/journeys", Least.Member),
        ("POST", "/api/journeys", Least.Admin),
        ("DELETE", "/api/journeys/{id:guid}", Least.Admin),
        ("GET", "/api/journeys/{id:guid}", Least.Member),
        ("PUT", "/api/journeys/{id:guid}", Least.Admin),
        ("GET", "/api/journeys/{id:guid}/analytics", Least.Member),
        ("GET", "/api/journeys/{id:guid}/answers.csv", Least.Admin),
        ("POST", "/api/journeys/{id:guid}/duplicate", Least.Admin),
        ("POST", "/api/journeys/{id:guid}/publish", Least.Admin),
        ("GET", "/api/journeys/{id:guid}/sessions", Least.Member),
        ("PUT", "/api/journeys/{id:guid}/steps", Least.Admin),
        ("POST", "/api/journeys/{id:guid}/stop", Least.Admin),
        ("GET", "/api/journeys/{id:guid}/triggers", Least.Member),
        ("POST", "/api/journeys/{id:guid}/triggers", Least.Admin),
        ("DELETE", "/api/journeys/{id:guid}/triggers/{triggerId:guid}", Least.Admin),
        ("GET", "/api/leads", Least.Member),
        ("GET", "/api/me", Least.SignedIn),
        ("POST", "/api/me/invitations/{id:int}/accept", Least.SignedIn),
        ("POST", "/api/me/invitations/{id:int}/decline", Least.SignedIn),
        ("DELETE", "/api/me/workspace", Least.Member),
        ("GET", "/api/platform/tenants", Least.Operator),
        ("GET", "/api/platform/tenants/health", Least.Operator),
        ("GET", "/api/platform/tenants/{tenantId}/overview", Least.Operator),
        ("POST", "/api/public/{tenant}/campaigns/{id:int}/entries", Least.Anonymous),
        ("POST", "/api/public/{tenant}/checkout", Least.Anonymous),
        ("GET", "/api/public/{tenant}/coupon-templates/{id:int}/{size}", Least.Anonymous),
        ("POST", "/api/public/{tenant}/coupons/images", Least.Anonymous),
        ("GET", "/api/public/{tenant}/coupons/templates", Least.Anonymous),
        ("GET", "/api/sandbox/{role:regex(^(signal_bot|message_bot|coupon_bot)$)}/images/{id:long}", Least.Admin),
        ("GET", "/api/sandbox/{role:regex(^(signal_bot|message_bot|coupon_bot)$)}/messages", Least.Admin),
        ("POST", "/api/sandbox/{role:regex(^(signal_bot|message_bot|coupon_bot)$)}/messages", Least.Admin),
        ("GET", "/api/setup", Least.Member),
        ("GET", "/api/stripe/products", Least.Member),
        ("GET", "/api/stripe/settings", Least.Admin),
        ("PUT", "/api/stripe/settings", Least.Admin),
        ("POST", "/api/stripe/sync", Least.Admin),
        ("POST", "/api/stripe/webhook/{tenant}", Least.WebhookSecret),
        ("GET", "/api/subscriptions", Least.Member),
        ("POST", "/api/subscriptions/grant", Least.Admin),
        ("GET", "/api/subscriptions/metrics", Least.Member),
        ("GET", "/api/subscriptions/metrics/daily", Least.Member),
        ("GET", "/api/subscriptions/{id:int}", Least.Member),
        ("GET", "/api/subscriptions/{id:int}/detail", Least.Member),
        ("POST", "/api/subscriptions/{id:int}/revoke", Least.Admin),
        ("GET", "/api/telegram/outbox", Least.Member),
        ("POST", "/api/telegram/outbox/{id:long}/retry", Least.Admin),
        ("POST", "/api/telegram/{publicId:guid}/webhook", Least.WebhookSecret),
        ("GET", "/api/tenant", Least.Member),
        ("PUT", "/api/tenant", Least.Admin),
        ("GET", "/api/tenant/users", Least.Admin),
        ("POST", "/api/tenant/users", Least.Admin),
        ("DELETE", "/api/tenant/users/{id:int}", Least.Admin),
        ("GET", "/api/tenant/users/{id:int}", Least.Admin),
        ("PATCH", "/api/tenant/users/{id:int}", Least.Admin),
        ("POST", "/api/tenants", Least.SignedIn),
        ("GET", "/app", Least.Anonymous),
        ("HEAD", "/app", Least.Anonymous),
        ("GET", "/app/{**path:file}", Least.Anonymous),
        ("HEAD", "/app/{**path:file}", Least.Anonymous),
        ("GET", "/app/{**path:nonfile}", Least.Anonymous),
        ("HEAD", "/app/{**path:nonfile}", Least.Anonymous),
        ("GET", "/docs/favicon.svg", Least.Anonymous),
        ("GET", "/docs/scalar.aspnetcore.js", Least.Anonymous),
        ("GET", "/docs/scalar.js", Least.Anonymous),
        ("GET", "/docs/{documentName?}", Least.Anonymous),
        ("*", "/health/live", Least.Anonymous),
        ("*", "/health/ready", Least.Anonymous),
        ("GET", "/openapi/{documentName}.json", Least.Anonymous),
    ];

    /// <summary>Route values that are no row of anyone's: a bot role, an image name, a size, a document.</summary>
    internal static readonly Dictionary<string, string> Values = new()
    {
        ["role"] = "message_bot",
        ["image"] = "background",
        ["size"] = "square",
        ["documentName"] = "v1",
        ["path"] = "signals",
    };

    public void Dispose() => Directory.Delete(_build, recursive: true);

    [Fact]
    public async Task EveryRoute_IsInTheTable_AndLetsInOnlyWhomTheTableSays()
    {
        var app = App();
        var routes = Routes(app);
        var table = Table.Select(line => (line.Method, line.Pattern)).ToList();
        var missing = routes.Except(table).ToList();
        var gone = table.Except(routes).ToList();
        missing.Should().BeEmpty("every route needs a line in the table, e.g.{0}{1}", Environment.NewLine,
            string.Join(Environment.NewLine, missing.Select(r => $"        (\"{r.Method}\", \"{r.Pattern}\", Least.Admin),")));
        gone.Should().BeEmpty("every line in the table is a route of the app");
        table.Should().OnlyHaveUniqueItems();

        var forms = Forms(app);
        var callers = await CallersAsync(app);
        var failures = new List<string>();
        // Deletions last, leaving one's own workspace the very last: until then every caller keeps the rows and the membership it started with.
        foreach (var (method, pattern, least) in Table.OrderBy(line => line.Method != "DELETE" ? 0 : line.Pattern == "/api/me/workspace" ? 2 : 1))
        {
            var (path, hasTenantAIds) = Fill(pattern, callers.Ids);
            foreach (var caller in callers.InOrder)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method == "*" ? "GET" : method), path);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = forms.Contains((method, pattern))
                        ? new MultipartFormDataContent()
                        : new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await caller.Client.SendAsync(request);
                var status = (int)response.StatusCode;
                var verdict = Judge(least, caller.Who, status, hasTenantAIds);
                if (verdict is not null)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.Add($"{method} {path} as {caller.Who}: {status} — {verdict}: {body[..Math.Min(body.Length, 300)]}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    /// <summary>What is wrong with <paramref name="status"/> for <paramref name="who"/> on a route of <paramref name="least"/>; null when nothing.</summary>
    private static string? Judge(Least least, Who who, int status, bool hasTenantAIds)
    {
        // 503 is an answer some routes document (a dependency not configured here: the market-data provider); any other 5xx is a fault.
        if (status >= 500 && status != 503)
        {
            return "a server error";
        }

        var refused = status is 401 or 403;
        switch (least)
        {
            case Least.DevOnly:
                return status == 404 ? null : "expected 404: development sign-in is off";
            case Least.WebhookSecret:
                return status is >= 200 and < 300 ? "let in without the webhook's secret" : null;
            case Least.Anonymous:
                return refused ? "refused on an anonymous route" : null;
        }

        var allowed = (least, who) switch
        {
            (_, Who.Anonymous) => false,
            (Least.SignedIn, _) => true,
            (Least.Member, Who.Member or Who.Admin or Who.OtherAdmin) => true,
            (Least.Admin, Who.Admin or Who.OtherAdmin) => true,
            (Least.Operator, Who.Operator) => true,
            _ => false,
        };
        if (!allowed)
        {
            var expected = who == Who.Anonymous ? 401 : 403;
            return status == expected ? null : $"expected {expected}";
        }

        if (who == Who.OtherAdmin && hasTenantAIds)
        {
            return status is >= 200 and < 300 ? "another tenant's admin reached tenant alpha's row"
                : refused || status is 400 or 404 or 405 or 415 or 422 ? null : "expected 404";
        }

        return refused ? "refused a caller the table lets in" : null;
    }

    /// <summary>Every route as method (<c>*</c> for any) and pattern with a leading slash.</summary>
    private static List<(string Method, string Pattern)> Routes(PromoStackFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                return methods.Select(method => (method, pattern));
            })
            .Distinct()
            .OrderBy(r => r.pattern, StringComparer.Ordinal).ThenBy(r => r.method, StringComparer.Ordinal)
            .ToList();

    /// <summary>The routes that take a form, not JSON (routing answers any other body 415, before authorization).</summary>
    private static HashSet<(string Method, string Pattern)> Forms(PromoStackFactory app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => (method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))))];

    /// <summary>The route's values filled with tenant alpha's rows (or made-up ids); whether any of them is alpha's.</summary>
    private static (string Path, bool HasTenantAIds) Fill(string pattern, IReadOnlyDictionary<string, string> ids)
    {
        var alpha = false;
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*{0,2}(?<name>[A-Za-z]+)(?<rest>[^}]*)\}", match =>
        {
            var name = match.Groups["name"].Value;
            var rest = match.Groups["rest"].Value;
            if (ids.TryGetValue($"{pattern}#{name}", out var real) || ids.TryGetValue(name, out real))
            {
                alpha = true;
                return real;
            }

            return rest.Contains(":file", StringComparison.Ordinal) ? "assets/index-3f9a1c.js"
                : Values.TryGetValue(name, out var value) ? value
                : rest.Contains("guid", StringComparison.Ordinal) ? MadeUpGuid
                : MadeUpInt;
        });
        return (path, alpha);
    }

    private async Task<Callers> CallersAsync(PromoStackFactory app)
    {
        var admin = await Given.TenantAsync(app, Identity, "user_alpha_admin");
        var member = await Given.MemberAsync(app, Identity, admin, "user_alpha_member");
        var other = await Given.TenantAsync(app, Identity, "user_beta_admin", "beta");
        await TestDatabase.ExecuteAsync("INSERT INTO platform_operators (clerk_user_id, created_at) VALUES ('user_ops', now())");
        (await admin.PostAsJsonAsync("/api/tenant/users", new { email = "invitee@example.com", role = "member" })).EnsureSuccessStatusCode();
        var invitee = await TestDatabase.ScalarAsync<int>("SELECT id FROM tenant_users WHERE email = 'invitee@example.com'");
        var ids = new Dictionary<string, string>
        {
            ["tenant"] = "alpha",
            ["tenantId"] = "alpha",
            ["/api/tenant/users/{id:int}#id"] = invitee.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        // The admin of tenant alpha goes last: what it deletes is gone for nobody but itself.
        return new Callers(
        [
            new(Who.Anonymous, app.CreateClient()),
            new(Who.SignedIn, Given.SignedIn(app, Identity, "user_nobody")),
            new(Who.Member, member),
            new(Who.Operator, Given.SignedIn(app, Identity, "user_ops")),
            new(Who.OtherAdmin, other),
            new(Who.Admin, admin),
        ], ids);
    }

    private PromoStackFactory App() => classApp.ForTest(() =>
    {
        Directory.CreateDirectory(Path.Combine(_build, "assets"));
        File.WriteAllText(Path.Combine(_build, "index.html"), "<!doctype html><html><body><div id=\"root\"></div></body></html>");
        File.WriteAllText(Path.Combine(_build, "assets", "index-3f9a1c.js"), "console.log('app');");
        return new PromoStackFactory(Identity, new Dictionary<string, string?> { ["AdminApp:Path"] = _build }, telegram: Telegram);
    });

    private enum Who
    {
        Anonymous,
        SignedIn,
        Member,
        Operator,
        OtherAdmin,
        Admin,
    }

    private sealed record Caller(Who Who, HttpClient Client);

    private sealed record Callers(IReadOnlyList<Caller> InOrder, IReadOnlyDictionary<string, string> Ids);
}
