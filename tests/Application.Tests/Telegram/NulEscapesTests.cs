using System.Text.Json;
using PromoStack.Application.Telegram;

namespace PromoStack.Application.Tests.Telegram;

public sealed class NulEscapesTests
{
    [Theory]
    [InlineData("""{"text":"a\u0000b"}""", """{"text":"a\ufffdb"}""")]
    [InlineData("""{"text":"\u0000\u0000"}""", """{"text":"\ufffd\ufffd"}""")]
    [InlineData("""{"text":"\\u0000"}""", """{"text":"\\u0000"}""")]
    [InlineData("""{"text":"\\\u0000"}""", """{"text":"\\\ufffd"}""")]
    [InlineData("""{"text":"\u0041\n\"\u0000\""}""", """{"text":"\u0041\n\"\ufffd\""}""")]
    [InlineData("""{"text":"plain"}""", """{"text":"plain"}""")]
    public void OnlyARealNulEscape_IsReplaced(string json, string expected)
    {
        var replaced = NulEscapes.Replace(json);

        replaced.Should().Be(expected);
        JsonDocument.Parse(replaced).RootElement.GetProperty("text").GetString().Should().NotContain("\0");
    }
}
