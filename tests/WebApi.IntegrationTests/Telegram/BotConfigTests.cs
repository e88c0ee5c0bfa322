using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Telegram;

public sealed class BotConfigTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Get_ListsEverySettingWithItsDefault()
    {
        var admin = await NewTenantAsync("alpha");

        var settings = await (await admin.Client.GetAsync("/api/bot-config")).JsonAsync();

        settings.EnumerateArray().Select(s => s.GetProperty("key").GetString())
            .Should().BeEquivalentTo("welcome_message", "help_message", "stop_message", "default_reply");
        settings.EnumerateArray().Should().OnlyContain(s => s.GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Put_SetsAndResetsSettings_LeavingOthersAlone()
    {
        var admin = await NewTenantAsync("alpha");
        await admin.Client.PutAsJsonAsync("/api/bot-config", new { settings = new Dictionary<string, string?> { ["help_message"] = "Ask us anything." } });

        var updated = await (await admin.Client.PutAsJsonAsync("/api/bot-config",
            new { settings = new Dictionary<string, string?> { ["welcome_message"] = "Hi <b>trader</b>!", ["help_message"] = null } })).JsonAsync();

        Setting(updated, "welcome_message").GetProperty("value").GetString().Should().Be("Hi <b>trader</b>!");
        Setting(updated, "welcome_message").GetProperty("isDefault").GetBoolean().Should().BeFalse();
        Setting(updated, "help_message").GetProperty("isDefault").GetBoolean().Should().BeTrue();
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM bot_config")).Should().Be(1);
    }

    [Theory]
    [InlineData("{\"settings\":{\"favourite_colour\":\"blue\"}}", "settings.favourite_colour")]
    [InlineData("{\"settings\":{\"welcome_message\":\"   \"}}", "settings.welcome_message")]
    [InlineData("{\"settings\":{}}", "settings")]
    [InlineData("{\"settings\":{\"welcome_message\":42}}", "settings.welcome_message")]
    [InlineData("{}", "settings")]
    public async Task Put_WithBadInput_Returns400AndChangesNothing(string body, string field)
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PutAsync("/api/bot-config", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ShouldHaveFieldErrorAsync(field);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM bot_config")).Should().Be(0);
    }

    [Fact]
    public async Task Put_WithAnOverlongMessage_Returns400()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PutAsJsonAsync("/api/bot-config",
            new { settings = new Dictionary<string, string?> { ["default_reply"] = new string('x', 4097) } });

        await response.ShouldHaveFieldErrorAsync("settings.default_reply");
    }

    [Fact]
    public async Task Settings_AreIsolatedBetweenTenants_AndMembersOnlyRead()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        var member = await NewMemberAsync(alpha, "user_member", "member");
        await alpha.Client.PutAsJsonAsync("/api/bot-config", new { settings = new Dictionary<string, string?> { ["welcome_message"] = "Alpha welcome" } });

        var betaView = await (await beta.Client.GetAsync("/api/bot-config")).JsonAsync();
        await beta.Client.PutAsJsonAsync("/api/bot-config", new { settings = new Dictionary<string, string?> { ["welcome_message"] = null } });

        Setting(betaView, "welcome_message").GetProperty("isDefault").GetBoolean().Should().BeTrue();
        (await TestDatabase.ScalarAsync<string>("SELECT setting_value FROM bot_config WHERE tenant_id = 'alpha'")).Should().Be("Alpha welcome");
        (await member.Client.GetAsync("/api/bot-config")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await member.Client.PutAsJsonAsync("/api/bot-config", new { settings = new Dictionary<string, string?> { ["welcome_message"] = "x" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static JsonElement Setting(JsonElement settings, string key) =>
        settings.EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);
}
