using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Coupons;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Settings;

/// <summary>Coupon settings through the API: defaults, the write-only partner header, field errors, roles and tenants.</summary>
public sealed class CouponSettingsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string HeaderValue = "pk_live_partner-key-that-must-stay-secret-9876";

    [Fact]
    public async Task ATenantThatSavedNothing_SeesTheDefaults_WhichValidateNothingUntilChosen()
    {
        var admin = await NewTenantAsync("alpha");

        var settings = await (await admin.Client.GetAsync("/api/coupons/settings")).JsonAsync();

        settings.GetProperty("saved").GetBoolean().Should().BeFalse();
        settings.GetProperty("validation").GetString().Should().Be("code_list", "an empty code list accepts no code, unlike pattern validation");
        settings.GetProperty("codePattern").GetString().Should().Be("[A-Z0-9_-]{3,32}");
        settings.GetProperty("checksPerMinute").GetInt32().Should().Be(5);
        settings.GetProperty("partner").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task TheSettings_RoundTrip_AndThePartnerHeaderValue_IsStoredEncrypted_AndNeverReturned()
    {
        var admin = await NewTenantAsync("alpha");

        var response = await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner(headerName: "X-Api-Key", headerValue: HeaderValue)));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        body.Should().NotContain(HeaderValue).And.NotContain("partner-key");
        var saved = JsonDocument.Parse(body).RootElement;
        saved.GetProperty("saved").GetBoolean().Should().BeTrue();
        saved.GetProperty("validation").GetString().Should().Be("partner");
        saved.GetProperty("linkTemplate").GetString().Should().Be("https://partner.example/buy?promo={code}");
        var partner = saved.GetProperty("partner");
        partner.GetProperty("urlTemplate").GetString().Should().Be("https://api.partner.example/discount?coupons[]={code}&productIds=7");
        partner.GetProperty("headerName").GetString().Should().Be("X-Api-Key");
        partner.GetProperty("headerValueSet").GetBoolean().Should().BeTrue();
        partner.GetProperty("headerValueHint").GetString().Should().Be("pk_live_…9876");
        partner.GetProperty("validStatuses").EnumerateArray().Select(s => s.GetInt32()).Should().Equal(200, 201, 202, 203, 204);
        partner.GetProperty("invalidStatuses").EnumerateArray().Select(s => s.GetInt32()).Should().Equal(400, 404, 422);
        partner.GetProperty("timeoutMs").GetInt32().Should().Be(4000);
        partner.GetProperty("attempts").GetInt32().Should().Be(2);
        partner.TryGetProperty("headerValue", out _).Should().BeFalse();

        var read = await (await admin.Client.GetAsync("/api/coupons/settings")).Content.ReadAsStringAsync();
        read.Should().NotContain(HeaderValue);
        JsonDocument.Parse(read).RootElement.GetProperty("partner").GetProperty("headerValueSet").GetBoolean().Should().BeTrue();

        var stored = await StoredPartnerJsonAsync("alpha");
        stored.Should().NotContain(HeaderValue).And.NotContain("partner-key");
        (await StoredHeaderValueAsync("alpha")).Should().Be(HeaderValue, "the stored ciphertext decrypts to what the admin sent");
    }

    [Fact]
    public async Task ThePartnerHeaderValue_IsKeptWhenNotSent_RenamedWithItsHeader_RemovedByAnEmptyString_AndReplacedByText()
    {
        var admin = await NewTenantAsync("alpha");
        (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner(headerName: "X-Api-Key", headerValue: HeaderValue))))
            .EnsureSuccessStatusCode();

        var kept = await (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner(headerName: "X-Api-Key", timeoutMs: 3000)))).JsonAsync();
        kept.GetProperty("partner").GetProperty("headerValueSet").GetBoolean().Should().BeTrue();
        kept.GetProperty("partner").GetProperty("timeoutMs").GetInt32().Should().Be(3000);
        (await StoredHeaderValueAsync("alpha")).Should().Be(HeaderValue);

        var renamed = await (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner(headerName: "Authorization")))).JsonAsync();
        renamed.GetProperty("partner").GetProperty("headerName").GetString().Should().Be("Authorization");
        (await StoredHeaderValueAsync("alpha")).Should().Be(HeaderValue);

        var noName = await (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner()))).JsonAsync();
        noName.GetProperty("partner").GetProperty("headerName").GetString().Should().Be("Authorization", "no name and no value keep the stored header");

        var replaced = await (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner(headerName: "X-Key", headerValue: "Bearer abcdefghijklmnop")))).JsonAsync();
        replaced.GetProperty("partner").GetProperty("headerValueHint").GetString().Should().Be("…mnop");
        (await StoredHeaderValueAsync("alpha")).Should().Be("Bearer abcdefghijklmnop");

        var removed = await (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner(headerName: "X-Key", headerValue: "")))).JsonAsync();
        removed.GetProperty("partner").GetProperty("headerValueSet").GetBoolean().Should().BeFalse();
        removed.GetProperty("partner").GetProperty("headerName").ValueKind.Should().Be(JsonValueKind.Null);
        removed.GetProperty("partner").GetProperty("headerValueHint").ValueKind.Should().Be(JsonValueKind.Null);
        (await StoredHeaderValueAsync("alpha")).Should().BeNull();

        await (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner(headerName: "X-Key"))))
            .ShouldHaveFieldErrorAsync("partner.headerValue");
    }

    [Fact]
    public async Task AStoredKey_IsNeverSentToAnotherServer_WithoutBeingGivenAgain()
    {
        var admin = await NewTenantAsync("alpha");
        (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner(headerName: "X-Api-Key", headerValue: HeaderValue))))
            .EnsureSuccessStatusCode();

        foreach (var elsewhere in new[] { "https://attacker.example/steal?c={code}", "http://api.partner.example/discount?c={code}", "https://api.partner.example:8443/d?c={code}" })
        {
            var moved = Partner(headerName: "X-Api-Key");
            moved["urlTemplate"] = elsewhere;
            await (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: moved))).ShouldHaveFieldErrorAsync("partner.headerValue");
            (await StoredPartnerJsonAsync("alpha")).Should().Contain("api.partner.example/discount", "a refused save changes nothing");
        }

        var samePlace = Partner(headerName: "X-Api-Key");
        samePlace["urlTemplate"] = "https://API.partner.example/v2/check/{code}";
        (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: samePlace))).EnsureSuccessStatusCode();
        (await StoredHeaderValueAsync("alpha")).Should().Be(HeaderValue, "another path on the same server keeps the key");

        var movedWithItsKey = Partner(headerName: "X-Api-Key", headerValue: "a-key-for-the-new-partner");
        movedWithItsKey["urlTemplate"] = "https://new-partner.example/check/{code}";
        (await admin.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: movedWithItsKey))).EnsureSuccessStatusCode();
        (await StoredHeaderValueAsync("alpha")).Should().Be("a-key-for-the-new-partner");
    }

    [Theory]
    [InlineData("codePattern", """{"validation":"pattern","codePattern":"([A-Z]","linkTemplate":"https://p.example/{code}"}""")]
    [InlineData("codePattern", """{"validation":"pattern","codePattern":"(A)\\1","linkTemplate":"https://p.example/{code}"}""")]
    [InlineData("codePattern", """{"validation":"pattern","codePattern":"","linkTemplate":"https://p.example/{code}"}""")]
    [InlineData("linkTemplate", """{"validation":"pattern","linkTemplate":"https://p.example/buy"}""")]
    [InlineData("linkTemplate", """{"validation":"pattern","linkTemplate":"ftp://p.example/{code}"}""")]
    [InlineData("linkTemplate", """{"validation":"pattern"}""")]
    [InlineData("validation", """{"linkTemplate":"https://p.example/{code}"}""")]
    [InlineData("validation", """{"validation":"maybe","linkTemplate":"https://p.example/{code}"}""")]
    [InlineData("checksPerMinute", """{"validation":"pattern","linkTemplate":"https://p.example/{code}","checksPerMinute":0}""")]
    [InlineData("partner", """{"validation":"partner","linkTemplate":"https://p.example/{code}"}""")]
    [InlineData("partner.urlTemplate", """{"validation":"partner","linkTemplate":"https://p.example/{code}","partner":{"urlTemplate":"https://api.example/check"}}""")]
    [InlineData("partner.validStatuses[0]", """{"validation":"partner","linkTemplate":"https://p.example/{code}","partner":{"urlTemplate":"https://a.example/{code}","validStatuses":[700]}}""")]
    [InlineData("partner.validStatuses", """{"validation":"partner","linkTemplate":"https://p.example/{code}","partner":{"urlTemplate":"https://a.example/{code}","validStatuses":[]}}""")]
    [InlineData("partner.invalidStatuses", """{"validation":"partner","linkTemplate":"https://p.example/{code}","partner":{"urlTemplate":"https://a.example/{code}","validStatuses":[200,404]}}""")]
    [InlineData("partner.timeoutMs", """{"validation":"partner","linkTemplate":"https://p.example/{code}","partner":{"urlTemplate":"https://a.example/{code}","timeoutMs":20000}}""")]
    [InlineData("partner.attempts", """{"validation":"partner","linkTemplate":"https://p.example/{code}","partner":{"urlTemplate":"https://a.example/{code}","timeoutMs":9000,"attempts":2}}""")]
    [InlineData("partner.headerName", """{"validation":"partner","linkTemplate":"https://p.example/{code}","partner":{"urlTemplate":"https://a.example/{code}","headerName":"X Key","headerValue":"v"}}""")]
    [InlineData("partner.headerName", """{"validation":"partner","linkTemplate":"https://p.example/{code}","partner":{"urlTemplate":"https://a.example/{code}","headerValue":"v"}}""")]
    [InlineData("partner.headerValue", """{"validation":"partner","linkTemplate":"https://p.example/{code}","partner":{"urlTemplate":"https://a.example/{code}","headerName":"X-Key","headerValue":"a\r\nX-Evil: 1"}}""")]
    public async Task BadSettings_Are400_NamingTheField_AndChangeNothing(string field, string json)
    {
        var admin = await NewTenantAsync("alpha");

        await (await admin.Client.PutAsync("/api/coupons/settings", new StringContent(json, System.Text.Encoding.UTF8, "application/json")))
            .ShouldHaveFieldErrorAsync(field);

        (await (await admin.Client.GetAsync("/api/coupons/settings")).JsonAsync()).GetProperty("saved").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task AMember_NeitherReadsTheSettings_WhoseUrlMayCarryAKey_NorChangesThem_AndAnonymousCallersNeither()
    {
        var admin = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(admin, "user_alpha_member", "member");

        await (await member.Client.GetAsync("/api/coupons/settings")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await member.Client.PutAsJsonAsync("/api/coupons/settings", Settings())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await Anonymous().GetAsync("/api/coupons/settings")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Anonymous().PutAsJsonAsync("/api/coupons/settings", Settings())).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EachTenant_HasItsOwnSettings()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        (await alpha.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner(headerName: "X-Api-Key", headerValue: HeaderValue)))).EnsureSuccessStatusCode();

        var seenByBeta = await (await beta.Client.GetAsync("/api/coupons/settings")).JsonAsync();
        seenByBeta.GetProperty("saved").GetBoolean().Should().BeFalse();

        (await beta.Client.PutAsJsonAsync("/api/coupons/settings", Settings(partner: Partner(headerName: "X-Api-Key")))).StatusCode
            .Should().Be(HttpStatusCode.BadRequest, "beta has no stored header value to keep: alpha's is not beta's");
        (await beta.Client.PutAsJsonAsync("/api/coupons/settings", Settings(validation: "pattern", codePattern: "FP[0-9]{4}"))).EnsureSuccessStatusCode();
        var alphaAfter = await (await alpha.Client.GetAsync("/api/coupons/settings")).JsonAsync();
        alphaAfter.GetProperty("validation").GetString().Should().Be("partner");
        alphaAfter.GetProperty("codePattern").GetString().Should().Be("[A-Z0-9_-]{3,32}");
        (await StoredHeaderValueAsync("alpha")).Should().Be(HeaderValue);
    }

    private static object Settings(string validation = "partner", string? codePattern = null, object? partner = null) => new
    {
        validation,
        codePattern,
        partner = partner ?? Partner(),
        linkTemplate = "https://partner.example/buy?promo={code}",
    };

    private static Dictionary<string, object?> Partner(string? headerName = null, string? headerValue = null, int? timeoutMs = null)
    {
        var partner = new Dictionary<string, object?> { ["urlTemplate"] = "https://api.partner.example/discount?coupons[]={code}&productIds=7" };
        if (headerName is not null)
        {
            partner["headerName"] = headerName;
        }

        if (headerValue is not null)
        {
            partner["headerValue"] = headerValue;
        }

        if (timeoutMs is not null)
        {
            partner["timeoutMs"] = timeoutMs;
        }

        return partner;
    }

    private static async Task<string> StoredPartnerJsonAsync(string tenantId)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT partner::text FROM coupon_settings WHERE tenant_id = @tenant", connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string?> StoredHeaderValueAsync(string tenantId)
    {
        var partner = JsonDocument.Parse(await StoredPartnerJsonAsync(tenantId)).RootElement;
        return partner.TryGetProperty("encryptedHeaderValue", out var encrypted) && encrypted.ValueKind == JsonValueKind.String
            ? Factory.Services.GetRequiredService<ISecretProtector>().Unprotect(CouponSecrets.PartnerHeaderValue, encrypted.GetString()!)
            : null;
    }
}
