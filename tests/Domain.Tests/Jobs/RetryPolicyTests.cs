using PromoStack.Domain.Jobs;

namespace PromoStack.Domain.Tests.Jobs;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(MaxAttempts: 5, BaseDelay: TimeSpan.FromSeconds(10), MaxDelay: TimeSpan.FromMinutes(2));

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 80)]
    public void DelayAfter_WithFullJitter_DoublesWithEachAttempt(int attempts, int expectedSeconds) =>
        Policy.DelayAfter(attempts, 1.0).Should().Be(TimeSpan.FromSeconds(expectedSeconds));

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(31)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void DelayAfter_ManyAttempts_IsCappedAtMaxDelay(int attempts) =>
        Policy.DelayAfter(attempts, 1.0).Should().Be(TimeSpan.FromMinutes(2));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void DelayAfter_NoFailedAttemptYet_IsTheBaseDelay(int attempts) =>
        Policy.DelayAfter(attempts, 1.0).Should().Be(TimeSpan.FromSeconds(10));

    [Fact]
    public void DelayAfter_ScalesByTheJitter()
    {
        Policy.DelayAfter(3, 0.5).Should().Be(TimeSpan.FromSeconds(20));
        Policy.DelayAfter(3, 0.75).Should().Be(TimeSpan.FromSeconds(30));
        Policy.DelayAfter(100, 0.5).Should().Be(TimeSpan.FromMinutes(1), "the jitter applies to the capped delay");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.4999)]
    [InlineData(1.0001)]
    [InlineData(2.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void DelayAfter_WithJitterOutsideHalfToOne_Throws(double jitter)
    {
        var delay = () => Policy.DelayAfter(1, jitter);

        delay.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void IsFinal_OnceMaxAttemptsIsReached(int attempts, bool expected) => Policy.IsFinal(attempts).Should().Be(expected);

    [Fact]
    public void Default_StartsAtFiveSecondsAndCapsAtThirtyMinutesAfterEightAttempts()
    {
        RetryPolicy.Default.DelayAfter(1, 1.0).Should().Be(TimeSpan.FromSeconds(5));
        RetryPolicy.Default.DelayAfter(30, 1.0).Should().Be(TimeSpan.FromMinutes(30));
        RetryPolicy.Default.IsFinal(7).Should().BeFalse();
        RetryPolicy.Default.IsFinal(8).Should().BeTrue();
    }
}
