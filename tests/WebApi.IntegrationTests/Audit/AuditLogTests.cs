using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using PromoStack.Application.Subscriptions;
using PromoStack.Infrastructure.Schedules;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace PromoStack.WebApi.IntegrationTests.Audit;

/// <summary>
/// Changes made through the real API behind a known proxy, each recording exactly one entry: the action, who, the
/// tenant, the client's forwarded address, and the fields with no secret anywhere in the row. What fails, and what
/// runs without a signed-in user, records nothing.
/// </summary>
public sealed class AuditLogTests(AppFixture fixture, ClassApp app, FakeStripe stripe)
    : IntegrationTest(fixture), IClassFixture<ClassApp>, IClassFixture<FakeStripe>
{
    private const string AdminId = "user_audit_admin";
    private const string AdminAddress = "203.0.113.10";
    private const string StripeKey = "sk_test_51AuditKeyAbCdEfGhIjKlMnOp";
    private const string WebhookSecret = "whsec_auditsigningsecretabcdefghijkl";
    private const string PartnerHeaderValue = "pk_live_partner-key-that-must-stay-secret-9876";

    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        stripe.Server.Reset();
        await base.InitializeAsync();
        _app = app.ForTest(() => new PromoStackFactory(
            Identity, new Dictionary<string, string?> { ["Proxies:KnownProxies"] = "127.0.0.1", ["Stripe:ApiBase"] = stripe.Server.Url }, telegram: Telegram)
        {
            ConfigureServices = services => services.AddTransient<IStartupFilter, LoopbackPeer>(),
        });
        _admin = await Given.TenantAsync(_app, Identity, AdminId, "alpha");
        _admin.DefaultRequestHeaders.Add("X-Forwarded-For", AdminAddress);
        stripe.Server.Given(Request.Create().WithPath("/v1/balance").UsingGet()).RespondWith(Response.Create()
            .WithHeader("Content-Type", "application/json").WithBody("""{"object":"balance","available":[],"pending":[],"livemode":false}"""));
    }

    [Fact]
    public async Task SettingsAndConnections_EachRecordOneEntry_WithTheirSecretsMasked()
    {
        var tenant = await AuditRows.OfAsync(() => _admin.PutAsJsonAsync("/api/tenant", new { name = "Alpha Signals", timezone = "Europe/London" }));
        var bot = await AuditRows.OfAsync(async () =>
        {
            Telegram.KnowsBot(Given.MessageBotToken, Given.MessageBotId, "alpha_bot");
            return await _admin.PutAsJsonAsync("/api/connections/message_bot", new { token = Given.MessageBotToken });
        });
        var stripeSettings = await AuditRows.OfAsync(() => _admin.PutAsJsonAsync("/api/stripe/settings", new { secretKey = StripeKey, webhookSecret = WebhookSecret }));
        var coupons = await AuditRows.OfAsync(() => _admin.PutAsJsonAsync("/api/coupons/settings", new
        {
            validation = "partner",
            partner = new { urlTemplate = "https://api.partner.example/check?code={code}", headerName = "X-Api-Key", headerValue = PartnerHeaderValue },
            linkTemplate = "https://partner.example/buy?promo={code}",
        }));
        var botConfig = await AuditRows.OfAsync(() => _admin.PutAsJsonAsync("/api/bot-config", new { settings = new { welcome_message = "Welcome aboard!" } }));

        AuditRow[] entries = [tenant, bot, stripeSettings, coupons, botConfig];
        entries.Select(e => e.Action).Should().Equal("UpdateTenant", "SaveConnection", "SaveStripeSettings", "SaveCouponSettings", "UpdateBotConfig");
        entries.Should().AllSatisfy(e => ShouldBeTheAdminsInAlpha(e));
        entries.Should().AllSatisfy(e => e.Whole.Should().NotContain(Given.MessageBotToken).And.NotContain(StripeKey).And.NotContain(WebhookSecret)
            .And.NotContain(PartnerHeaderValue).And.NotContain("secret-part").And.NotContain("AuditKey").And.NotContain("signingsecret"));
        tenant.Fields.GetProperty("name").GetString().Should().Be("Alpha Signals");
        bot.Fields.GetProperty("role").GetString().Should().Be("message_bot");
        bot.Fields.GetProperty("token").GetString().Should().Be("222222222:…mnop");
        stripeSettings.Fields.GetProperty("secretKey").GetString().Should().Be($"sk_test_…{StripeKey[^4..]}");
        stripeSettings.Fields.GetProperty("webhookSecret").GetString().Should().StartWith("whsec_…");
        coupons.Fields.GetProperty("partner").GetProperty("headerName").GetString().Should().Be("X-Api-Key");
        coupons.Fields.GetProperty("partner").GetProperty("headerValue").GetString().Should().Be("pk_live_…9876");
        botConfig.Fields.GetProperty("settings").GetProperty("welcome_message").GetString().Should().Be("Welcome aboard!");
    }

    [Fact]
    public async Task RolesAndInvitations_EachRecordOneEntry_TheAcceptanceAsThePlatformsForItRunsInNoWorkspace()
    {
        var invited = await AuditRows.OfAsync(() => _admin.PostAsJsonAsync("/api/tenant/users", new { email = "Bea@Example.com", role = "member" }));
        var bea = Given.SignedIn(_app, Identity, "user_audit_bea", "bea@example.com");
        bea.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        var invitationId = (await (await bea.GetAsync("/api/me")).JsonAsync()).GetProperty("invitations")[0].GetProperty("id").GetInt32();
        var accepted = await AuditRows.OfAsync(() => bea.PostAsync($"/api/me/invitations/{invitationId}/accept", null));
        var promoted = await AuditRows.OfAsync(() => _admin.PatchAsJsonAsync($"/api/tenant/users/{invitationId}", new { role = "admin" }));
        var removed = await AuditRows.OfAsync(() => _admin.DeleteAsync($"/api/tenant/users/{invitationId}"));

        new[] { invited, promoted, removed }.Select(e => e.Action).Should().Equal("AddTenantUser", "ChangeTenantUserRole", "RemoveTenantUser");
        new[] { invited, promoted, removed }.Should().AllSatisfy(e => ShouldBeTheAdminsInAlpha(e));
        invited.Fields.GetProperty("email").GetString().Should().Be("Bea@Example.com");
        invited.Fields.GetProperty("role").GetString().Should().Be("member");
        promoted.Fields.GetProperty("id").GetInt32().Should().Be(invitationId);
        promoted.Fields.GetProperty("role").GetString().Should().Be("admin");
        accepted.Action.Should().Be("AcceptInvitation");
        accepted.TenantId.Should().BeNull("accepting is tenant-agnostic: the invitee acts in no workspace yet");
        (accepted.UserId, accepted.UserEmail, accepted.UserRole, accepted.ClientAddress).Should().Be(("user_audit_bea", "bea@example.com", null, "198.51.100.7"));
    }

    [Fact]
    public async Task WithoutAForwardedAddress_TheProxysPeerAddressIsRecorded_AndOnboardingIsThePlatforms()
    {
        var onboarding = (await AuditRows.AllAsync()).Should().ContainSingle().Subject;

        onboarding.Action.Should().Be("CreateTenant");
        onboarding.TenantId.Should().BeNull();
        onboarding.Fields.GetProperty("slug").GetString().Should().Be("alpha");
        (onboarding.UserId, onboarding.ClientAddress, onboarding.PlatformOperator).Should().Be((AdminId, "127.0.0.1", false));
    }

    [Fact]
    public async Task GrantsAndRevokes_EachRecordOneEntry()
    {
        var granted = await AuditRows.OfAsync(() => _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "annual", telegramUserId = 77 }));
        var id = (await (await _admin.GetAsync("/api/subscriptions")).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetInt32();
        var revoked = await AuditRows.OfAsync(() => _admin.PostAsync($"/api/subscriptions/{id}/revoke", null));

        ShouldBeTheAdminsInAlpha(granted);
        ShouldBeTheAdminsInAlpha(revoked);
        granted.Action.Should().Be("GrantSubscription");
        granted.Fields.GetProperty("email").GetString().Should().Be("vip@example.com");
        granted.Fields.GetProperty("plan").GetString().Should().Be("annual");
        revoked.Action.Should().Be("RevokeSubscription");
        revoked.Fields.GetProperty("id").GetInt32().Should().Be(id);
    }

    [Fact]
    public async Task PublishingAndStoppingAJourney_AndABroadcast_EachRecordOneEntry()
    {
        var created = await AuditRows.OfAsync(() => _admin.PostAsJsonAsync("/api/journeys", new { name = "Welcome flow" }));
        var id = (await (await _admin.GetAsync("/api/journeys")).JsonAsync())[0].GetProperty("id").GetGuid();
        var steps = await AuditRows.OfAsync(() => _admin.PutAsJsonAsync($"/api/journeys/{id}/steps", new { steps = new[] { new { type = "message", config = new { text = "Hi" } } } }));
        var trigger = await AuditRows.OfAsync(() => _admin.PostAsJsonAsync($"/api/journeys/{id}/triggers", new { type = "deep_link", config = new { code = "welcome" } }));
        var published = await AuditRows.OfAsync(() => _admin.PostAsync($"/api/journeys/{id}/publish", null));
        var stopped = await AuditRows.OfAsync(() => _admin.PostAsync($"/api/journeys/{id}/stop", null));
        await Given.MessageBotAsync(_admin, Telegram, "alpha_bot");
        var broadcast = await AuditRows.OfAsync(() => _admin.PostAsJsonAsync("/api/broadcasts", new { message = "<b>New signals</b> today", audience = "all" }));

        AuditRow[] entries = [created, steps, trigger, published, stopped, broadcast];
        entries.Select(e => e.Action).Should().Equal("CreateJourney", "ReplaceJourneySteps", "AddJourneyTrigger", "PublishJourney", "StopJourney", "CreateBroadcast");
        entries.Should().AllSatisfy(e => ShouldBeTheAdminsInAlpha(e));
        steps.Fields.GetProperty("steps")[0].GetProperty("config").GetProperty("text").GetString().Should().Be("Hi");
        trigger.Fields.GetProperty("config").GetProperty("code").GetString().Should().Be("welcome");
        published.Fields.GetProperty("id").GetGuid().Should().Be(id);
        broadcast.Fields.GetProperty("message").GetString().Should().Be("<b>New signals</b> today");
    }

    [Fact]
    public async Task ExportsAndListsOfPersonalData_AreRecorded_PlainReadsAreNot()
    {
        (await _admin.PostAsJsonAsync("/api/journeys", new { name = "Quiz" })).EnsureSuccessStatusCode();
        var id = (await (await _admin.GetAsync("/api/journeys")).JsonAsync())[0].GetProperty("id").GetGuid();

        var export = await AuditRows.OfAsync(() => _admin.GetAsync($"/api/journeys/{id}/answers.csv"));
        var subscribers = await AuditRows.OfAsync(() => _admin.GetAsync("/api/subscriptions?page=2&pageSize=10"));
        var before = (await AuditRows.AllAsync()).Count;
        foreach (var read in new[] { "/api/journeys", $"/api/journeys/{id}", "/api/tenant", "/api/tenant/users", "/api/stripe/settings", "/api/audit", "/api/me" })
        {
            (await _admin.GetAsync(read)).EnsureSuccessStatusCode();
        }

        ShouldBeTheAdminsInAlpha(export);
        export.Action.Should().Be("ExportJourneyAnswers");
        export.Fields.GetProperty("id").GetGuid().Should().Be(id);
        subscribers.Action.Should().Be("ListSubscriptions");
        subscribers.Fields.GetProperty("page").GetInt32().Should().Be(2);
        (await AuditRows.AllAsync()).Should().HaveCount(before, "reading settings, journeys or the log itself records nothing");
    }

    [Fact]
    public async Task AChangeThatFails_RecordsNothing()
    {
        var member = await Given.MemberAsync(_app, Identity, _admin, "user_audit_member");
        var before = await AuditRows.AllAsync();

        await (await _admin.PutAsJsonAsync("/api/stripe/settings", new { secretKey = "pk_test_notasecretkey" })).ShouldHaveFieldErrorAsync("secretKey");
        await (await _admin.PostAsJsonAsync("/api/broadcasts", new { message = "No bot yet" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await _admin.PostAsync($"/api/journeys/{Guid.NewGuid()}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await member.PutAsJsonAsync("/api/tenant", new { name = "Taken over", timezone = "UTC" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        stripe.Server.Given(Request.Create().WithPath("/v1/balance").UsingGet()).AtPriority(0).RespondWith(Response.Create().WithStatusCode(401)
            .WithHeader("Content-Type", "application/json").WithBody("""{"error":{"message":"Invalid API Key provided","type":"invalid_request_error"}}"""));
        await (await _admin.PutAsJsonAsync("/api/stripe/settings", new { secretKey = StripeKey })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "monthly" })).EnsureSuccessStatusCode();
        var afterGrant = await AuditRows.AllAsync();
        await (await _admin.PostAsJsonAsync("/api/subscriptions/grant", new { email = "vip@example.com", plan = "monthly" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        afterGrant.Should().HaveCount(before.Count + 1, "only the grant that succeeded is recorded");
        (await AuditRows.AllAsync()).Select(r => r.Id).Should().Equal(afterGrant.Select(r => r.Id));
    }

    [Fact]
    public async Task WorkWithoutASignedInUser_IsNotRecorded()
    {
        var campaign = await (await _admin.PostAsJsonAsync("/api/campaigns", new { title = "Spring draw", startDate = Today(), endDate = Today(days: 7) }))
            .JsonAsync(HttpStatusCode.Created);
        var id = campaign.GetProperty("id").GetInt32();
        (await _admin.PostAsync($"/api/campaigns/{id}/publish", null)).EnsureSuccessStatusCode();
        var before = await AuditRows.AllAsync();

        _app.Clock.Advance(TimeSpan.FromHours(1));
        await _app.Services.GetRequiredService<ScheduleRunner>().RunDueAsync(CancellationToken.None);
        var entry = await _app.CreateClient().PostAsJsonAsync($"/api/public/alpha/campaigns/{id}/entries", new { email = "entrant@example.com" });
        await _app.Services.GetRequiredService<TenantScopes>().RunAsync(
            "alpha", async (services, ct) => await services.GetRequiredService<ISender>().Send(new SweepSubscriptions(), ct), CancellationToken.None);

        entry.StatusCode.Should().Be(HttpStatusCode.Accepted, await entry.Content.ReadAsStringAsync());
        (await (await _admin.GetAsync($"/api/campaigns/{id}")).JsonAsync()).GetProperty("status").GetString().Should().Be("active", "the schedule started it");
        (await AuditRows.AllAsync()).Select(r => r.Id).Should().Equal(before.Select(r => r.Id), "the schedules, a public entry and a worker's sweep have no user to record");
    }

    private string Today(int days = 0) =>
        DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void ShouldBeTheAdminsInAlpha(AuditRow entry)
    {
        entry.TenantId.Should().Be("alpha", entry.Action);
        entry.UserId.Should().Be(AdminId, entry.Action);
        entry.UserEmail.Should().Be($"{AdminId}@example.com", entry.Action);
        entry.UserRole.Should().Be("admin", entry.Action);
        entry.PlatformOperator.Should().BeFalse(entry.Action);
        entry.ClientAddress.Should().Be(AdminAddress, entry.Action);
    }

    /// <summary>The test server sees no peer address; Kestrel behind a proxy on the same host sees 127.0.0.1.</summary>
    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
