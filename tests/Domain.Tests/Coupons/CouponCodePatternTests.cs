using PromoStack.Domain.Common;
using PromoStack.Domain.Coupons;

namespace PromoStack.Domain.Tests.Coupons;

/// <summary>What counts as a code: the whole normalised text matching the pattern, never a command word or chatter.</summary>
public sealed class CouponCodePatternTests
{
    [Theory]
    [InlineData("save20", "SAVE20")]
    [InlineData("  Flash_Sale-10 \n", "FLASH_SALE-10")]
    [InlineData("abc", "ABC")]
    public void A_code_is_trimmed_and_upper_cased(string text, string code)
    {
        CouponCodePattern.DefaultPattern.TryMatch(text, out var matched).Should().BeTrue();
        matched.Should().Be(code);
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("GENERATE")]
    [InlineData("help")]
    [InlineData("black friday")]
    [InlineData("HI GENERATE ME A NEW BADGE")]
    [InlineData("ab")]
    [InlineData("A23456789012345678901234567890123")]
    [InlineData("SAVE20!")]
    [InlineData("")]
    [InlineData(null)]
    public void Chatter_command_words_and_odd_lengths_are_no_codes(string? text)
    {
        CouponCodePattern.DefaultPattern.TryMatch(text, out _).Should().BeFalse();
    }

    [Fact]
    public void A_tenants_pattern_is_matched_against_the_whole_text()
    {
        var pattern = CouponCodePattern.Parse("FP[0-9]{4}");

        pattern.TryMatch("fp1234", out _).Should().BeTrue();
        pattern.TryMatch("XFP1234", out _).Should().BeFalse("the pattern is anchored at both ends");
        pattern.TryMatch("FP12345", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("[A-Z")]
    [InlineData("(a)\\1")]
    [InlineData("(?=A)A")]
    public void A_pattern_that_does_not_compile_or_needs_backtracking_is_refused_with_a_reason(string pattern)
    {
        CouponCodePattern.Problem(pattern).Should().NotBeNull();
        FluentActions.Invoking(() => CouponCodePattern.Parse(pattern)).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_catastrophic_pattern_runs_in_linear_time()
    {
        var pattern = CouponCodePattern.Parse("(A+)+B");

        pattern.TryMatch(new string('A', 60), out _).Should().BeFalse("no backtracking: it answers at once instead of hanging");
    }
}
