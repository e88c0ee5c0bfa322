using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PromoStack.Application.Coupons;
using PromoStack.Infrastructure.Coupons.Storage;
using PromoStack.Infrastructure.Tenancy;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Storage;

/// <summary>
/// The S3 image store through the real AWS SDK against a fake S3 on 127.0.0.1 (no S3 server runs here): what goes
/// over the wire — path-style URLs under the tenant's prefix, SigV4 signatures, the body and its content type — and
/// what each answer becomes.
/// </summary>
public sealed class S3CouponImageStoreTests : IDisposable
{
    private const string AccessKeyId = "AKIDPROMOSTACKTEST";
    private const string SecretAccessKey = "s3cr3t/AccessKey+never-shown-anywhere";
    private const string Bucket = "promo-images";
    private const string Region = "eu-central-1";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private readonly WireMockServer _s3 = WireMockServer.Start();

    public void Dispose() => _s3.Stop();

    [Fact]
    public async Task APut_IsASignedPathStylePut_OfTheBody_WithItsContentType_UnderTheTenantsPrefix_AndNoAcl()
    {
        Answer("PUT", 200);

        await Store("alpha", keyPrefix: "coupons").PutAsync("templates/abc123.png", Png, "image/png", CancellationToken.None);

        var request = _s3.LogEntries.Should().ContainSingle().Which.RequestMessage!;
        request.Method.Should().Be("PUT");
        request.Path.Should().Be($"/{Bucket}/coupons/alpha/templates/abc123.png");
        request.BodyAsBytes.Should().Equal(Png);
        Header(request, "Content-Type").Should().Be("image/png");
        Header(request, "x-amz-content-sha256").Should().Be(Convert.ToHexStringLower(SHA256.HashData(Png)), "the payload is signed");
        Header(request, "x-amz-acl").Should().BeNull("objects stay private");
        ShouldBeSignedWithSigV4(request);
    }

    [Fact]
    public async Task AGet_ReadsTheObject_OfTheTenant()
    {
        _s3.Given(Request.Create().WithPath($"/{Bucket}/alpha/k.png").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/png").WithBody(Png));

        (await Store("alpha").GetAsync("k.png", CancellationToken.None)).Should().Equal(Png);
        ShouldBeSignedWithSigV4(_s3.LogEntries.Single().RequestMessage!);
    }

    [Fact]
    public async Task AnotherTenant_AsksForItsOwnObject_NeverTheFirstTenants()
    {
        _s3.Given(Request.Create().WithPath($"/{Bucket}/alpha/k.png").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(Png));
        Answer("GET", 404, NoSuchKey);

        (await Store("beta").GetAsync("k.png", CancellationToken.None)).Should().BeNull();
        _s3.LogEntries.Single().RequestMessage!.Path.Should().Be($"/{Bucket}/beta/k.png");
    }

    [Fact]
    public async Task AMissingObject_IsNull()
    {
        Answer("GET", 404, NoSuchKey);

        (await Store("alpha").GetAsync("gone.png", CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData(403, "AccessDenied")]
    [InlineData(403, "SignatureDoesNotMatch")]
    [InlineData(403, "InvalidAccessKeyId")]
    [InlineData(404, "NoSuchBucket")]
    [InlineData(500, "InternalError")]
    [InlineData(503, "SlowDown")]
    public async Task ARefusalOrAServerError_IsUnavailable_WithoutACredentialInIt(int status, string code)
    {
        Answer("GET", status, Error(code));
        Answer("PUT", status, Error(code));
        var store = Store("alpha");

        foreach (var call in new Func<Task>[]
                 {
                     () => store.GetAsync("k.png", CancellationToken.None),
                     () => store.PutAsync("k.png", Png, "image/png", CancellationToken.None),
                 })
        {
            var thrown = (await call.Should().ThrowAsync<ImageStoreUnavailableException>()).Which;
            thrown.Message.Should().Contain(Bucket).And.Contain($"HTTP {status} {code}").And.NotContain(AccessKeyId);
            thrown.ToString().Should().NotContain(SecretAccessKey);
        }
    }

    [Fact]
    public async Task ASlowStore_TimesOut_AsUnavailable_WithinTheTimeoutForEachOfTheSdksThreeAttempts()
    {
        _s3.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(Png).WithDelay(TimeSpan.FromSeconds(5)));
        var started = Stopwatch.StartNew();

        var thrown = (await Store("alpha", timeoutSeconds: 1).Invoking(s => s.GetAsync("k.png", CancellationToken.None))
            .Should().ThrowAsync<ImageStoreUnavailableException>()).Which;

        thrown.Message.Should().Contain("timed out");
        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3 * 1 + 2));
    }

    [Fact]
    public async Task AnUnreachableStore_IsUnavailable()
    {
        var store = Store("alpha", serviceUrl: "http://127.0.0.1:1");

        (await store.Invoking(s => s.PutAsync("k.png", Png, "image/png", CancellationToken.None)).Should().ThrowAsync<ImageStoreUnavailableException>())
            .Which.Message.Should().Contain("unreachable");
    }

    [Fact]
    public async Task TheCallersCancellation_IsNotAnOutage()
    {
        _s3.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody(Png).WithDelay(TimeSpan.FromSeconds(5)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Store("alpha").Invoking(s => s.GetAsync("k.png", cancel.Token)).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task AKeyAUrlCouldRewrite_IntoAnotherTenantsFolder_IsRefused_BeforeAnythingIsSent()
    {
        await Store("alpha").Invoking(s => s.GetAsync("../beta/k.png", CancellationToken.None)).Should().ThrowAsync<ArgumentException>();

        _s3.LogEntries.Should().BeEmpty();
    }

    private const string NoSuchKey = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>";

    private static string Error(string code) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{code} happened.</Message><AWSAccessKeyId>{AccessKeyId}</AWSAccessKeyId><RequestId>R1</RequestId></Error>";

    private void Answer(string method, int status, string? body = null) =>
        _s3.Given(Request.Create().WithPath($"/{Bucket}/*").UsingMethod(method))
            .RespondWith(body is null
                ? Response.Create().WithStatusCode(status)
                : Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/xml").WithBody(body));

    private S3CouponImageStore Store(string tenantId, string? keyPrefix = null, int timeoutSeconds = 10, string? serviceUrl = null)
    {
        var options = new CouponImageStoreOptions
        {
            Kind = CouponImageStoreOptions.Kinds.S3,
            ServiceUrl = serviceUrl ?? _s3.Url,
            Region = Region,
            Bucket = Bucket,
            AccessKeyId = AccessKeyId,
            SecretAccessKey = SecretAccessKey,
            KeyPrefix = keyPrefix,
            TimeoutSeconds = timeoutSeconds,
        };
        var tenant = new TenantContext();
        tenant.Enter(tenantId);
        return new S3CouponImageStore(S3CouponImageStore.CreateClient(options), Options.Create(options), tenant);
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers!.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Single();

    private static void ShouldBeSignedWithSigV4(IRequestMessage request)
    {
        var date = Header(request, "x-amz-date");
        date.Should().MatchRegex("^[0-9]{8}T[0-9]{6}Z$");
        Header(request, "x-amz-content-sha256").Should().NotBeNullOrEmpty();
        var day = DateTime.ParseExact(date![..8], "yyyyMMdd", CultureInfo.InvariantCulture).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Header(request, "Authorization").Should().MatchRegex(
            $"^AWS4-HMAC-SHA256 Credential={AccessKeyId}/{day}/{Region}/s3/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{{64}}$");
        Header(request, "Authorization").Should().Contain("x-amz-content-sha256").And.Contain("x-amz-date");
        request.ToString().Should().NotContain(SecretAccessKey);
    }
}
