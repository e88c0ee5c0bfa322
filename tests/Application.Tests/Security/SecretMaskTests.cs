using PromoStack.Application.Common.Security;

namespace PromoStack.Application.Tests.Security;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("123456789:AAHfq0-TEST-abcdefghijklmnopqrstuwxyz", "123456789:…wxyz")]
    [InlineData("sk_live_51HqLyjWDarjtT1zdp7dcabcd", "sk_live_…abcd")]
    [InlineData("whsec_1234567890abcdefghijwxyz", "whsec_…wxyz")]
    [InlineData("plainsecretvaluewithoutprefix9876", "…9876")]
    public void Mask_KeepsARecognisablePrefixAndTheLastFourCharacters(string secret, string expected) =>
        SecretMask.Mask(secret).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("twelve-chars")]
    public void Mask_OfAShortSecret_RevealsNothing(string secret) => SecretMask.Mask(secret).Should().Be("…");

    [Fact]
    public void Mask_NeverContainsTheSecretsBody()
    {
        const string token = "123456789:AAHfq0SECRETBODYxyzw";

        SecretMask.Mask(token).Should().NotContain("SECRETBODY");
    }
}
