using PromoStack.Application.Common.Scheduling;

namespace PromoStack.Application.Tests.Scheduling;

public sealed class SlotsTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeOnly Eight = new(8, 0);

    [Fact]
    public void Every_Hour_FloorsToTheStartOfTheHourInUtc() =>
        Slots.Every(TimeSpan.FromHours(1), new DateTimeOffset(2026, 11, 25, 14, 59, 59, TimeSpan.Zero)).Should().Be("2026-11-25T14:00Z");

    [Fact]
    public void Every_FifteenMinutes_FloorsToTheQuarter()
    {
        Slots.Every(TimeSpan.FromMinutes(15), new DateTimeOffset(2026, 11, 25, 14, 44, 0, TimeSpan.Zero)).Should().Be("2026-11-25T14:30Z");
        Slots.Every(TimeSpan.FromMinutes(15), new DateTimeOffset(2026, 11, 25, 14, 45, 0, TimeSpan.Zero)).Should().Be("2026-11-25T14:45Z");
    }

    [Fact]
    public void Every_Day_FloorsToMidnightUtc() =>
        Slots.Every(TimeSpan.FromDays(1), new DateTimeOffset(2026, 11, 25, 23, 59, 0, TimeSpan.Zero)).Should().Be("2026-11-25T00:00Z");

    [Fact]
    public void Every_WithAnOffsetInstant_FormatsTheUtcSlot()
    {
        // 01:30 at +02:00 is 23:30 UTC the day before.
        var now = new DateTimeOffset(2026, 11, 26, 1, 30, 0, TimeSpan.FromHours(2));

        Slots.Every(TimeSpan.FromHours(1), now).Should().Be("2026-11-25T23:00Z");
    }

    [Fact]
    public void Every_TwoInstantsInTheSamePeriod_GiveTheSameSlot_AndTheNextPeriodADifferentOne()
    {
        var period = TimeSpan.FromMinutes(5);
        var start = new DateTimeOffset(2026, 11, 25, 14, 5, 0, TimeSpan.Zero);

        Slots.Every(period, start.AddSeconds(299)).Should().Be(Slots.Every(period, start));
        Slots.Every(period, start.AddSeconds(300)).Should().NotBe(Slots.Every(period, start));
    }

    [Fact]
    public void Every_UsesInvariantDigitsWhateverTheCurrentCulture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Slots.Every(TimeSpan.FromHours(1), new DateTimeOffset(2026, 11, 25, 14, 10, 0, TimeSpan.Zero)).Should().Be("2026-11-25T14:00Z");
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    [InlineData(-60)]
    public void Every_PeriodUnderOneMinute_Throws(int seconds)
    {
        var every = () => Slots.Every(TimeSpan.FromSeconds(seconds), DateTimeOffset.UnixEpoch);

        every.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void DailyAt_BeforeTheLocalTime_IsStillTheDayBeforesSlot() =>
        Slots.DailyAt(Eight, new DateTimeOffset(2026, 1, 14, 7, 59, 0, TimeSpan.Zero), London).Should().Be("2026-01-13");

    [Fact]
    public void DailyAt_AtOrAfterTheLocalTime_IsDueForTheLocalDate()
    {
        Slots.DailyAt(Eight, new DateTimeOffset(2026, 1, 14, 8, 0, 0, TimeSpan.Zero), London).Should().Be("2026-01-14");
        Slots.DailyAt(Eight, new DateTimeOffset(2026, 1, 14, 22, 0, 0, TimeSpan.Zero), London).Should().Be("2026-01-14");
    }

    [Fact]
    public void DailyAt_InWinter_EightLondonIsEightUtc()
    {
        Slots.DailyAt(Eight, new DateTimeOffset(2026, 1, 14, 7, 59, 0, TimeSpan.Zero), London).Should().Be("2026-01-13");
        Slots.DailyAt(Eight, new DateTimeOffset(2026, 1, 14, 8, 0, 0, TimeSpan.Zero), London).Should().Be("2026-01-14");
    }

    [Fact]
    public void DailyAt_InSummer_EightLondonIsSevenUtc()
    {
        Slots.DailyAt(Eight, new DateTimeOffset(2026, 7, 14, 6, 59, 0, TimeSpan.Zero), London).Should().Be("2026-07-13");
        Slots.DailyAt(Eight, new DateTimeOffset(2026, 7, 14, 7, 0, 0, TimeSpan.Zero), London).Should().Be("2026-07-14");
    }

    [Fact]
    public void DailyAt_UsesTheLocalDateNotTheUtcDate()
    {
        // 23:30 UTC on the 14th is 08:30 on the 15th in Tokyo.
        Slots.DailyAt(Eight, new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.Zero), Tokyo).Should().Be("2026-01-15");

        // 22:30 UTC is 07:30 on the 15th in Tokyo: the 15th is not yet due, the 14th is the latest slot.
        Slots.DailyAt(Eight, new DateTimeOffset(2026, 1, 14, 22, 30, 0, TimeSpan.Zero), Tokyo).Should().Be("2026-01-14");
    }

    [Fact]
    public void DailyAt_OnADayOutsideTheFilter_IsTheLastAllowedDaysSlot_SoAMissedRunIsCaughtUp()
    {
        var weekdays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var saturday = new DateTimeOffset(2026, 1, 17, 9, 0, 0, TimeSpan.Zero);
        var friday = new DateTimeOffset(2026, 1, 16, 9, 0, 0, TimeSpan.Zero);

        Slots.DailyAt(Eight, saturday, London, weekdays).Should().Be("2026-01-16", "Friday's run is still due if it was missed");
        Slots.DailyAt(Eight, friday, London, weekdays).Should().Be("2026-01-16");
        Slots.DailyAt(Eight, saturday, London).Should().Be("2026-01-17", "no filter means every day");
    }

    [Fact]
    public void DailyAt_TheWeekdayFilterUsesTheLocalDay()
    {
        // Sunday 23:30 UTC is Monday 08:30 in Tokyo.
        var sundayUtc = new DateTimeOffset(2026, 1, 18, 23, 30, 0, TimeSpan.Zero);

        Slots.DailyAt(Eight, sundayUtc, Tokyo, new HashSet<DayOfWeek> { DayOfWeek.Monday }).Should().Be("2026-01-19");
        Slots.DailyAt(Eight, sundayUtc, Tokyo, new HashSet<DayOfWeek> { DayOfWeek.Sunday }).Should().Be("2026-01-18");
    }

    [Fact]
    public void DailyAt_WithNoAllowedDay_IsNeverDue() =>
        Slots.DailyAt(Eight, new DateTimeOffset(2026, 1, 14, 9, 0, 0, TimeSpan.Zero), London, new HashSet<DayOfWeek>()).Should().BeNull();
}
