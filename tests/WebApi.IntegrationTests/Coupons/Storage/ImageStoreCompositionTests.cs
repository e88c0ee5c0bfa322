using PromoStack.Application.Coupons;
using PromoStack.Infrastructure.Coupons.Storage;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Storage;

/// <summary><c>Coupons__ImageStore__Kind=s3</c> gives the app the S3 store, configured from the environment.</summary>
public sealed class ImageStoreCompositionTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task WithKindS3_TheAppStoresImagesInTheConfiguredBucket()
    {
        using var s3 = WireMockServer.Start();
        s3.Given(Request.Create().UsingPut()).RespondWith(Response.Create().WithStatusCode(200));
        await using var app = new PromoStackFactory(Identity, new Dictionary<string, string?>
        {
            ["Coupons:ImageStore:Kind"] = "s3",
            ["Coupons:ImageStore:ServiceUrl"] = s3.Url,
            ["Coupons:ImageStore:Region"] = "us-east-1",
            ["Coupons:ImageStore:Bucket"] = "images",
            ["Coupons:ImageStore:AccessKeyId"] = "AKIDAPP",
            ["Coupons:ImageStore:SecretAccessKey"] = "app-secret",
            ["Coupons:ImageStore:KeyPrefix"] = "/promo",
        });
        await NewTenantAsync("alpha");

        await app.Services.GetRequiredService<PromoStack.Infrastructure.Tenancy.TenantScopes>().RunAsync("alpha", async (services, _) =>
        {
            var store = services.GetRequiredService<ICouponImageStore>();
            store.Should().BeOfType<S3CouponImageStore>();
            await store.PutAsync("k.png", [1, 2, 3], "image/png", CancellationToken.None);
        }, CancellationToken.None);

        s3.LogEntries.Should().ContainSingle().Which.RequestMessage!.Path.Should().Be("/images/promo/alpha/k.png");
    }
}
