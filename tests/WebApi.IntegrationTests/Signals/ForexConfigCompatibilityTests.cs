using System.Net.Http.Json;
using System.Text.Json;
using PromoStack.Domain.Signals;
using PromoStack.Infrastructure.Persistence;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Signals;

/// <summary>The original system's setting names as aliases of ours, and stored keys the engine does not know.</summary>
public sealed class ForexConfigCompatibilityTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private Session _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await NewTenantAsync("alpha");
    }

    [Fact]
    public async Task Get_ListsEachDocumentedName_WithTheKeysItStandsFor_AndItsValue()
    {
        var config = await (await _admin.Client.GetAsync("/api/forex/config")).JsonAsync();

        var aliases = config.GetProperty("aliases");
        aliases.EnumerateObject().Select(a => a.Name).Should().BeEquivalentTo(
            "adx_min_strength", "sl_multiplier", "tp_multiplier", "trading_hours_start", "trading_hours_end", "rsi_oversold", "rsi_overbought", "active_strategy");
        aliases.GetProperty("sl_multiplier").GetProperty("keys").EnumerateArray().Select(k => k.GetString()).Should().Equal("aggressive_sl_atr", "conservative_sl_atr");
        aliases.GetProperty("sl_multiplier").GetProperty("value").GetString().Should().Be("1.0");
        aliases.GetProperty("tp_multiplier").GetProperty("value").GetString().Should().Be("2.5", "the aggressive strategy's last target");
        aliases.GetProperty("adx_min_strength").GetProperty("keys").EnumerateArray().Select(k => k.GetString()).Should().Equal("adx_min");
        config.GetProperty("unknown").GetArrayLength().Should().Be(0);
        config.GetProperty("settings").EnumerateArray().Should().Contain(s => s.GetProperty("key").GetString() == "adx_min", "our keys are listed as before");
    }

    [Theory]
    [InlineData("adx_min_strength", "25", "25", "adx_min=25")]
    [InlineData("sl_multiplier", "1.5", "1.5", "aggressive_sl_atr=1.5", "conservative_sl_atr=1.5")]
    [InlineData("tp_multiplier", "5", "5", "aggressive_tp_atr=2.4/4/5", "conservative_tp_atr=2.5/3.75/5")]
    [InlineData("trading_hours_start", "9", "9", "trading_start_hour=9")]
    [InlineData("trading_hours_end", "20", "20", "trading_end_hour=20")]
    [InlineData("rsi_oversold", "35", "35", "rsi_oversold=35")]
    [InlineData("rsi_overbought", "70", "70", "rsi_overbought=70")]
    [InlineData("active_strategy", "conservative", "conservative", "active_strategy=conservative")]
    public async Task PutOfAnAlias_StoresOurKeys_AndGetReadsTheAliasBack(string alias, string value, string readBack, params string[] stored)
    {
        var saved = await (await _admin.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { [alias] = value } })).JsonAsync();

        foreach (var (key, expected) in stored.Select(s => s.Split('=')).Select(p => (p[0], p[1])))
        {
            Setting(saved, key).GetProperty("value").GetString().Should().Be(expected);
            (await TestDatabase.ScalarAsync<string>("SELECT setting_value FROM forex_config WHERE tenant_id = 'alpha' AND setting_key = @p0", key)).Should().Be(expected);
        }

        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_config")).Should().Be(stored.Length, "the alias's own name is never stored");
        var read = await (await _admin.Client.GetAsync("/api/forex/config")).JsonAsync();
        read.GetProperty("aliases").GetProperty(alias).GetProperty("value").GetString().Should().Be(readBack);
    }

    [Fact]
    public async Task AnAliasSetToNull_PutsItsKeysBackToTheirDefaults()
    {
        (await _admin.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { ["sl_multiplier"] = "3" } })).EnsureSuccessStatusCode();

        var saved = await (await _admin.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { ["sl_multiplier"] = null } })).JsonAsync();

        Setting(saved, "conservative_sl_atr").GetProperty("value").GetString().Should().Be("2.0");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_config")).Should().Be(0);
    }

    [Theory]
    [InlineData("sl_multiplier", "1.5", "aggressive_sl_atr", "2")]
    [InlineData("adx_min_strength", "20", "adx_min", "25")]
    [InlineData("tp_multiplier", "4", "conservative_tp_atr", "1/2/3")]
    [InlineData("trading_hours_start", "9", "trading_start_hour", "10")]
    public async Task AnAliasAndItsKey_WithDifferentValues_Is400NamingTheAlias_AndSavesNothing(string alias, string aliasValue, string key, string keyValue)
    {
        var response = await _admin.Client.PutAsJsonAsync("/api/forex/config",
            new { settings = new Dictionary<string, string?> { [alias] = aliasValue, [key] = keyValue, ["rsi_oversold"] = "35" } });

        await response.ShouldHaveFieldErrorAsync($"settings.{alias}");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_config")).Should().Be(0);
    }

    [Fact]
    public async Task AnAliasAndItsKey_ThatAgree_AreOneChange()
    {
        var saved = await (await _admin.Client.PutAsJsonAsync("/api/forex/config",
            new { settings = new Dictionary<string, string?> { ["sl_multiplier"] = "2", ["aggressive_sl_atr"] = "2.0" } })).JsonAsync();

        Setting(saved, "aggressive_sl_atr").GetProperty("value").GetString().Should().Be("2");
        Setting(saved, "conservative_sl_atr").GetProperty("value").GetString().Should().Be("2");
    }

    [Theory]
    [InlineData("sl_multiplier", "50")]
    [InlineData("tp_multiplier", "0")]
    [InlineData("trading_hours_end", "noon")]
    public async Task AnAliasWithABadValue_Is400NamingIt(string alias, string value)
    {
        var response = await _admin.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { [alias] = value } });

        await response.ShouldHaveFieldErrorAsync($"settings.{alias}");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM forex_config")).Should().Be(0);
    }

    [Fact]
    public async Task AStoredKeyTheEngineDoesNotKnow_IsListedAsUnknown_AndSurvivesAPutOfOtherKeys()
    {
        await StoreAsync("alpha", "experimental_flag", "on");

        var before = await (await _admin.Client.GetAsync("/api/forex/config")).JsonAsync();
        var unknown = before.GetProperty("unknown").EnumerateArray().Should().ContainSingle().Subject;
        unknown.GetProperty("key").GetString().Should().Be("experimental_flag");
        unknown.GetProperty("value").GetString().Should().Be("on");
        before.GetProperty("settings").EnumerateArray().Should().NotContain(s => s.GetProperty("key").GetString() == "experimental_flag");

        var after = await (await _admin.Client.PutAsJsonAsync("/api/forex/config",
            new { settings = new Dictionary<string, string?> { ["rsi_oversold"] = "35", ["sl_multiplier"] = "1.5", ["partials"] = null } })).JsonAsync();

        after.GetProperty("unknown").EnumerateArray().Select(u => u.GetProperty("key").GetString()).Should().Equal("experimental_flag");
        (await TestDatabase.ScalarAsync<string>("SELECT setting_value FROM forex_config WHERE setting_key = 'experimental_flag'")).Should().Be("on");
    }

    [Theory]
    [InlineData("off")]
    [InlineData(null)]
    public async Task APutOfAnUnknownKey_StaysA400_ThatNamesTheKnownKeysAndAliases(string? value)
    {
        await StoreAsync("alpha", "experimental_flag", "on");

        var response = await _admin.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { ["experimental_flag"] = value } });

        await response.ShouldHaveFieldErrorAsync("settings.experimental_flag");
        (await response.Content.ReadAsStringAsync()).Should().Contain("adx_min").And.Contain("adx_min_strength");
        (await TestDatabase.ScalarAsync<string>("SELECT setting_value FROM forex_config WHERE setting_key = 'experimental_flag'")).Should().Be("on");
    }

    [Fact]
    public async Task ThePendingStrategySwitch_IsNotAnUnknownKey()
    {
        await StoreAsync("alpha", "pending_active_strategy", "conservative");

        var config = await (await _admin.Client.GetAsync("/api/forex/config")).JsonAsync();

        config.GetProperty("pendingStrategy").GetString().Should().Be("conservative");
        config.GetProperty("unknown").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task UnknownKeys_AreTheirTenantsOwn()
    {
        await StoreAsync("alpha", "experimental_flag", "on");
        var beta = await NewTenantAsync("beta");
        await StoreAsync("beta", "legacy_mode", "1");

        var theirs = await (await beta.Client.GetAsync("/api/forex/config")).JsonAsync();
        (await beta.Client.PutAsJsonAsync("/api/forex/config", new { settings = new Dictionary<string, string?> { ["adx_min_strength"] = "30" } })).EnsureSuccessStatusCode();
        var ours = await (await _admin.Client.GetAsync("/api/forex/config")).JsonAsync();

        theirs.GetProperty("unknown").EnumerateArray().Select(u => u.GetProperty("key").GetString()).Should().Equal("legacy_mode");
        ours.GetProperty("unknown").EnumerateArray().Select(u => u.GetProperty("key").GetString()).Should().Equal("experimental_flag");
        ours.GetProperty("aliases").GetProperty("adx_min_strength").GetProperty("value").GetString().Should().Be("15", "beta's change is beta's");
        (await TestDatabase.ScalarAsync<string>("SELECT tenant_id FROM forex_config WHERE setting_key = 'experimental_flag'")).Should().Be("alpha");
    }

    private async Task StoreAsync(string tenantId, string key, string value) =>
        await InTenantAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            db.ForexConfig.Add(ForexConfig.Create(tenantId, key, value));
            await db.SaveChangesAsync();
        });

    private static JsonElement Setting(JsonElement config, string key) =>
        config.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);
}
