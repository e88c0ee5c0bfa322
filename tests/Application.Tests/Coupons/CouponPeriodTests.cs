using FluentValidation;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Common;

namespace PromoStack.Application.Tests.Coupons;

public sealed class CouponPeriodTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Havana = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");

    [Theory]
    [InlineData("2026-02-01", true)]
    [InlineData("2026-2-1", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("01/02/2026", false)]
    [InlineData("2026-02-01T00:00", false)]
    [InlineData(" 2026-02-01", false)]
    public void OnlyYearMonthDay_IsADate(string value, bool date) => (CouponPeriod.ParseDate(value) is not null).Should().Be(date);

    [Fact]
    public void ByDefault_ThePeriodIsTheThirtyTenantDaysEndingToday()
    {
        // 03:00 UTC on 1 March is still 28 February in New York.
        var period = CouponPeriod.Resolve(null, null, new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero), NewYork);

        (period.From, period.To, period.Days).Should().Be((new DateOnly(2026, 1, 30), new DateOnly(2026, 2, 28), 30));
        period.Start.Should().Be(new DateTimeOffset(2026, 1, 30, 5, 0, 0, TimeSpan.Zero));
        period.End.Should().Be(new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero));
        period.EachDay().Should().HaveCount(30).And.BeInAscendingOrder().And.StartWith(period.From).And.EndWith(period.To);
    }

    [Fact]
    public void OnlyTo_CountsThirtyDaysBackFromIt()
    {
        var period = CouponPeriod.Resolve(null, "2026-01-31", DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc);

        (period.From, period.To).Should().Be((new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 31)));
    }

    [Theory]
    [InlineData("2026-02-10", "2026-02-01")]
    [InlineData("2025-02-19", "2026-02-20")]
    [InlineData("2026-03-01", null)]
    public void APeriodBackwardsOrLongerThanAYear_IsAValidationErrorOnFrom(string from, string? to)
    {
        var resolve = () => CouponPeriod.Resolve(from, to, new DateTimeOffset(2026, 2, 20, 17, 0, 0, TimeSpan.Zero), NewYork);

        resolve.Should().Throw<ValidationException>().Which.Errors.Should().ContainSingle(e => e.PropertyName == "from");
    }

    [Fact]
    public void ThreeHundredSixtySixDays_AreAllowed() =>
        CouponPeriod.Resolve("2025-02-20", "2026-02-20", DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc).Days.Should().Be(CouponPeriod.MaxDays);

    [Fact]
    public void ADay_StartsAtLocalMidnight_WhateverTheOffsetThatDay()
    {
        ZonedTime.DayStart(new DateOnly(2026, 3, 8), NewYork).Should().Be(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero), "clocks go forward at 02:00");
        ZonedTime.DayStart(new DateOnly(2026, 3, 9), NewYork).Should().Be(new DateTimeOffset(2026, 3, 9, 4, 0, 0, TimeSpan.Zero));
        ZonedTime.DayStart(new DateOnly(2026, 11, 2), NewYork).Should().Be(new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ADayWhoseMidnightWasSkipped_StartsWhenTheClocksJumped() =>
        // Cuba springs forward at midnight: 8 March 2026 begins at 01:00, UTC−4.
        ZonedTime.DayStart(new DateOnly(2026, 3, 8), Havana).Should().Be(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ADayWhoseMidnightCameTwice_StartsAtTheFirst() =>
        // Cuba falls back at 01:00 to midnight: 1 November 2026 begins at the first midnight, UTC−4.
        ZonedTime.DayStart(new DateOnly(2026, 11, 1), Havana).Should().Be(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero));
}
