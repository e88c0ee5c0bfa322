using PromoStack.Application.Coupons;

namespace PromoStack.Application.Tests.Coupons;

public sealed class CouponTallyTests
{
    [Fact]
    public void Counts_AreSplitByOutcomeAndKind_AndTheUsersMistakesApartFromSystemFailures()
    {
        var tally = CouponTally.Of([
            new CouponCount(null, Image: true, 6),
            new CouponCount(null, Image: false, 2),
            new CouponCount("invalid_code", Image: false, 3),
            new CouponCount("rate_limited", Image: true, 1),
            new CouponCount("partner_timeout", Image: false, 2),
            new CouponCount("render_failed", Image: true, 1),
            new CouponCount("something_new", Image: true, 1),
        ]);

        tally.Should().Be(new CouponTally(
            Attempts: 16, Successes: 8, UserMistakes: 4, SystemFailures: 4, ImageAttempts: 9, ImagesMade: 6, CodeChecks: 7, CodesAccepted: 2));
        tally.Failures.Should().Be(8);
    }

    [Fact]
    public void TheSuccessRate_LeavesOutTheUsersMistakes_TheRawRatesDoNot()
    {
        var tally = new CouponTally(Attempts: 20, Successes: 12, UserMistakes: 5, SystemFailures: 3, 0, 0, 0, 0);

        tally.SuccessRate.Should().Be(0.8, "12 of the 15 attempts that were not mistakes");
        tally.RawSuccessRate.Should().Be(0.6);
        tally.UserMistakeRate.Should().Be(0.25);
        tally.SystemFailureRate.Should().Be(0.15);
    }

    [Fact]
    public void Rates_OfNothing_AreNull_AndOtherwiseFourDecimals()
    {
        CouponTally.None.SuccessRate.Should().BeNull();
        CouponTally.None.RawSuccessRate.Should().BeNull();
        new CouponTally(3, 0, 3, 0, 0, 0, 3, 0).SuccessRate.Should().BeNull("every attempt was a mistake: nothing for the system to serve");
        CouponTally.Rate(2, 3).Should().Be(0.6667);
    }
}
