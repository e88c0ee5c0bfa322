using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PromoStack.Cli;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using PromoStack.WebApi.IntegrationTests.Startup;

namespace PromoStack.WebApi.IntegrationTests.Import;

/// <summary>
/// <c>./promostack import</c> against a database of the original system built from its schema description (the
/// fixture's two tenants, their quirks and deliberately bad rows; see <c>tests/TestData/OriginalSystem/README.md</c>),
/// then the product used on the result through its API.
/// </summary>
public sealed class ImportTests(AppFixture fixture) : IntegrationTest(fixture), IAsyncLifetime
{
    private const string Apex = "tenant-3fa9c2d1";
    private OriginalSystemDatabase _original = null!;
    private readonly string _reportPath = Path.Combine(Path.GetTempPath(), $"import-report-{Guid.NewGuid():N}.json");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _original = await OriginalSystemDatabase.CreateAsync();
    }

    public override async Task DisposeAsync()
    {
        await _original.DisposeAsync();
        File.Delete(_reportPath);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task ADryRun_ReadsAndMapsEverything_AndWritesNothing()
    {
        var run = await ImportAsync("--dry-run");

        run.ExitCode.Should().Be(ImportCommand.QuarantinedRows, run.Output + run.Error);
        run.Output.Should().Contain("DRY RUN").And.Contain("Tenant tenant_3fa9c2d1 → tenant-3fa9c2d1: would_import");
        foreach (var table in new[] { "tenants", "tenant_users", "tenant_bot_connections", "forex_signals", "telegram_subscriptions", "bot_users", "processed_webhook_events", "import_quarantine", "tenant_imports" })
        {
            (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM {table}")).Should().Be(0, $"a dry run writes nothing to {table}");
        }

        var report = Report();
        var entrylab = Tenant(report, "entrylab");
        entrylab.GetProperty("outcome").GetString().Should().Be("would_import");
        Table(entrylab, "forex_signals").GetProperty("found").GetInt64().Should().Be(10);
        Table(entrylab, "forex_signals").GetProperty("imported").GetInt64().Should().Be(7, "draft, broadcast_failed and the unknown status are quarantined");
        Table(entrylab, "forex_signals").GetProperty("quarantined").GetInt64().Should().Be(3);
        Quarantined(entrylab).Should().Contain(q => q.Contains("forex_signals 10") && q.Contains("Unknown status 'weird'"))
            .And.Contain(q => q.Contains("telegram_subscriptions 12") && q.Contains("on_hold"))
            .And.Contain(q => q.Contains("tenant_integrations 2") && q.Contains("not an object"));
        report.GetProperty("orphans").EnumerateArray().Select(o => $"{o.GetProperty("table").GetString()} {o.GetProperty("key").GetString()}")
            .Should().BeEquivalentTo("bot_users 6000000999", "bot_usage 12", "submissions 4");
        report.GetProperty("serverTimeZone").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task TheImport_BringsEachTenantOver_WithSecretsEncrypted_AndQuarantinesWhatCannotBeMapped()
    {
        var run = await ImportAsync();

        run.ExitCode.Should().Be(ImportCommand.QuarantinedRows, run.Output + run.Error);
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(id || ':' || name || ':' || timezone, ',' ORDER BY id) FROM tenants"))
            .Should().Be($"entrylab:EntryLab:Europe/London,{Apex}:Apex Gold:America/New_York");
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(clerk_user_id || '=' || role, ',' ORDER BY id) FROM tenant_users WHERE tenant_id = 'entrylab'"))
            .Should().Be("user_2FakeEntrylabOwner0001=admin,user_2FakeEntrylabAdmin0002=admin,user_2FakeEntrylabMembr0003=member");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections")).Should().Be(4);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_bot_connections WHERE bot_token LIKE '%Fake%' OR webhook_secret LIKE '%Fake%'"))
            .Should().Be(0, "tokens are encrypted and the original's webhook secrets are not kept");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_stripe_settings WHERE secret_key LIKE 'sk_%' OR webhook_secret LIKE 'whsec_%'")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM import_quarantine WHERE row::text ~ '(AAFake|sk_test_|whsec_|pk_test_)'"))
            .Should().Be(0, "a quarantined row keeps no secret");
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(source_table || ' ' || source_key, ',' ORDER BY source_table, source_key) FROM import_quarantine WHERE tenant_id IS NULL"))
            .Should().Be("bot_usage 12,bot_users 6000000999,submissions 4", "orphans are kept with no tenant");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM imported_rows WHERE tenant_id = 'entrylab' AND source_table = 'forex_signals'")).Should().Be(7);

        var settings = await TestDatabase.ScalarAsync<string>(
            "SELECT string_agg(setting_key || '=' || setting_value, ',' ORDER BY setting_key) FROM forex_config WHERE tenant_id = 'entrylab' AND setting_key IN ('active_strategy', 'adx_min', 'aggressive_sl_atr', 'cooldown_minutes', 'rsi_oversold')");
        settings.Should().Be("active_strategy=trend_pullback,adx_min=15,aggressive_sl_atr=2.0,cooldown_minutes=30,rsi_oversold=40");
        (await TestDatabase.ScalarAsync<string>($"SELECT setting_value FROM forex_config WHERE tenant_id = '{Apex}' AND setting_key = 'experimental_flag'"))
            .Should().NotBeNull("a key PromoStack does not know is kept");
        (await TestDatabase.ScalarAsync<string>("SELECT enabled || ' ' || to_char(morning_post_time_local, 'HH24:MI') || ' ' || timezone FROM tenant_crosspromo_settings WHERE tenant_id = 'entrylab'"))
            .Should().BeOneOf(["true 07:00 Europe/London", "true 08:00 Europe/London"], "07:00 UTC is 07:00 or 08:00 in London, by season");
    }

    [Fact]
    public async Task AnImportedTenant_IsUsedThroughTheApi_BySignalsSubscribersAndTheStripeLedger()
    {
        (await ImportAsync()).ExitCode.Should().Be(ImportCommand.QuarantinedRows);
        var owner = ClientWith(Identity.Token("user_2FakeEntrylabOwner0001", "niall@entrylab.io"));

        var signals = (await (await owner.GetAsync("/api/forex/signals?pageSize=50")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        signals.Should().HaveCount(7);
        var analytics = await (await owner.GetAsync("/api/forex/analytics?from=2025-01-01T00:00:00Z&to=2026-06-01T00:00:00Z")).JsonAsync();
        analytics.GetProperty("total").GetProperty("signals").GetInt32().Should().Be(6, "the six imported closed signals count in the analytics (the open one not yet)");
        var won = signals.Single(s => s.GetProperty("originalResultPips").ValueKind == JsonValueKind.Number && s.GetProperty("originalResultPips").GetDecimal() == 160.00m);
        won.GetProperty("targetsHit").GetInt32().Should().Be(3);
        won.GetProperty("status").GetString().Should().Be("tp3_hit");
        won.GetProperty("resultPips").GetDecimal().Should().BePositive("recomputed with the weighted rule");
        signals.Count(s => s.GetProperty("status").GetString() is "active" or "tp1_hit" or "tp2_hit").Should().Be(1, "the original's one pending signal is open");

        var active = await (await owner.GetAsync("/api/subscriptions?status=active&pageSize=50")).JsonAsync();
        active.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("email").GetString()).Should().BeEquivalentTo(
            "sam.trader@example.com", "priya.annual@example.com", "lifetime.lee@example.com", "convert.jo@example.com", "pending.paid@example.com",
            "left.vip@example.com", "failed.card@example.com");
        var lifetime = active.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("email").GetString() == "lifetime.lee@example.com");
        lifetime.GetProperty("plan").GetString().Should().Be("lifetime");
        (await (await owner.GetAsync("/api/import")).JsonAsync()).GetProperty("report").GetProperty("tenantId").GetString().Should().Be("entrylab");

        var apexSecret = "whsec_FakeApexGoldWebhookSecret0123456789abcdef";
        var now = Factory.Clock.GetUtcNow();
        var body = StripeWebhooks.Event("evt_1FakeCheckoutCompleted0001", "checkout.session.completed", new System.Text.Json.Nodes.JsonObject { ["id"] = "cs_test_1", ["object"] = "checkout.session" }, now);
        var again = await StripeWebhooks.PostAsync(Anonymous(), body, apexSecret, now, Apex);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).Should().Contain("duplicate", "the original already applied this event");
    }

    [Fact]
    public async Task Journeys_ComeOverWithTheirStepIds_PublishedWhenTheyPassTheRules_AndTheDeepLinkStartsOne()
    {
        (await ImportAsync()).ExitCode.Should().Be(ImportCommand.QuarantinedRows);

        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(name || '=' || is_active, ',' ORDER BY name) FROM journeys WHERE tenant_id = 'entrylab'"))
            .Should().Be("Broker Sign Up=false,Gold deep-link welcome=true,Payment follow-up=false,VIP keyword=true", string.Join(" | ", Tenant(Report(), "entrylab").GetProperty("notes").EnumerateArray().Select(n => n.GetString())));
        (await TestDatabase.ScalarAsync<bool>($"SELECT is_active FROM journeys WHERE id = 'a1000000-0000-4000-8000-000000000005'"))
            .Should().BeFalse("its branch leads to a step that does not exist, so it cannot pass the rules");
        Tenant(Report(), Apex).GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should()
            .Contain(n => n!.Contains("Apex gold funnel") && n.Contains("does not exist"));
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM journey_steps WHERE id = 'a3000000-0000-4000-8000-000000000004'"))
            .Should().Be(1, "step ids are kept, so running sessions stay where they were");
        (await TestDatabase.ScalarAsync<string>("SELECT status || ':' || current_step_id FROM journey_user_sessions WHERE journey_id = 'a1000000-0000-4000-8000-000000000001' AND telegram_chat_id = 5000000007"))
            .Should().Be("awaiting_reply:a3000000-0000-4000-8000-000000000004");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM journey_scheduled_messages WHERE status = 'pending'"))
            .Should().BeGreaterThanOrEqualTo(2, "the waiting delay and the awaited reply have their timers");

        await SayToMessageBotAsync("entrylab", 777, "/start gold");

        (await TestDatabase.ScalarAsync<string>("SELECT payload::text FROM telegram_outbox WHERE tenant_id = 'entrylab' ORDER BY id DESC LIMIT 1"))
            .Should().Contain("Welcome to EntryLab Signals!");
    }

    [Fact]
    public async Task AnImportedSubscriber_AsksTheBotForTheirStatus_AndIsToldTheyAreVip()
    {
        (await ImportAsync()).ExitCode.Should().Be(ImportCommand.QuarantinedRows);

        await SayToMessageBotAsync("entrylab", 5000000003, "/status");

        (await TestDatabase.ScalarAsync<string>("SELECT payload::text FROM telegram_outbox WHERE tenant_id = 'entrylab' ORDER BY id DESC LIMIT 1"))
            .Should().Contain("active, for life", "the lifetime subscriber of the original keeps access here");
        (await TestDatabase.ScalarAsync<string>("SELECT status FROM channel_memberships WHERE tenant_id = 'entrylab' AND channel_kind = 'vip' AND telegram_user_id = 5000000003"))
            .Should().Be("member");
    }

    [Fact]
    public async Task TheCutOver_PointsEachImportedBotHere_WithItsFreshSecret_AndSaysWhatToSetInStripe()
    {
        const string SignalToken = "7000000001:AAFakeEntrylabSignal-0123456789abcd";
        const string MessageToken = "7000000002:AAFakeEntrylabMessage0123456789abcd";
        (await ImportAsync()).ExitCode.Should().Be(ImportCommand.QuarantinedRows);
        var owner = ClientWith(Identity.Token("user_2FakeEntrylabOwner0001", "niall@entrylab.io"));
        Telegram.KnowsBot(SignalToken, 7000000001, "EntryLabSignalsBot", "https://app.entrylab.io/api/bot-webhook/FakeWebhookSecret-EntrylabSignal-0123456789");
        Telegram.KnowsBot(MessageToken, 7000000002, "EntryLabMessageBot", "https://app.entrylab.io/api/bot-webhook/FakeWebhookSecret-EntrylabMessage-012345678");

        var before = await (await owner.GetAsync("/api/import/cutover")).JsonAsync();
        before.GetProperty("bots").EnumerateArray().Should().OnlyContain(b => !b.GetProperty("pointsHere").GetBoolean() && b.GetProperty("problem").GetString()!.Contains("app.entrylab.io"));

        var run = await RunCliAsync(["cutover", "--tenant", "entrylab"]);

        run.ExitCode.Should().Be(ImportCommand.Clean, run.Output + run.Error);
        var registered = Telegram.Calls("setWebhook").Where(c => c.Token is SignalToken or MessageToken).ToList();
        registered.Should().HaveCount(2);
        var (webhookId, secret) = await MessageBotWebhookAsync("entrylab");
        registered.Single(c => c.Token == MessageToken).Body.GetProperty("url").GetString().Should().Be($"https://promostack.test/api/telegram/{webhookId}/webhook");
        registered.Single(c => c.Token == MessageToken).Body.GetProperty("secret_token").GetString().Should().Be(secret).And.NotContain("Fake", "the original's secret does not survive");
        run.Output.Should().Contain("https://promostack.test/api/stripe/webhook/entrylab").And.Contain("invoice.paid");

        var stripe = (await (await owner.GetAsync("/api/import/cutover")).JsonAsync()).GetProperty("stripe");
        stripe.GetProperty("events").EnumerateArray().Select(e => e.GetString()).Should().Contain("checkout.session.completed");
        (await RunCliAsync(["cutover", "--tenant", "nobody-here"])).ExitCode.Should().Be(ImportCommand.BadArguments);
        await NewTenantAsync("made-here");
        var all = await RunCliAsync(["cutover", "--all"]);
        all.Output.Should().Contain("Tenant entrylab").And.Contain($"Tenant {Apex}").And.NotContain("made-here", "only imported tenants are cut over");
        (await RunCliAsync(["cutover"])).ExitCode.Should().Be(ImportCommand.BadArguments);
    }

    [Fact]
    public async Task TheImportReport_AndTheCutOver_AreForTheTenantsAdminsOnly()
    {
        (await ImportAsync()).ExitCode.Should().Be(ImportCommand.QuarantinedRows);
        var member = ClientWith(Identity.Token("user_2FakeEntrylabMembr0003", "analyst@entrylab.io"));
        var apexOwner = ClientWith(Identity.Token("user_2FakeApexOwner00000004", "apexgoldfx@gmail.com"));

        await (await member.GetAsync("/api/import")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.GetAsync("/api/import/cutover")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Anonymous().GetAsync("/api/import")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await (await apexOwner.GetAsync("/api/import")).JsonAsync()).GetProperty("report").GetProperty("tenantId").GetString()
            .Should().Be(Apex, "each admin sees their own tenant's import, never another's");
        var fresh = await NewTenantAsync("fresh");
        await (await fresh.Client.GetAsync("/api/import")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await fresh.Client.GetAsync("/api/import/cutover")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EveryTableOfTheOriginal_IsAccountedFor_AndHistoryComesOverAsHistory()
    {
        (await ImportAsync()).ExitCode.Should().Be(ImportCommand.QuarantinedRows);

        Report().GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().NotContain(n => n!.Contains("is not imported"),
            "each table of the original is imported, skipped with its reason, or quarantined");
        var entrylab = Tenant(Report(), "entrylab");
        foreach (var table in entrylab.GetProperty("tables").EnumerateArray())
        {
            var (found, accounted) = (table.GetProperty("found").GetInt64(),
                table.GetProperty("imported").GetInt64() + table.GetProperty("quarantined").GetInt64() + table.GetProperty("skipped").GetInt64());
            accounted.Should().Be(found, $"every row of {table.GetProperty("table").GetString()} is imported, quarantined or skipped with a reason");
        }

        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(status || ':' || coalesce(imported_sent, -1), ',' ORDER BY id) FROM broadcast_jobs WHERE tenant_id = 'entrylab'"))
            .Should().Be("completed:117,failed:0,cancelled:32", "an unfinished broadcast is the original's to send, never sent twice");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM broadcast_jobs WHERE status = 'pending'")).Should().Be(0);
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(title || ':' || status, ',' ORDER BY title) FROM campaigns WHERE tenant_id = 'entrylab'"))
            .Should().Be("Black Friday Gold Giveaway:ended,Spring Signals Challenge:ended,Summer Kick-off:ended", "every one of their end dates has passed");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM campaign_entries WHERE tenant_id = 'entrylab'")).Should().Be(2);
        (await TestDatabase.ScalarAsync<string>("SELECT source_key FROM import_quarantine WHERE source_table = 'submissions'"))
            .Should().Be("4", "a submission of no campaign belongs to no tenant");

        var owner = ClientWith(Identity.Token("user_2FakeEntrylabOwner0001", "niall@entrylab.io"));
        var coupons = await (await owner.GetAsync("/api/coupons/analytics?from=2025-07-01&to=2026-06-30")).JsonAsync();
        coupons.GetProperty("summary").GetProperty("attempts").GetInt32().Should().Be(9, "the original's coupon usage counts in the analytics");
    }

    [Fact]
    public async Task ASecondRun_ChangesNothing()
    {
        (await ImportAsync()).ExitCode.Should().Be(ImportCommand.QuarantinedRows);
        var before = await CountsAsync();

        var second = await ImportAsync();

        second.Output.Should().Contain("Tenant entrylab → entrylab: already_imported").And.Contain($"Tenant tenant_3fa9c2d1 → {Apex}: already_imported");
        (await CountsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ATenantMadeInPromoStack_IsRefused_AndTheOthersStillComeOver()
    {
        await NewTenantAsync("entrylab");

        var run = await ImportAsync();

        run.ExitCode.Should().Be(ImportCommand.TenantNotImported, run.Output);
        run.Output.Should().Contain("Tenant entrylab → entrylab: refused");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_signals WHERE tenant_id = 'entrylab'")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM forex_signals WHERE tenant_id = '{Apex}'")).Should().Be(4);
    }

    [Fact]
    public async Task AskedToMerge_TheOriginalsDataIsAddedToATenantMadeHere_KeepingWhatItAlreadyHas()
    {
        var made = await NewTenantAsync("entrylab");
        var name = await TestDatabase.ScalarAsync<string>("SELECT name FROM tenants WHERE id = 'entrylab'");
        (await made.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string> { ["adx_min"] = "25" } })).EnsureSuccessStatusCode();

        var run = await ImportAsync("--merge");

        run.ExitCode.Should().Be(ImportCommand.QuarantinedRows, run.Output + run.Error);
        run.Output.Should().Contain("Tenant entrylab → entrylab: imported");
        (await TestDatabase.ScalarAsync<string>("SELECT name FROM tenants WHERE id = 'entrylab'")).Should().Be(name, "the tenant made here keeps its name");
        (await TestDatabase.ScalarAsync<string>("SELECT setting_value FROM forex_config WHERE tenant_id = 'entrylab' AND setting_key = 'adx_min'"))
            .Should().Be("25", "a setting made here is kept over the original's");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_users WHERE tenant_id = 'entrylab'")).Should().Be(4, "its own admin and the three imported users");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_signals WHERE tenant_id = 'entrylab'")).Should().Be(7);
        (await ImportAsync("--merge")).Output.Should().Contain("Tenant entrylab → entrylab: already_imported", "a merge is recorded like any import");
    }

    [Fact]
    public async Task ATenantThatFails_IsRolledBackWhole_AndAnotherRunResumesWithIt()
    {
        await _original.ExecuteAsync("ALTER TABLE tenants ALTER COLUMN name DROP NOT NULL; UPDATE tenants SET name = NULL, display_name = NULL WHERE id = 'entrylab'");

        var first = await ImportAsync();

        first.ExitCode.Should().Be(ImportCommand.TenantNotImported, first.Output);
        first.Output.Should().Contain("Tenant entrylab → entrylab: failed — Rolled back");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants WHERE id = 'entrylab'")).Should().Be(0);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM imported_rows WHERE tenant_id = 'entrylab'")).Should().Be(0, "nothing of the failed tenant is left");
        (await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM tenant_imports WHERE tenant_id = '{Apex}'")).Should().Be(1);

        await _original.ExecuteAsync("UPDATE tenants SET name = 'EntryLab' WHERE id = 'entrylab'");
        var second = await ImportAsync();

        second.Output.Should().Contain("Tenant entrylab → entrylab: imported").And.Contain($"{Apex}: already_imported");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_signals WHERE tenant_id = 'entrylab'")).Should().Be(7);
    }

    [Fact]
    public async Task RowsThatBreakARuleHere_AreQuarantined_WithoutFailingTheTenant_OrLeakingASecret()
    {
        await _original.ExecuteAsync("""
            ALTER TABLE telegram_subscriptions DROP CONSTRAINT uq_telegram_subscriptions_tenant_email;
            INSERT INTO telegram_subscriptions (id, email, plan_type, amount_paid, status, stripe_subscription_id, tenant_id) VALUES (99, 'sam.trader@example.com', 'VIP Monthly', 49, 'active', 'sub_again_99', 'entrylab');
            UPDATE tenant_integrations SET config_json = to_jsonb('{"secret_key": "sk_live_DoubleEncodedSecret0123456789"}'::text) WHERE id = 4;
            """);

        var run = await ImportAsync();

        run.ExitCode.Should().Be(ImportCommand.QuarantinedRows, run.Output);
        run.Output.Should().Contain("Tenant entrylab → entrylab: imported").And.Contain($"{Apex}: imported");
        Quarantined(Tenant(Report(), "entrylab")).Should().Contain(q => q.StartsWith("telegram_subscriptions 99", StringComparison.Ordinal) && q.Contains("same email"));
        Quarantined(Tenant(Report(), Apex)).Should().Contain(q => q.StartsWith("tenant_integrations 4", StringComparison.Ordinal));
        File.ReadAllText(_reportPath).Should().NotContain("DoubleEncodedSecret");
        run.Output.Should().NotContain("DoubleEncodedSecret");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM import_quarantine WHERE reason LIKE '%DoubleEncoded%' OR row::text LIKE '%DoubleEncoded%'")).Should().Be(0);
    }

    [Fact]
    public async Task OneTenant_CanBePicked_ByItsOriginalId()
    {
        var run = await ImportAsync("--tenant", "tenant_3fa9c2d1");

        run.ExitCode.Should().Be(ImportCommand.QuarantinedRows, run.Output + run.Error);
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(id, ',') FROM tenants")).Should().Be(Apex);
        (await ImportAsync("--tenant", "nobody")).ExitCode.Should().Be(ImportCommand.BadArguments);
    }

    [Fact]
    public async Task ADatabaseThatIsNotTheOriginals_IsRefusedWithAClearMessage_AndNothingIsWritten()
    {
        await _original.ExecuteAsync("DROP TABLE tenants CASCADE");

        var run = await ImportAsync();

        run.ExitCode.Should().Be(ImportCommand.BadArguments);
        run.Error.Should().Contain("no tenants table");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM import_quarantine")).Should().Be(0);
    }

    [Theory]
    [InlineData("--from", "not a connection string at all")]
    [InlineData("--source-timezone", "Mars/Olympus")]
    [InlineData("--bogus", "x")]
    public async Task BadArguments_AreRefusedWithTheReason(string option, string value)
    {
        var run = option == "--from"
            ? await RunCliAsync(["import", "--from", value])
            : await ImportAsync(option, value);

        run.ExitCode.Should().Be(ImportCommand.BadArguments, run.Output);
        run.Error.Should().NotBeEmpty();
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenants")).Should().Be(0);
    }

    [Fact]
    public async Task TheOriginalIsOnlyRead()
    {
        const string Fingerprint = "SELECT md5(string_agg(r, '' ORDER BY r)) FROM (SELECT t::text r FROM tenants t UNION ALL SELECT s::text FROM forex_signals s UNION ALL SELECT u::text FROM telegram_subscriptions u) rows";
        var before = await _original.ScalarAsync<string>(Fingerprint);

        await ImportAsync();

        (await _original.ScalarAsync<string>(Fingerprint)).Should().Be(before);
    }

    [Fact]
    public async Task AnOlderOriginal_IsImported_AndWhatItLacksIsNamed()
    {
        await using var older = await OriginalSystemDatabase.CreateAsync("schema-older.sql", "seed-older.sql");

        var run = await RunCliAsync(["import", "--from", older.Url, "--report", _reportPath]);

        run.ExitCode.Should().BeOneOf([ImportCommand.Clean, ImportCommand.QuarantinedRows], run.Output + run.Error);
        Report().GetProperty("absentTables").EnumerateArray().Select(t => t.GetString()).Should().Contain("tenant_telethon_credentials");
        (await TestDatabase.ScalarAsync<string>("SELECT string_agg(bot_role, ',' ORDER BY bot_role) FROM tenant_bot_connections WHERE tenant_id = 'entrylab'"))
            .Should().Be("message_bot,signal_bot", "the legacy role names signal and message are the same bots");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_signals")).Should().BeGreaterThan(0);
    }

    /// <summary>A private message to the tenant's imported message bot, through its webhook, routed by the inbox.</summary>
    private async Task SayToMessageBotAsync(string tenantId, long userId, string text)
    {
        var (webhookId, secret) = await MessageBotWebhookAsync(tenantId);
        var update = new System.Text.Json.Nodes.JsonObject
        {
            ["update_id"] = Random.Shared.Next(1, int.MaxValue),
            ["message"] = new System.Text.Json.Nodes.JsonObject
            {
                ["message_id"] = 1, ["date"] = 1_700_000_000, ["text"] = text,
                ["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Ana" },
                ["chat"] = new System.Text.Json.Nodes.JsonObject { ["id"] = userId, ["type"] = "private" },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/telegram/{webhookId}/webhook")
        {
            Content = new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        (await Anonymous().SendAsync(request)).EnsureSuccessStatusCode();
        while (await Factory.Services.GetRequiredService<PromoStack.Infrastructure.Telegram.TelegramInboxWorker>().RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    private async Task<(Guid WebhookId, string Secret)> MessageBotWebhookAsync(string tenantId)
    {
        var webhookId = await TestDatabase.ScalarAsync<Guid>($"SELECT public_id FROM tenant_bot_connections WHERE tenant_id = '{tenantId}' AND bot_role = 'message_bot'");
        var encrypted = await TestDatabase.ScalarAsync<string>($"SELECT webhook_secret FROM tenant_bot_connections WHERE tenant_id = '{tenantId}' AND bot_role = 'message_bot'");
        var secret = Factory.Services.GetRequiredService<PromoStack.Application.Common.Abstractions.ISecretProtector>()
            .Unprotect(PromoStack.Application.Connections.ConnectionSecrets.WebhookSecret, encrypted);
        return (webhookId, secret);
    }

    private Task<CliRun> ImportAsync(params string[] extra) => RunCliAsync(["import", "--from", _original.ConnectionString, "--report", _reportPath, .. extra]);

    private async Task<CliRun> RunCliAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Verbs.RunAsync(args, Factory.Services, new TestHostEnvironment("Production"), new ConfigurationBuilder().Build(), output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private static async Task<string> CountsAsync()
    {
        var counts = new List<string>();
        foreach (var table in new[] { "tenants", "tenant_users", "tenant_bot_connections", "forex_config", "forex_signals", "telegram_subscriptions", "channel_memberships", "bot_users", "bot_usage", "processed_webhook_events", "import_quarantine", "imported_rows", "tenant_imports" })
        {
            counts.Add($"{table}={await TestDatabase.ScalarAsync<long>($"SELECT count(*) FROM {table}")}");
        }

        return string.Join(',', counts);
    }

    private sealed record CliRun(int ExitCode, string Output, string Error);

    private JsonElement Report() => JsonDocument.Parse(File.ReadAllText(_reportPath)).RootElement;

    private static JsonElement Tenant(JsonElement report, string tenantId) =>
        report.GetProperty("tenants").EnumerateArray().Single(t => t.GetProperty("tenantId").GetString() == tenantId);

    private static JsonElement Table(JsonElement tenant, string table) =>
        tenant.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("table").GetString() == table);

    private static List<string> Quarantined(JsonElement tenant) =>
        [.. tenant.GetProperty("quarantinedRows").EnumerateArray().Select(q => $"{q.GetProperty("table").GetString()} {q.GetProperty("key").GetString()}: {q.GetProperty("reason").GetString()}")];
}
