using System.Net;
using System.Net.Http.Json;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Stripe;

/// <summary>Stripe settings and the catalog cache, against a fake Stripe API on 127.0.0.1 (Stripe.net with Stripe__ApiBase).</summary>
public sealed class StripeSettingsTests(AppFixture fixture, ClassApp app, FakeStripe stripe) : IntegrationTest(fixture), IClassFixture<ClassApp>, IClassFixture<FakeStripe>
{
    private const string Key = "sk_test_51AbCdEfGhIjKlMnOpQrStUv";
    private const string WebhookSecret = "whsec_abcdefghijklmnopqrstuvwxyz012345";
    private readonly WireMockServer _stripe = stripe.Server;
    private PromoStackFactory _app = null!;
    private HttpClient _admin = null!;

    public override async Task InitializeAsync()
    {
        _stripe.Reset();
        await base.InitializeAsync();
        _app = app.ForTest(() => new PromoStackFactory(Identity, new Dictionary<string, string?> { ["Stripe:ApiBase"] = _stripe.Url }));
        _admin = await TenantAdminAsync("alpha", "user_stripe_alpha");
        Balance(200, """{"object":"balance","available":[],"pending":[],"livemode":false}""");
    }

    [Fact]
    public async Task Saving_ChecksTheKeyWithStripe_StoresTheSecretsEncrypted_AndNeverReturnsThem()
    {
        var saved = await (await _admin.PutAsJsonAsync("/api/stripe/settings", new
        {
            secretKey = Key, webhookSecret = WebhookSecret, vipProductId = "prod_VIP123", monthlyPriceId = "price_M123", annualPriceId = "price_A123",
            lifetimePriceId = "price_L123",
        })).JsonAsync();

        saved.GetProperty("configured").GetBoolean().Should().BeTrue();
        saved.GetProperty("prices").GetProperty("annual").GetString().Should().Be("price_A123");
        saved.ToString().Should().NotContain(Key).And.NotContain(WebhookSecret);
        saved.GetProperty("secretKey").GetString().Should().EndWith(Key[^4..]);
        var balanceCall = _stripe.LogEntries.Single(e => e.RequestMessage!.Path == "/v1/balance").RequestMessage!;
        balanceCall.Headers!["Authorization"].Single().Should().Be($"Bearer {Key}");
        var stored = await TestDatabase.ScalarAsync<string>("SELECT secret_key || webhook_secret FROM tenant_stripe_settings");
        stored.Should().NotContain(Key).And.NotContain(WebhookSecret);
        (await _admin.GetStringAsync("/api/stripe/settings")).Should().NotContain(Key).And.NotContain(WebhookSecret);
    }

    [Fact]
    public async Task AConnectedAccount_IsSentWithTheCall()
    {
        (await _admin.PutAsJsonAsync("/api/stripe/settings", new { secretKey = Key, stripeAccountId = "acct_1Tenant" })).EnsureSuccessStatusCode();

        _stripe.LogEntries.Single().RequestMessage!.Headers!["Stripe-Account"].Single().Should().Be("acct_1Tenant");
    }

    [Fact]
    public async Task AKeyStripeRefuses_Is400WithStripesReason_AndNothingIsSaved()
    {
        Balance(401, """{"error":{"message":"Invalid API Key provided: sk_test_****UvWx","type":"invalid_request_error"}}""");

        var response = await _admin.PutAsJsonAsync("/api/stripe/settings", new { secretKey = Key });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString().Should().Contain("Invalid API Key provided");
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_stripe_settings")).Should().Be(0);
    }

    [Fact]
    public async Task AStripeOutage_Is503_AndNothingIsSaved()
    {
        Balance(500, """{"error":{"message":"Something went wrong on Stripe's end.","type":"api_error"}}""");

        await (await _admin.PutAsJsonAsync("/api/stripe/settings", new { secretKey = Key })).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM tenant_stripe_settings")).Should().Be(0);
    }

    [Theory]
    [InlineData("secretKey", "pk_test_publishable123456")]
    [InlineData("webhookSecret", "secret")]
    [InlineData("stripeAccountId", "1234")]
    [InlineData("monthlyPriceId", "prod_notaprice")]
    public async Task MalformedIds_Are400WithTheField(string field, string value)
    {
        var body = new Dictionary<string, string> { ["secretKey"] = Key, [field] = value };

        await (await _admin.PutAsJsonAsync("/api/stripe/settings", body)).ShouldHaveFieldErrorAsync(field);
        _stripe.LogEntries.Should().BeEmpty("nothing reaches Stripe before the input is valid");
    }

    [Fact]
    public async Task TheFirstSave_NeedsAKey_AndLaterSavesKeepIt()
    {
        await (await _admin.PutAsJsonAsync("/api/stripe/settings", new { vipProductId = "prod_VIP123" })).ShouldHaveFieldErrorAsync("secretKey");

        (await _admin.PutAsJsonAsync("/api/stripe/settings", new { secretKey = Key })).EnsureSuccessStatusCode();
        var kept = await (await _admin.PutAsJsonAsync("/api/stripe/settings", new { vipProductId = "prod_VIP123" })).JsonAsync();

        kept.GetProperty("secretKey").GetString().Should().EndWith(Key[^4..]);
        kept.GetProperty("vipProductId").GetString().Should().Be("prod_VIP123");
        _stripe.LogEntries.Should().HaveCount(1, "an unchanged key is not checked again");
    }

    [Fact]
    public async Task Sync_CachesProductsAndPrices_AndMarksTheOnesStripeNoLongerHasInactive()
    {
        (await _admin.PutAsJsonAsync("/api/stripe/settings", new { secretKey = Key })).EnsureSuccessStatusCode();
        Catalog(["""{"id":"prod_VIP","object":"product","name":"VIP","active":true}""", """{"id":"prod_OLD","object":"product","name":"Old","active":true}"""],
            ["""{"id":"price_M","object":"price","product":"prod_VIP","currency":"usd","unit_amount":4900,"active":true,"recurring":{"interval":"month","interval_count":1}}"""]);
        (await _admin.PostAsync("/api/stripe/sync", null)).EnsureSuccessStatusCode();
        Catalog(["""{"id":"prod_VIP","object":"product","name":"VIP Gold","active":true}"""], []);

        var products = await (await _admin.PostAsync("/api/stripe/sync", null)).JsonAsync();

        var vip = products.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "prod_VIP");
        vip.GetProperty("name").GetString().Should().Be("VIP Gold");
        vip.GetProperty("prices")[0].GetProperty("active").GetBoolean().Should().BeFalse("Stripe no longer lists it");
        products.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "prod_OLD").GetProperty("active").GetBoolean().Should().BeFalse();
        (await (await _admin.GetAsync("/api/stripe/products")).JsonAsync()).GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Sync_BeforeSettings_Is409()
    {
        await (await _admin.PostAsync("/api/stripe/sync", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AnotherTenant_SeesNeitherTheSettingsNorTheCatalog_AndMembersCannotReadKeys()
    {
        (await _admin.PutAsJsonAsync("/api/stripe/settings", new { secretKey = Key, vipProductId = "prod_VIP123" })).EnsureSuccessStatusCode();
        var beta = await TenantAdminAsync("beta", "user_stripe_beta");

        var theirs = await (await beta.GetAsync("/api/stripe/settings")).JsonAsync();

        theirs.GetProperty("configured").GetBoolean().Should().BeFalse();
        theirs.GetProperty("vipProductId").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        (await (await beta.GetAsync("/api/stripe/products")).JsonAsync()).GetArrayLength().Should().Be(0);
        (await _app.CreateClient().GetAsync("/api/stripe/settings")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpClient> TenantAdminAsync(string slug, string userId)
    {
        return await Given.TenantAsync(_app, Identity, userId, slug, name: slug);
    }

    private void Balance(int status, string body) =>
        _stripe.Given(Request.Create().WithPath("/v1/balance").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    private void Catalog(string[] products, string[] prices)
    {
        _stripe.Given(Request.Create().WithPath("/v1/products").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody($$"""{"object":"list","url":"/v1/products","has_more":false,"data":[{{string.Join(',', products)}}]}"""));
        _stripe.Given(Request.Create().WithPath("/v1/prices").UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
            .WithBody($$"""{"object":"list","url":"/v1/prices","has_more":false,"data":[{{string.Join(',', prices)}}]}"""));
    }
}
