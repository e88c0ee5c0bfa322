using System.Text.Json;
using PromoStack.Application.Common.Security;
using PromoStack.Application.Connections;
using PromoStack.Application.Coupons;
using PromoStack.Application.Import;
using PromoStack.Application.Stripe;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Tests.Security;

public sealed class AuditFieldsTests
{
    private const string BotToken = "222222222:AAH-message-token-secret-part-ijklmnop";
    private const string StripeKey = "sk_live_51HqLyjWDarjtT1zdp7dcabcd";
    private const string WebhookSecret = "whsec_1234567890abcdefghijwxyz";

    public sealed record Marked([property: Secret] string? Pin, [property: Secret] Nested? Vault, [property: Secret] int Code, string Note);

    public sealed record Nested(string ApiKey, string Comment);

    public sealed record Named(string Token, string SecretKey, string Password, string HeaderValue, string Authorization, string Key, string AnswerKey, string Email);

    public sealed record Loose(IReadOnlyDictionary<string, string?> Settings, JsonElement Config, IReadOnlyList<Nested> Items);

    public sealed record Files(byte[]? Square, byte[] Raw, string Csv, Stream Upload);

    public sealed record Plain(Guid Id, DateOnly Day, BotRole Role, decimal? Price, IReadOnlyList<string> Weekdays, bool Enabled);

    [Fact]
    public void AMarkedSecret_IsMaskedWhateverItsName_TextAsTheApiShowsIt_AnythingElseHidden()
    {
        var fields = Parse(new Marked("plainsecretvaluewithoutprefix9876", new Nested("k", "c"), 1234, "kept"));

        fields.GetProperty("pin").GetString().Should().Be("…9876");
        fields.GetProperty("vault").GetString().Should().Be(AuditFields.Hidden);
        fields.GetProperty("code").GetString().Should().Be(AuditFields.Hidden);
        fields.GetProperty("note").GetString().Should().Be("kept");
    }

    [Fact]
    public void AnAbsentSecret_StaysAbsent_AndAnEmptyOneEmpty_SoKeepingAndRemovingOneCanBeToldApart()
    {
        var fields = Parse(new Marked(null, null, 0, "n"));
        var emptied = Parse(new Named(string.Empty, "x", "x", string.Empty, "x", "k", "a", "e"));

        fields.GetProperty("pin").ValueKind.Should().Be(JsonValueKind.Null);
        fields.GetProperty("vault").ValueKind.Should().Be(JsonValueKind.Null);
        emptied.GetProperty("headerValue").GetString().Should().BeEmpty();
        emptied.GetProperty("token").GetString().Should().BeEmpty();
    }

    [Fact]
    public void APropertyWhoseNameSaysSecret_IsMaskedWithoutAMark_AndAGenericKeyIsNot()
    {
        var json = AuditFields.Of(new Named(BotToken, StripeKey, "hunter2-s3cr3t-Pa55", "Bearer abcdefghijklmnop", "Basic dXNlcjpwYXNzd29yZA==", "welcome_message", "email", "ana@example.com"));
        var fields = JsonDocument.Parse(json).RootElement;

        json.Should().NotContain(BotToken).And.NotContain(StripeKey).And.NotContain("hunter2").And.NotContain("abcdefghijklmnop").And.NotContain("dXNlcjpwYXNz");
        fields.GetProperty("token").GetString().Should().Be("222222222:…mnop");
        fields.GetProperty("secretKey").GetString().Should().Be("sk_live_…abcd");
        fields.GetProperty("key").GetString().Should().Be("welcome_message");
        fields.GetProperty("answerKey").GetString().Should().Be("email");
        fields.GetProperty("email").GetString().Should().Be("ana@example.com");
    }

    [Fact]
    public void SecretsAreMaskedAtAnyDepth_InNestedRecords_DictionaryKeys_AndJsonMembers()
    {
        using var config = JsonDocument.Parse($$$"""{"url":"https://partner.example","client_secret":"{{{WebhookSecret}}}","nested":{"x-api-key":"abcdefghijklmnopqrstu"}}""");
        var settings = new Dictionary<string, string?> { ["welcome_message"] = "Hi", ["api_key"] = "abcdefghijklmnopqrstu" };

        var json = AuditFields.Of(new Loose(settings, config.RootElement, [new Nested(StripeKey, "first")]));
        var fields = JsonDocument.Parse(json).RootElement;

        json.Should().NotContain(WebhookSecret).And.NotContain("abcdefghijklmnopqrstu").And.NotContain(StripeKey);
        fields.GetProperty("settings").GetProperty("welcome_message").GetString().Should().Be("Hi");
        fields.GetProperty("config").GetProperty("url").GetString().Should().Be("https://partner.example");
        fields.GetProperty("items")[0].GetProperty("comment").GetString().Should().Be("first");
    }

    [Fact]
    public void ASecretThatIsNotText_IsHiddenWhole()
    {
        using var config = JsonDocument.Parse("""{"token":{"value":"abcdefghijklmnopqrstu"},"password":12345678}""");

        var fields = Parse(new Loose(new Dictionary<string, string?>(), config.RootElement, []));

        fields.GetProperty("config").GetProperty("token").GetString().Should().Be(AuditFields.Hidden);
        fields.GetProperty("config").GetProperty("password").GetString().Should().Be(AuditFields.Hidden);
    }

    [Fact]
    public void BytesStreamsAndLongTexts_AreSummarised_NotRecorded()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[1_234_567 - 8]];
        var csv = string.Join('\n', Enumerable.Range(0, 2_000).Select(i => $"CODE{i:D6}"));

        var fields = Parse(new Files(png, [1, 2, 3], csv, new MemoryStream(new byte[2_500])));

        fields.GetProperty("square").GetString().Should().Be("<1.2 MB PNG image>");
        fields.GetProperty("raw").GetString().Should().Be("<3 B binary>");
        fields.GetProperty("csv").GetString().Should().Be("<22 kB text>");
        fields.GetProperty("upload").GetString().Should().Be("<2.5 kB stream>");
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0 }, "<6 B JPEG image>")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "<6 B GIF image>")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "<12 B WebP image>")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F' }, "<4 B binary>")]
    public void Describe_NamesTheImageKind(byte[] bytes, string expected) => AuditFields.Describe(bytes).Should().Be(expected);

    [Fact]
    public void ATextUpToTheLimit_IsKeptWhole()
    {
        var message = new string('m', AuditFields.MaxTextLength);

        Parse(new Plain(Guid.Empty, default, BotRole.MessageBot, null, [message], false)).GetProperty("weekdays")[0].GetString().Should().Be(message);
    }

    [Fact]
    public void PlainFields_AreRecordedAsTheApiWritesThem()
    {
        var id = Guid.NewGuid();

        var fields = Parse(new Plain(id, new DateOnly(2026, 12, 5), BotRole.SignalBot, 2341.5m, ["mon", "fri"], true));

        fields.GetProperty("id").GetGuid().Should().Be(id);
        fields.GetProperty("day").GetString().Should().Be("2026-12-05");
        fields.GetProperty("role").GetString().Should().Be("signal_bot");
        fields.GetProperty("price").GetDecimal().Should().Be(2341.5m);
        fields.GetProperty("weekdays").EnumerateArray().Select(d => d.GetString()).Should().Equal("mon", "fri");
        fields.GetProperty("enabled").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void AJsonValueNeverSet_IsRecordedAsNull()
    {
        var fields = Parse(new Loose(new Dictionary<string, string?>(), default, []));

        fields.GetProperty("config").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void TheSecretsOfRealCommands_AreNeverRecorded()
    {
        const string headerValue = "Bearer partner-live-key-0123456789";
        const string connection = "Host=db.example;Username=app;Password=correct-horse-battery";
        var partner = new PartnerApiInput("https://partner.example/check?code={code}", "X-Api-Key", headerValue, null, null, null, null);

        string[] recorded =
        [
            AuditFields.Of(new SaveConnection(BotRole.MessageBot, BotToken, null, null)),
            AuditFields.Of(new SaveStripeSettings(StripeKey, WebhookSecret, "acct_1Tenant", null, null, null, null)),
            AuditFields.Of(new SaveCouponSettings(CodeValidation.Partner, null, partner, null, 5)),
            AuditFields.Of(new ImportOriginal(connection, [], DryRun: true, null)),
        ];

        recorded.Should().AllSatisfy(json => json.Should().NotContain(BotToken).And.NotContain(StripeKey).And.NotContain(WebhookSecret)
            .And.NotContain("partner-live-key").And.NotContain("correct-horse"));
        recorded[1].Should().Contain("acct_1Tenant");
        JsonDocument.Parse(recorded[2]).RootElement.GetProperty("partner").GetProperty("headerName").GetString().Should().Be("X-Api-Key");
    }

    [Theory]
    [InlineData("Token")]
    [InlineData("botToken")]
    [InlineData("SecretKey")]
    [InlineData("webhook_secret")]
    [InlineData("api_key")]
    [InlineData("X-Api-Key")]
    [InlineData("AccessKeyId")]
    [InlineData("HeaderValue")]
    [InlineData("Password")]
    [InlineData("Authorization")]
    [InlineData("Signature")]
    [InlineData("ConnectionString")]
    public void LooksSecret_KnowsTheNamesOfSecrets(string name) => AuditFields.LooksSecret(name).Should().BeTrue();

    [Theory]
    [InlineData("Key")]
    [InlineData("answer_key")]
    [InlineData("DedupeKey")]
    [InlineData("HeaderName")]
    [InlineData("Email")]
    [InlineData("Message")]
    public void LooksSecret_LeavesOrdinaryNamesAlone(string name) => AuditFields.LooksSecret(name).Should().BeFalse();

    private static JsonElement Parse(object message) => JsonDocument.Parse(AuditFields.Of(message)).RootElement;
}
