using System.Net;
using System.Text.Json;
using PromoStack.Domain.Coupons;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Analytics;

/// <summary><c>GET /api/coupons/failures</c> and <c>failures.csv</c>: the failed attempts of a period, paged, filtered, exported safely.</summary>
public sealed class CouponFailuresTests(AppFixture fixture, ClassApp app) : CouponAnalyticsTestBase(fixture, app)
{
    [Fact]
    public async Task Failures_AreTheFailedAttemptsOfThePeriod_NewestFirst_Paged()
    {
        await SeedFebruaryAsync();

        var pages = new List<JsonElement>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await (await Admin.GetAsync($"/api/coupons/failures?{February}&page={page}&pageSize=2")).JsonAsync());
        }

        pages.Should().OnlyContain(p => p.GetProperty("total").GetInt32() == 5 && p.GetProperty("pageSize").GetInt32() == 2);
        pages.Select(p => p.GetProperty("page").GetInt32()).Should().Equal(1, 2, 3);
        var rows = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).ToList();
        rows.Select(r => r.GetProperty("at").GetDateTimeOffset()).Should().Equal(
            At("2026-02-14T04:00Z"), At("2026-02-10T14:00Z"), At("2026-02-06T16:00Z"), At("2026-02-03T14:00Z"), At("2026-02-02T03:00Z"));
        rows.Select(r => r.GetProperty("errorType").GetString()).Should().Equal("template_not_found", "not_a_code", "render_failed", "partner_unavailable", "invalid_code");
        rows.Select(r => r.GetProperty("userMistake").GetBoolean()).Should().Equal(true, true, false, false, true);

        var typo = rows[4];
        typo.GetProperty("source").GetString().Should().Be("telegram");
        typo.GetProperty("chatId").GetInt64().Should().Be(1001);
        typo.GetProperty("username").GetString().Should().Be("ana");
        typo.GetProperty("name").GetString().Should().Be("Ana Silva");
        typo.GetProperty("code").GetString().Should().Be("SAVE1O");
        typo.GetProperty("template").ValueKind.Should().Be(JsonValueKind.Null);
        var render = rows[2];
        render.GetProperty("source").GetString().Should().Be("web");
        render.GetProperty("chatId").ValueKind.Should().Be(JsonValueKind.Null);
        render.GetProperty("name").ValueKind.Should().Be(JsonValueKind.Null);
        render.GetProperty("template").GetString().Should().Be("gold");
        render.GetProperty("size").GetString().Should().Be("square");
        rows[1].GetProperty("code").GetString().Should().Be("HELLO THERE");
    }

    [Fact]
    public async Task Failures_FilterByErrorType_AndKeepToThePeriod()
    {
        await SeedFebruaryAsync();

        var render = await (await Admin.GetAsync($"/api/coupons/failures?{February}&errorType=render_failed")).JsonAsync();
        var feb3 = await (await Admin.GetAsync("/api/coupons/failures?from=2026-02-03&to=2026-02-03")).JsonAsync();
        var timeouts = await (await Admin.GetAsync($"/api/coupons/failures?{February}&errorType=partner_timeout")).JsonAsync();

        render.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("at").GetDateTimeOffset()).Should().Equal(At("2026-02-06T16:00Z"));
        feb3.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("errorType").GetString()).Should().Equal("partner_unavailable");
        timeouts.GetProperty("total").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("errorType=oops", "errorType")]
    [InlineData("errorType=Invalid_Code", "errorType")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("from=2026-02-14&to=2026-02-01", "from")]
    [InlineData("to=2026-02-31", "to")]
    public async Task BadInput_Is400_NamingTheField(string parameters, string field)
    {
        await (await Admin.GetAsync($"/api/coupons/failures?{parameters}")).ShouldHaveFieldErrorAsync(field);
        if (!parameters.StartsWith("page", StringComparison.Ordinal))
        {
            await (await Admin.GetAsync($"/api/coupons/failures.csv?{parameters}")).ShouldHaveFieldErrorAsync(field);
        }
    }

    [Fact]
    public async Task TheCsv_HasEveryFailure_AsAnAttachment_WithFormulasNeutralisedAndQuotesEscaped()
    {
        var mallory = Profile(666, "=cmd", "=1+2", "Smith, \"Jr\"", "2026-02-05T10:00Z");
        await SeedAsync("alpha", [
            Chat(666, "2026-02-05T10:00Z", "=HYPERLINK(\"http://evil.example\",\"x\")", error: CouponErrorType.InvalidCode),
            Chat(666, "2026-02-05T11:00Z", "@SUM(A1)", "gold", CouponSize.Story, CouponErrorType.PartnerTimeout),
            Chat(666, "2026-02-05T12:00Z", "OK10"),
            Web("client-a", "2026-02-06T16:00Z", "+1", error: CouponErrorType.RateLimited),
        ], mallory);

        var response = await Admin.GetAsync($"/api/coupons/failures.csv?{February}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be("coupon-failures-2026-02-01-2026-02-14.csv");
        response.Headers.GetValues("X-PromoStack-Truncated").Should().Equal("false");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().Equal(
            "created_at,source,chat_id,username,name,code,template,size,error_type,user_mistake",
            "2026-02-06T16:00:00.0000000+00:00,web,,,,'+1,,,rate_limited,true",
            "2026-02-05T11:00:00.0000000+00:00,telegram,666,'=cmd,\"'=1+2 Smith, \"\"Jr\"\"\",'@SUM(A1),gold,story,partner_timeout,false",
            "2026-02-05T10:00:00.0000000+00:00,telegram,666,'=cmd,\"'=1+2 Smith, \"\"Jr\"\"\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",,,invalid_code,true");
    }

    [Fact]
    public async Task AMember_SeesFailuresMasked_AndNeitherTheCsvNorAUsersActivity()
    {
        await SeedFebruaryAsync();
        var member = await Given.MemberAsync(App, Identity, Admin, "user_coupons_member");

        var rows = (await (await member.GetAsync($"/api/coupons/failures?{February}")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

        rows.Should().HaveCount(5);
        rows.Should().OnlyContain(r => r.GetProperty("chatId").ValueKind == JsonValueKind.Null);
        rows[4].GetProperty("username").GetString().Should().Be("a…");
        rows[4].GetProperty("name").GetString().Should().Be("A…");
        rows[4].GetProperty("code").GetString().Should().Be("SAVE1O", "a code is no personal data");
        rows[1].GetProperty("code").GetString().Should().Be("H…", "what a user wrote that is no code may be anything");
        (await member.GetAsync($"/api/coupons/failures.csv?{February}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GetAsync("/api/coupons/users/1001")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
