using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Codes;

/// <summary>The list of valid codes: CSV uploads with rejects reported, replacement, limits, roles and tenants.</summary>
public sealed class CouponCodeListTests(AppFixture fixture, ITestOutputHelper output) : IntegrationTest(fixture)
{
    [Fact]
    public async Task ACsvUpload_IsNormalised_Deduplicated_ChecksEachLineAgainstThePattern_AndReportsTheRejects()
    {
        var admin = await NewTenantAsync("alpha");
        const string csv = "Code,Campaign\r\nsave20,black friday\r\n  SAVE20 ,again\r\n\"win-10\",\"quoted, with comma\"\r\n\r\nHELLO\r\nblack friday\r\nab\r\nVIP_2026\n";

        var report = await (await PutCsvAsync(admin.Client, csv)).JsonAsync();

        report.GetProperty("count").GetInt32().Should().Be(3);
        report.GetProperty("duplicates").GetInt32().Should().Be(1);
        report.GetProperty("rejectedCount").GetInt32().Should().Be(3);
        var rejected = report.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("text").GetString())).ToList();
        rejected.Should().Equal((6, "HELLO"), (7, "black friday"), (8, "ab"));
        report.GetProperty("rejected")[0].GetProperty("reason").GetString().Should().Contain("command");
        report.GetProperty("rejected")[1].GetProperty("reason").GetString().Should().Contain("[A-Z0-9_-]{3,32}");

        var list = await (await admin.Client.GetAsync("/api/coupons/codes")).JsonAsync();
        list.GetProperty("count").GetInt32().Should().Be(3);
        list.GetProperty("samples").EnumerateArray().Select(s => s.GetString()).Should().Equal("SAVE20", "VIP_2026", "WIN-10");
        list.GetProperty("updatedAt").ValueKind.Should().Be(System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task AnUpload_ReplacesTheWholeList_AsAMultipartFileToo_AndFollowsTheTenantsPattern()
    {
        var admin = await NewTenantAsync("alpha");
        (await PutCsvAsync(admin.Client, "OLD-ONE\nOLD-TWO\n")).EnsureSuccessStatusCode();
        (await admin.Client.PutAsJsonAsync("/api/coupons/settings", new { validation = "code_list", codePattern = "FP[0-9]{4}", linkTemplate = "https://p.example/{code}" }))
            .EnsureSuccessStatusCode();

        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("fp1234\nFP9999\nSAVE20\n")), "file", "codes.csv" } };
        var report = await (await admin.Client.PutAsync("/api/coupons/codes", form)).JsonAsync();

        report.GetProperty("count").GetInt32().Should().Be(2);
        report.GetProperty("rejected")[0].GetProperty("text").GetString().Should().Be("SAVE20");
        var list = await (await admin.Client.GetAsync("/api/coupons/codes")).JsonAsync();
        list.GetProperty("samples").EnumerateArray().Select(s => s.GetString()).Should().Equal("FP1234", "FP9999");
    }

    [Fact]
    public async Task AFileWithoutASingleCode_Is400_AndKeepsTheList()
    {
        var admin = await NewTenantAsync("alpha");
        (await PutCsvAsync(admin.Client, "KEEP-ME\n")).EnsureSuccessStatusCode();

        await (await PutCsvAsync(admin.Client, "code\nhello\nno way\n")).ShouldHaveFieldErrorAsync("file");
        await (await PutCsvAsync(admin.Client, "\n\n")).ShouldHaveFieldErrorAsync("file");
        using var wrongName = new MultipartFormDataContent { { new ByteArrayContent("A-CODE\n"u8.ToArray()), "codes", "codes.csv" } };
        await (await admin.Client.PutAsync("/api/coupons/codes", wrongName)).ShouldHaveFieldErrorAsync("file");

        var list = await (await admin.Client.GetAsync("/api/coupons/codes")).JsonAsync();
        list.GetProperty("samples").EnumerateArray().Select(s => s.GetString()).Should().Equal("KEEP-ME");
    }

    [Fact]
    public async Task AnUploadOverFiveMegabytes_Is413()
    {
        var admin = await NewTenantAsync("alpha");
        var big = new StringBuilder();
        while (big.Length <= 5 * 1024 * 1024)
        {
            big.Append("CODE-").Append(big.Length).Append('\n');
        }

        await (await PutCsvAsync(admin.Client, big.ToString())).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        (await (await admin.Client.GetAsync("/api/coupons/codes")).JsonAsync()).GetProperty("count").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task AHundredThousandCodes_AreStoredInOneUpload_AndMoreAreRefused()
    {
        var admin = await NewTenantAsync("alpha");
        var csv = string.Join('\n', Enumerable.Range(0, 100_000).Select(i => $"CODE{i:D6}"));

        var clock = Stopwatch.StartNew();
        var report = await (await PutCsvAsync(admin.Client, csv)).JsonAsync();
        output.WriteLine($"100,000 codes replaced in {clock.ElapsedMilliseconds} ms");
        var again = Stopwatch.StartNew();
        (await PutCsvAsync(admin.Client, csv)).EnsureSuccessStatusCode();
        output.WriteLine($"100,000 codes replaced by 100,000 in {again.ElapsedMilliseconds} ms");

        report.GetProperty("count").GetInt32().Should().Be(100_000);
        (await CountAsync("alpha")).Should().Be(100_000);
        await (await PutCsvAsync(admin.Client, csv + "\nONE-MORE")).ShouldHaveFieldErrorAsync("file");
        (await CountAsync("alpha")).Should().Be(100_000);
    }

    [Fact]
    public async Task AMember_ReadsTheList_ButCannotReplaceIt()
    {
        var admin = await NewTenantAsync("alpha");
        var member = await NewMemberAsync(admin, "user_alpha_member", "member");

        (await member.Client.GetAsync("/api/coupons/codes")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await PutCsvAsync(member.Client, "SAVE20\n")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await PutCsvAsync(Anonymous(), "SAVE20\n")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task EachTenant_HasItsOwnList()
    {
        var alpha = await NewTenantAsync("alpha");
        var beta = await NewTenantAsync("beta");
        (await PutCsvAsync(alpha.Client, "ALPHA-1\nSHARED-1\n")).EnsureSuccessStatusCode();

        (await PutCsvAsync(beta.Client, "BETA-1\nSHARED-1\n")).EnsureSuccessStatusCode();

        (await (await alpha.Client.GetAsync("/api/coupons/codes")).JsonAsync()).GetProperty("samples").EnumerateArray().Select(s => s.GetString())
            .Should().Equal("ALPHA-1", "SHARED-1");
        (await (await beta.Client.GetAsync("/api/coupons/codes")).JsonAsync()).GetProperty("samples").EnumerateArray().Select(s => s.GetString())
            .Should().Equal("BETA-1", "SHARED-1");
    }

    private static Task<HttpResponseMessage> PutCsvAsync(HttpClient client, string csv)
    {
        var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return client.PutAsync("/api/coupons/codes", content);
    }

    private static async Task<long> CountAsync(string tenantId)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM coupon_codes WHERE tenant_id = @tenant", connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
