using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using PromoStack.Infrastructure.Coupons.Partner;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Partner;

/// <summary>
/// The partner's code check as the app composes it (its HTTP client, the stored key decrypted by the app's secret
/// protector) against a fake partner API on 127.0.0.1: what each status means, which are tried again, how long a
/// check may take, and what is sent.
/// </summary>
public sealed class HttpPartnerCodeCheckerTests(AppFixture fixture) : IntegrationTest(fixture), IDisposable
{
    private const string ApiKey = "partner-key-0123456789";
    private readonly WireMockServer _partner = WireMockServer.Start();

    public void Dispose() => _partner.Stop();

    [Fact]
    public void TheAppChecksCodes_WithThisChecker() =>
        Factory.Services.GetRequiredService<IPartnerCodeChecker>().Should().BeOfType<HttpPartnerCodeChecker>();

    [Fact]
    public async Task AValidStatus_IsValid_AtTheFirstCall()
    {
        Answers(Status(200));

        (await CheckAsync(Api())).Should().Be(PartnerAnswer.Valid);
        _partner.LogEntries.Should().ContainSingle();
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task AnInvalidStatus_IsInvalid_AndNotAskedAgain(int status)
    {
        Answers(Status(status));

        (await CheckAsync(Api(attempts: 3))).Should().Be(PartnerAnswer.Invalid);
        _partner.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task AServerError_IsTriedAgain_AndTheNextAnswerCounts()
    {
        Answers(Status(500), Status(200));

        (await CheckAsync(Api(attempts: 2))).Should().Be(PartnerAnswer.Valid);
        _partner.LogEntries.Should().HaveCount(2);
    }

    [Fact]
    public async Task ThrottledAtEveryAttempt_IsUnavailable()
    {
        Answers(Status(429));

        (await CheckAsync(Api(attempts: 2))).Should().Be(PartnerAnswer.Unavailable);
        _partner.LogEntries.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(418)]
    public async Task AnotherStatus_IsUnavailable_WithoutAskingAgain(int status)
    {
        Answers(Status(status));

        (await CheckAsync(Api(attempts: 3))).Should().Be(PartnerAnswer.Unavailable);
        _partner.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task ARedirect_IsNotFollowed_SoTheKeyGoesNowhereElse()
    {
        Answers(Response.Create().WithStatusCode(302).WithHeader("Location", "/elsewhere"));

        (await CheckAsync(Api(header: true))).Should().Be(PartnerAnswer.Unavailable);
        _partner.LogEntries.Should().ContainSingle().Which.RequestMessage!.Path.Should().Be("/discount");
    }

    [Fact]
    public async Task ASlowPartner_TimesOut_WithinTheTimeoutTimesTheAttempts_PlusThePause()
    {
        Answers(Status(200).WithDelay(TimeSpan.FromSeconds(3)));
        var started = Stopwatch.StartNew();

        var answer = await CheckAsync(Api(timeoutMs: 500, attempts: 2));

        answer.Should().Be(PartnerAnswer.TimedOut, "a partner too slow to answer has not said the code is invalid");
        started.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(500 * 2), "both attempts waited their timeout")
            .And.BeLessThan(TimeSpan.FromMilliseconds((500 * 2) + 300 + 500), "two attempts of 500 ms, a pause of at most 300 ms, and a margin");
    }

    [Fact]
    public async Task OutOfAttempts_TheLastFailureSaysWhichAnswer()
    {
        Answers(Status(200).WithDelay(TimeSpan.FromSeconds(2)), Status(503));
        (await CheckAsync(Api(timeoutMs: 500, attempts: 2))).Should().Be(PartnerAnswer.Unavailable);

        _partner.Reset();
        Answers(Status(503), Status(200).WithDelay(TimeSpan.FromSeconds(2)));
        (await CheckAsync(Api(timeoutMs: 500, attempts: 2))).Should().Be(PartnerAnswer.TimedOut);
    }

    [Fact]
    public async Task AnUnreachablePartner_IsUnavailable_AfterEveryAttempt()
    {
        var api = new PartnerApi("http://127.0.0.1:1/discount?code={code}", null, null, null, PartnerApi.DefaultValidStatuses, PartnerApi.DefaultInvalidStatuses, 1000, 2);

        (await CheckAsync(api)).Should().Be(PartnerAnswer.Unavailable);
    }

    [Fact]
    public async Task TheTenantsOwnStatusRules_DecideTheAnswer()
    {
        Answers(Status(200));
        (await CheckAsync(Api(valid: [202], invalid: [200]))).Should().Be(PartnerAnswer.Invalid);

        _partner.Reset();
        Answers(Status(202));
        (await CheckAsync(Api(valid: [202], invalid: [200]))).Should().Be(PartnerAnswer.Valid);

        _partner.Reset();
        Answers(Status(500));
        (await CheckAsync(Api(valid: [200], invalid: [500], attempts: 3))).Should().Be(PartnerAnswer.Invalid, "a status listed is an answer, even a 5xx");
        _partner.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task TheKeyHeader_CarriesTheDecryptedValue_AndNoHeaderIsSentWithoutOne()
    {
        Answers(Status(200));

        await CheckAsync(Api(header: true));
        await CheckAsync(Api(header: false));

        var requests = _partner.LogEntries.Select(e => e.RequestMessage!).ToList();
        requests[0].Headers!["X-Api-Key"].Should().Equal(ApiKey);
        requests[1].Headers!.Should().NotContainKey("X-Api-Key");
    }

    [Fact]
    public async Task TheCode_IsUrlEncoded_AndTheFixedParametersAreKept()
    {
        Answers(Status(200));

        await CheckAsync(Api(), "A B&C");

        var request = _partner.LogEntries.Single().RequestMessage!;
        request.RawQuery.Should().Be("?coupons%5B%5D=A%20B%26C&productIds=42");
        var query = QueryHelpers.ParseQuery(request.RawQuery);
        query["coupons[]"].Should().Equal("A B&C");
        query["productIds"].Should().Equal("42");
    }

    [Fact]
    public async Task TheCallersCancellation_IsThrown_NotTakenForATimeout()
    {
        Answers(Status(200).WithDelay(TimeSpan.FromSeconds(3)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var check = () => Factory.Services.GetRequiredService<IPartnerCodeChecker>().CheckAsync(Api(timeoutMs: 2000), "CODE1", cancel.Token);

        await check.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task TheLog_HasTheStatusAndTheTime_NeverTheKeyNorTheCode()
    {
        var logs = new CapturedLogs();
        await using var app = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["Logging:LogLevel:PromoStack"] = "Information" })
        {
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };
        Answers(Status(503), Status(200));
        var api = Api(header: true, app: app);

        (await app.Services.GetRequiredService<IPartnerCodeChecker>().CheckAsync(api, "SECRETCODE9", CancellationToken.None)).Should().Be(PartnerAnswer.Valid);

        var lines = logs.Messages.Where(m => m.Category == typeof(HttpPartnerCodeChecker).FullName).Select(m => m.Message).ToList();
        lines.Should().HaveCount(2);
        lines[0].Should().MatchRegex("attempt 1 of 2 got HTTP 503 after [0-9]+ ms");
        lines[1].Should().MatchRegex("Valid on HTTP 200 after 2 attempt\\(s\\) in [0-9]+ ms");
        logs.Messages.Should().NotContain(m => m.Message.Contains(ApiKey) || m.Message.Contains("SECRETCODE9"));
    }

    [Fact]
    public async Task InProduction_APartnerOnAPrivateAddress_IsNeverCalled_AndTheCodeIsNotCalledInvalid()
    {
        await using var app = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["Coupons:Partner:AllowPrivateNetworks"] = "false" });
        Answers(Status(200));
        var checker = app.Services.GetRequiredService<IPartnerCodeChecker>();
        var byName = new PartnerApi(
            $"http://localhost:{_partner.Port}/discount?code={{code}}", null, null, null, PartnerApi.DefaultValidStatuses, PartnerApi.DefaultInvalidStatuses, 1000, 1);

        (await checker.CheckAsync(Api(attempts: 1, app: app), "CODE1", CancellationToken.None)).Should().Be(PartnerAnswer.Unavailable, "127.0.0.1 is not on the internet");
        (await checker.CheckAsync(byName, "CODE1", CancellationToken.None)).Should().Be(PartnerAnswer.Unavailable, "a name is checked on the addresses it resolves to");

        _partner.LogEntries.Should().BeEmpty("the app must not become a way into its own network");
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2001:db8::1")]
    public void AddressesOffTheInternet_AreNotPublic(string address) =>
        PublicAddresses.IsPublic(IPAddress.Parse(address)).Should().BeFalse();

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void AddressesOnTheInternet_ArePublic(string address) =>
        PublicAddresses.IsPublic(IPAddress.Parse(address)).Should().BeTrue();

    private Task<PartnerAnswer> CheckAsync(PartnerApi api, string code = "CODE1") =>
        Factory.Services.GetRequiredService<IPartnerCodeChecker>().CheckAsync(api, code, CancellationToken.None);

    private PartnerApi Api(
        bool header = false, int[]? valid = null, int[]? invalid = null, int timeoutMs = 2000, int attempts = 2, PromoStackFactory? app = null)
    {
        var encrypted = header
            ? (app ?? Factory).Services.GetRequiredService<ISecretProtector>().Protect(CouponSecrets.PartnerHeaderValue, ApiKey)
            : null;
        return new PartnerApi(
            $"{_partner.Url}/discount?coupons%5B%5D={{code}}&productIds=42", header ? "X-Api-Key" : null, encrypted, header ? "…6789" : null,
            valid ?? PartnerApi.DefaultValidStatuses, invalid ?? PartnerApi.DefaultInvalidStatuses, timeoutMs, attempts);
    }

    private static IResponseBuilder Status(int status) => Response.Create().WithStatusCode(status).WithBody("""{"message":"whatever"}""");

    /// <summary>The partner answers these in turn, then the last one for ever.</summary>
    private void Answers(params IResponseBuilder[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var mapping = _partner.Given(Request.Create().WithPath("/discount").UsingGet()).InScenario("answers");
            if (i > 0)
            {
                mapping = mapping.WhenStateIs($"after {i}");
            }

            if (i < responses.Length - 1)
            {
                mapping = mapping.WillSetStateTo($"after {i + 1}");
            }

            mapping.RespondWith(responses[i]);
        }
    }
}
