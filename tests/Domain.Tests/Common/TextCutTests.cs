using System.Text;
using PromoStack.Domain.Common;

namespace PromoStack.Domain.Tests.Common;

public sealed class TextCutTests
{
    [Fact]
    public void ShortText_IsKeptWhole() => TextCut.AtMost("SAVE20", 6).Should().Be("SAVE20");

    [Fact]
    public void LongText_IsCutAtTheLimit() => TextCut.AtMost("SAVE20NOW", 6).Should().Be("SAVE20");

    [Fact]
    public void ACutThroughAnEmoji_DropsTheWholeEmoji_SoTheTextStaysEncodable()
    {
        var text = new string('a', 63) + "😀" + "b";

        var cut = TextCut.AtMost(text, 64);

        cut.Should().Be(new string('a', 63));
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        strict.Invoking(e => e.GetBytes(cut)).Should().NotThrow();
        strict.Invoking(e => e.GetBytes(text[..64])).Should().Throw<EncoderFallbackException>("a naive cut leaves half a character");
    }

    [Fact]
    public void AnEmojiThatFits_IsKept() => TextCut.AtMost("ab😀c", 4).Should().Be("ab😀");

    [Fact]
    public void WithEllipsis_StaysWithinTheLimit_AndEndsWithTheEllipsis()
    {
        TextCut.WithEllipsis("Black Friday 😀 deals", 15).Should().Be("Black Friday …").And.HaveLength(14);
        TextCut.WithEllipsis("Black Friday", 15).Should().Be("Black Friday");
        TextCut.WithEllipsis("Black Friday deals", 10).Should().Be("Black Fri…").And.HaveLength(10);
    }
}
