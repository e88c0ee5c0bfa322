using System.Security.Cryptography;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Security;

/// <summary>Secrets at rest: Data Protection, purposes, and the key ring encrypted under <c>Secrets__MasterKey</c>.</summary>
public sealed class SecretsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string OtherMasterKey = "IB8eHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=";
    private const string Plaintext = "123456789:AAH-bot-token-that-must-stay-secret";

    [Fact]
    public void Protect_ThenUnprotect_RoundTrips()
    {
        var protector = Factory.Services.GetRequiredService<ISecretProtector>();

        var ciphertext = protector.Protect("telegram.bot-token", Plaintext);

        protector.Unprotect("telegram.bot-token", ciphertext).Should().Be(Plaintext);
    }

    [Fact]
    public void Protect_DoesNotLeakThePlaintext()
    {
        var protector = Factory.Services.GetRequiredService<ISecretProtector>();

        var ciphertext = protector.Protect("telegram.bot-token", Plaintext);

        ciphertext.Should().NotContain(Plaintext).And.NotContain("bot-token");
        protector.Protect("telegram.bot-token", Plaintext).Should().NotBe(ciphertext, "each protection is randomized");
    }

    [Fact]
    public void Unprotect_WithAnotherPurpose_Throws()
    {
        var protector = Factory.Services.GetRequiredService<ISecretProtector>();
        var ciphertext = protector.Protect("a", Plaintext);
        protector.Unprotect("a", ciphertext).Should().Be(Plaintext, "a value decrypted once is kept for its own purpose only");

        var act = () => protector.Unprotect("b", ciphertext);

        act.Should().Throw<CryptographicException>();
    }

    [Fact]
    public void Unprotect_ATamperedCiphertext_Throws()
    {
        var protector = Factory.Services.GetRequiredService<ISecretProtector>();
        var ciphertext = protector.Protect("a", Plaintext);
        var tampered = ciphertext[..^4] + (ciphertext[^4] == 'A' ? 'B' : 'A') + ciphertext[^3..];

        var act = () => protector.Unprotect("a", tampered);

        act.Should().Throw<CryptographicException>();
    }

    [Fact]
    public async Task KeyRing_IsStoredEncryptedUnderTheMasterKey()
    {
        // A fresh app: the shared one keeps its key ring in memory, and the database is wiped before each test.
        await using var app = new PromoStackFactory(Identity);
        app.Services.GetRequiredService<ISecretProtector>().Protect("a", Plaintext);

        var rows = await KeyRingXmlAsync();

        rows.Should().NotBeEmpty();
        rows.Should().AllSatisfy(xml =>
        {
            xml.Should().Contain("encryptedKey");
            xml.Should().NotContain("<masterKey");
        });
    }

    [Fact]
    public async Task KeyRing_IsSharedThroughTheDatabase_WithAnAppHoldingTheSameMasterKey()
    {
        string ciphertext;
        await using (var first = new PromoStackFactory(Identity))
        {
            ciphertext = first.Services.GetRequiredService<ISecretProtector>().Protect("a", Plaintext);
        }

        await using var second = new PromoStackFactory(Identity);

        second.Services.GetRequiredService<ISecretProtector>().Unprotect("a", ciphertext).Should().Be(Plaintext);
    }

    [Fact]
    public async Task AnAppWithAnotherMasterKey_RefusesToStart_RatherThanLoseTheStoredSecrets()
    {
        await using (var first = new PromoStackFactory(Identity))
        {
            first.Services.GetRequiredService<ISecretProtector>().Protect("a", Plaintext);
        }

        (await KeyRingXmlAsync()).Should().NotBeEmpty("the first app's key is in the shared database");
        await using var second = new PromoStackFactory(Identity, new Dictionary<string, string?> { ["Secrets:MasterKey"] = OtherMasterKey });

        var start = () => second.Services;

        start.Should().Throw<Exception>().Where(e => Flatten(e).Any(inner => inner.Message.Contains("Secrets__MasterKey does not decrypt")));
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static async Task<List<string>> KeyRingXmlAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
