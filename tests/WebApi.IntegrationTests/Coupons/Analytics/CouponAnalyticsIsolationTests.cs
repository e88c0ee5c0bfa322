using System.Net;
using PromoStack.Domain.Coupons;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Analytics;

/// <summary>Tenant beta's analytics, failures, CSV and user activity never include a row of tenant alpha, nor the other way round.</summary>
public sealed class CouponAnalyticsIsolationTests(AppFixture fixture, ClassApp app) : CouponAnalyticsTestBase(fixture, app)
{
    [Fact]
    public async Task EachTenant_SeesOnlyItsOwnAttempts_Users_AndFailures()
    {
        await SeedFebruaryAsync();
        var beta = await Given.TenantAsync(App, Identity, "user_coupons_beta", "beta", timezone: Zone);
        await SeedAsync("beta", [
            Chat(5005, "2026-02-04T15:00Z", "BETA5", "blue", CouponSize.Square, tenant: "beta"),
            Chat(5005, "2026-02-04T15:10Z", "BETA-TYPO", error: CouponErrorType.InvalidCode, tenant: "beta"),
            Web("client-a", "2026-02-05T16:00Z", "BETA5", tenant: "beta"),
        ], Profile(5005, "carol", "Carol", null, "2026-02-04T15:00Z", tenant: "beta"));

        var analytics = await (await beta.GetAsync($"/api/coupons/analytics?{February}")).JsonAsync();
        var failures = await (await beta.GetAsync($"/api/coupons/failures?{February}")).JsonAsync();
        var csv = await beta.GetStringAsync($"/api/coupons/failures.csv?{February}");

        analytics.GetProperty("summary").GetProperty("attempts").GetInt32().Should().Be(3);
        analytics.GetProperty("uniqueUsers").GetProperty("total").GetInt32().Should().Be(2);
        analytics.GetProperty("retention").GetProperty("newUsers").GetProperty("web").GetInt32()
            .Should().Be(1, "client A is new to beta whatever it did at alpha");
        analytics.GetProperty("topUsers").EnumerateArray().Select(u => u.GetProperty("chatId").GetInt64()).Should().Equal(5005);
        analytics.GetProperty("templates").EnumerateArray().Select(t => t.GetProperty("slug").GetString()).Should().Equal("blue");
        analytics.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("code").GetString()).Should().Equal("BETA5");
        failures.GetProperty("total").GetInt32().Should().Be(1);
        failures.GetProperty("items")[0].GetProperty("code").GetString().Should().Be("BETA-TYPO");
        csv.Should().Contain("BETA-TYPO").And.NotContain("SAVE1O").And.NotContain("1001").And.NotContain("HELLO");
        await (await beta.GetAsync("/api/coupons/users/1001")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await beta.GetAsync("/api/coupons/users/5005")).StatusCode.Should().Be(HttpStatusCode.OK);

        await (await Admin.GetAsync("/api/coupons/users/5005")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await Admin.GetAsync($"/api/coupons/analytics?{February}")).JsonAsync()).GetProperty("summary").GetProperty("attempts").GetInt32().Should().Be(12);
    }
}
