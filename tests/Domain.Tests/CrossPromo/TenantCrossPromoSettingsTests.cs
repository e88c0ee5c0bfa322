using PromoStack.Domain.Common;
using PromoStack.Domain.CrossPromo;

namespace PromoStack.Domain.Tests.CrossPromo;

public sealed class TenantCrossPromoSettingsTests
{
    // Friday 27 March 2026; British Summer Time starts on Sunday the 29th.
    private static readonly DateTimeOffset Now = new(2026, 3, 27, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static TenantCrossPromoSettings Adopted(string zone, TimeOnly utc)
    {
        var settings = TenantCrossPromoSettings.CreateDefault("acme", zone, Now);
        settings.AdoptUtcMorningTime(utc, Now);
        return settings;
    }

    [Fact]
    public void AUtcTimeAlone_SchedulesTheMorningPostAtThatUtcTime_OnBothSidesOfDst()
    {
        var settings = Adopted("Europe/London", new TimeOnly(6, 30));

        settings.MorningPostTimeLocal.Should().BeNull();
        settings.MorningPostAt(new DateOnly(2026, 3, 27), London).Should().Be(new DateTimeOffset(2026, 3, 27, 6, 30, 0, TimeSpan.Zero));
        settings.MorningPostAt(new DateOnly(2026, 3, 30), London).Should().Be(new DateTimeOffset(2026, 3, 30, 6, 30, 0, TimeSpan.Zero), "07:30 in summer time");
    }

    [Fact]
    public void AUtcTimeOnTheDayBefore_IsTheLocalDaysPost()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var settings = Adopted("Asia/Tokyo", new TimeOnly(22, 0));

        settings.MorningPostAt(new DateOnly(2026, 3, 27), tokyo).Should().Be(new DateTimeOffset(2026, 3, 26, 22, 0, 0, TimeSpan.Zero), "07:00 on the 27th in Tokyo");
    }

    [Fact]
    public void ALocalTime_IsWhatSchedules_AndReplacesAnAdoptedUtcTime()
    {
        var settings = Adopted("Europe/London", new TimeOnly(6, 30));

        settings.Configure(true, "signal_bot", "https://t.me/acme_bot", new TimeOnly(8, 0), London, ["mon"], 120, 3, 120, Now);

        settings.MorningPostAt(new DateOnly(2026, 3, 30), London).Should().Be(ZonedTime.Instant(new DateOnly(2026, 3, 30), new TimeOnly(8, 0), London));
        settings.MorningPostTimeUtc.Should().Be(new TimeOnly(8, 0), "08:00 in London on the day of saving, in GMT");
    }

    [Fact]
    public void SavingWithoutALocalTime_KeepsTheAdoptedUtcTime_WhichIsEnoughToEnable()
    {
        var settings = Adopted("Europe/London", new TimeOnly(6, 30));

        settings.Configure(true, "signal_bot", "https://t.me/acme_bot", null, London, ["fri"], 120, 3, 120, Now);

        settings.Enabled.Should().BeTrue();
        settings.MorningPostTimeUtc.Should().Be(new TimeOnly(6, 30));
        settings.MorningPostAt(new DateOnly(2026, 3, 27), London).Should().Be(new DateTimeOffset(2026, 3, 27, 6, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void WithNoMorningTime_NothingIsScheduled_AndEnablingIsRefused()
    {
        var settings = TenantCrossPromoSettings.CreateDefault("acme", "Europe/London", Now);

        settings.MorningPostAt(new DateOnly(2026, 3, 27), London).Should().BeNull();
        var enable = () => settings.Configure(true, "signal_bot", "https://t.me/acme_bot", null, London, ["fri"], 120, 3, 120, Now);
        enable.Should().Throw<DomainException>();
    }
}
