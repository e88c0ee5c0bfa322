using System.Net;
using System.Net.Http.Json;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.CrossPromo;

/// <summary>Cross-promo settings: local morning time across DST, the posting bot's rights checked with Telegram, bad input, roles, tenants.</summary>
public sealed class CrossPromoSettingsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _app = new PromoStackFactory(Identity, telegram: Telegram) { Clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)) };
        _admin = await Given.TenantAsync(_app, Identity, "user_promo_admin", timezone: "Europe/London");
        Telegram.KnowsBot(Given.SignalBotToken, Given.SignalBotId, "alpha_signal_bot");
        Telegram.AcceptsMessages(Given.SignalBotToken);
    }

    public override async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Defaults_ComeFromTheTenant_AndTheMorningTimeStaysLocalAcrossDst()
    {
        var defaults = await (await _admin.GetAsync("/api/crosspromo/settings")).JsonAsync();
        defaults.GetProperty("enabled").GetBoolean().Should().BeFalse();
        defaults.GetProperty("timezone").GetString().Should().Be("Europe/London");
        defaults.GetProperty("weekdays").EnumerateArray().Select(d => d.GetString()).Should().Equal("mon", "tue", "wed", "thu", "fri");

        var winter = await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { morningPostTime = "08:00", weekdays = new[] { "sun", "mon" } })).JsonAsync();
        winter.GetProperty("morningPostTime").GetString().Should().Be("08:00");
        winter.GetProperty("morningPostTimeUtc").GetString().Should().Be("08:00", "London is on GMT in January");
        winter.GetProperty("weekdays").EnumerateArray().Select(d => d.GetString()).Should().Equal("mon", "sun");

        _app.Clock.Advance(TimeSpan.FromDays(180));
        var summer = await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { morningPostTime = "08:00" })).JsonAsync();
        summer.GetProperty("morningPostTime").GetString().Should().Be("08:00");
        summer.GetProperty("morningPostTimeUtc").GetString().Should().Be("07:00", "London is on BST in July");
        summer.GetProperty("weekdays").EnumerateArray().Select(d => d.GetString()).Should().Equal("mon", "sun");
    }

    [Fact]
    public async Task Enabling_NeedsTheSignalBotWithBothChannels_AndItsRightToPostThere()
    {
        object enable = new { enabled = true, morningPostTime = "08:00", ctaUrl = "https://t.me/alpha_signal_bot?start=vip" };
        await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", enable)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await _admin.PutAsJsonAsync("/api/connections/signal_bot", new { token = Given.SignalBotToken, channelId = "-1001111111111", freeChannelId = "-1002222222222" }))
            .EnsureSuccessStatusCode();
        Telegram.Answer(Given.SignalBotToken, "getChatMember", new { status = "member", user = new { id = 333333333, is_bot = true, first_name = "bot" } });
        await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", enable)).ShouldHaveFieldErrorAsync("botRole");

        Telegram.AdministersChannels(Given.SignalBotToken, Given.SignalBotId, priority: 1);
        var saved = await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", enable)).JsonAsync();

        saved.GetProperty("enabled").GetBoolean().Should().BeTrue();
        saved.GetProperty("vipChannelId").GetString().Should().Be("-1001111111111");
        saved.GetProperty("freeChannelId").GetString().Should().Be("-1002222222222");
        (await TestDatabase.ScalarAsync<string>("SELECT free_channel_id FROM tenant_crosspromo_settings")).Should().Be("-1002222222222");
    }

    [Fact]
    public async Task BadInput_Is400_WithTheField()
    {
        await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { timezone = "Mars/Olympus" })).ShouldHaveFieldErrorAsync("timezone");
        await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { morningPostTime = "8am" })).ShouldHaveFieldErrorAsync("morningPostTime");
        await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { weekdays = new[] { "funday" } })).ShouldHaveFieldErrorAsync("weekdays");
        await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { weekdays = Array.Empty<string>() })).ShouldHaveFieldErrorAsync("weekdays");
        await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { ctaUrl = "javascript:alert(1)" })).ShouldHaveFieldErrorAsync("ctaUrl");
        await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { botRole = "any_bot" })).ShouldHaveFieldErrorAsync("botRole");
        await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { teaserOffsetMinutes = -5 })).ShouldHaveFieldErrorAsync("teaserOffsetMinutes");
        await (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { enabled = true })).ShouldHaveFieldErrorAsync("morningPostTime");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_crosspromo_settings")).Should().Be(0, "nothing invalid is saved");
    }

    [Fact]
    public async Task MembersRead_AdminsChange_AndEachTenantHasItsOwn()
    {
        (await _admin.PutAsJsonAsync("/api/crosspromo/settings", new { morningPostTime = "09:30" })).EnsureSuccessStatusCode();
        var member = await Given.MemberAsync(_app, Identity, _admin, "user_promo_member");
        (await (await member.GetAsync("/api/crosspromo/settings")).JsonAsync()).GetProperty("morningPostTime").GetString().Should().Be("09:30");
        (await member.PutAsJsonAsync("/api/crosspromo/settings", new { morningPostTime = "10:00" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var beta = await Given.TenantAsync(_app, Identity, "user_promo_beta", "beta", timezone: "Asia/Tokyo");
        var theirs = await (await beta.GetAsync("/api/crosspromo/settings")).JsonAsync();
        theirs.GetProperty("morningPostTime").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        theirs.GetProperty("timezone").GetString().Should().Be("Asia/Tokyo");
        (await beta.PutAsJsonAsync("/api/crosspromo/settings", new { morningPostTime = "07:00" })).EnsureSuccessStatusCode();
        (await (await _admin.GetAsync("/api/crosspromo/settings")).JsonAsync()).GetProperty("morningPostTime").GetString().Should().Be("09:30");
    }
}
