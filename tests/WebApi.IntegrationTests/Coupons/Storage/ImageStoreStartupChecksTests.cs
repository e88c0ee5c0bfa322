using Microsoft.Extensions.Configuration;
using PromoStack.Infrastructure.Configuration;
using PromoStack.WebApi.IntegrationTests.Startup;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Storage;

/// <summary>The image store's settings are checked before anything starts; pure, no database.</summary>
public sealed class ImageStoreStartupChecksTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    [Fact]
    public void WithoutAnyImageStoreSetting_StartUpPasses_WithThePostgresStore() =>
        Validate(Settings()).Should().NotThrow();

    [Fact]
    public void AComplete_S3Configuration_Passes() =>
        Validate(Settings(S3())).Should().NotThrow();

    [Fact]
    public void S3_WithoutItsSettings_NamesEachMissingVariable()
    {
        var message = Problems(Settings(new() { ["Coupons:ImageStore:Kind"] = "S3" }));

        foreach (var name in new[] { "ServiceUrl", "Region", "Bucket", "AccessKeyId", "SecretAccessKey" })
        {
            message.Should().Contain($"Coupons__ImageStore__{name} is required when Coupons__ImageStore__Kind=s3");
        }
    }

    [Fact]
    public void AnUnknownKind_IsNamed() =>
        Problems(Settings(new() { ["Coupons:ImageStore:Kind"] = "ftp" })).Should().Contain("Coupons__ImageStore__Kind 'ftp' is not one of: postgres, s3");

    [Theory]
    [InlineData("ServiceUrl", "minio:9000", "Coupons__ImageStore__ServiceUrl 'minio:9000' is not an absolute http(s) URL")]
    [InlineData("TimeoutSeconds", "0", "Coupons__ImageStore__TimeoutSeconds is 1 to 300")]
    [InlineData("TimeoutSeconds", "soon", "Coupons__ImageStore__TimeoutSeconds 'soon' is not a valid whole number")]
    public void ABadValue_IsNamed_AndTheSecretKeyNeverShows(string setting, string value, string expected)
    {
        var s3 = S3();
        s3[$"Coupons:ImageStore:{setting}"] = value;

        Problems(Settings(s3)).Should().Contain(expected).And.NotContain(Secret);
    }

    private static Dictionary<string, string?> S3() => new()
    {
        ["Coupons:ImageStore:Kind"] = "s3",
        ["Coupons:ImageStore:ServiceUrl"] = "https://account.r2.cloudflarestorage.com",
        ["Coupons:ImageStore:Region"] = "auto",
        ["Coupons:ImageStore:Bucket"] = "coupons",
        ["Coupons:ImageStore:AccessKeyId"] = "AKIDEXAMPLE",
        ["Coupons:ImageStore:SecretAccessKey"] = Secret,
    };

    private static Dictionary<string, string?> Settings(Dictionary<string, string?>? imageStore = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=localhost;Port=5432;Database=promostack;Username=postgres",
            ["Secrets:MasterKey"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            ["Auth:Issuer"] = "https://clerk.example.com",
        };
        foreach (var (key, value) in imageStore ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Action Validate(Dictionary<string, string?> settings) => () =>
        StartupChecks.Validate(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new TestHostEnvironment("Testing"));

    private static string Problems(Dictionary<string, string?> settings) => Validate(settings).Should().Throw<ConfigurationException>().Which.Message;
}
