using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Jobs;

namespace PromoStack.Domain.Tests.CrossPromo;

public sealed class CrossPromoJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Schedule_IsPendingWithTheDedupeKeyAndDueTime()
    {
        var job = CrossPromoJob.Schedule("acme", "morning_news", "{}", Now.AddHours(2), "morning_news:2026-11-25", Now);

        job.Status.Should().Be(CrossPromoJobStatus.Pending);
        job.DedupeKey.Should().Be("morning_news:2026-11-25");
        job.NextAttemptAt.Should().Be(Now.AddHours(2));
        job.Attempts.Should().Be(0);
        job.LockedUntil.Should().BeNull();
    }

    [Fact]
    public void Schedule_WithADedupeKeyAtTheLimit_IsAccepted()
    {
        var key = new string('k', WorkItem.DedupeKeyMaxLength);

        var job = CrossPromoJob.Schedule("acme", "vip_teaser", "{}", Now, key, Now);

        job.DedupeKey.Should().HaveLength(200);
    }

    [Fact]
    public void Schedule_WithADedupeKeyLongerThan200Characters_Throws()
    {
        var key = new string('k', WorkItem.DedupeKeyMaxLength + 1);

        var schedule = () => CrossPromoJob.Schedule("acme", "vip_teaser", "{}", Now, key, Now);

        schedule.Should().Throw<ArgumentException>().WithParameterName("dedupeKey");
    }
}
