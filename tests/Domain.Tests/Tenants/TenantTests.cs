using PromoStack.Domain.Common;
using PromoStack.Domain.Tenants;

namespace PromoStack.Domain.Tests.Tenants;

public sealed class TenantTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_WithValidInput_UsesTheSlugAsIdAndTrimsTheName()
    {
        var tenant = Tenant.Create("entrylab", "  EntryLab  ", "Europe/London", Now);

        tenant.Id.Should().Be("entrylab");
        tenant.Name.Should().Be("EntryLab");
        tenant.Timezone.Should().Be("Europe/London");
        tenant.CreatedAt.Should().Be(Now);
    }

    [Fact]
    public void Create_WithoutTimeZone_DefaultsToUtc()
    {
        var tenant = Tenant.Create("entrylab", "EntryLab", null, Now);

        tenant.Timezone.Should().Be(TimeZones.Utc);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Entry")]
    [InlineData("api")]
    [InlineData("admin")]
    [InlineData("entry--lab")]
    public void Create_WithABadSlug_Throws(string slug)
    {
        var create = () => Tenant.Create(slug, "Name", null, Now);

        create.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithABlankName_Throws(string name)
    {
        var create = () => Tenant.Create("entrylab", name, null, Now);

        create.Should().Throw<DomainException>();
    }

    [Fact]
    public void Create_WithANameOverTheLimit_Throws()
    {
        var create = () => Tenant.Create("entrylab", new string('n', Tenant.NameMaxLength + 1), null, Now);

        create.Should().Throw<DomainException>();
    }

    [Theory]
    [InlineData("Mars/Base")]
    [InlineData("Pacific Standard Time")]
    [InlineData("GMT Standard Time")]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithANonIanaTimeZone_Throws(string timezone)
    {
        var create = () => Tenant.Create("entrylab", "EntryLab", timezone, Now);

        create.Should().Throw<DomainException>();
    }

    [Fact]
    public void Update_ChangesNameAndZone()
    {
        var tenant = Tenant.Create("entrylab", "EntryLab", null, Now);

        tenant.Update(" Entry Lab ", "Asia/Tokyo");

        tenant.Name.Should().Be("Entry Lab");
        tenant.Timezone.Should().Be("Asia/Tokyo");
    }

    [Fact]
    public void Update_WithANonIanaZone_ThrowsAndKeepsTheOldZone()
    {
        var tenant = Tenant.Create("entrylab", "EntryLab", "Europe/London", Now);

        var update = () => tenant.Update("EntryLab", "Pacific Standard Time");

        update.Should().Throw<DomainException>();
        tenant.Timezone.Should().Be("Europe/London");
    }

    [Fact]
    public void LocalDate_InAZoneAheadOfUtc_IsTheNextDayLateInTheUtcEvening()
    {
        var tenant = Tenant.Create("entrylab", "EntryLab", "Asia/Tokyo", Now);
        var lateEvening = new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero);

        tenant.LocalDate(lateEvening).Should().Be(new DateOnly(2026, 3, 11));
    }

    [Fact]
    public void LocalDate_InAZoneBehindUtc_IsThePreviousDayEarlyInTheUtcMorning()
    {
        var tenant = Tenant.Create("entrylab", "EntryLab", "America/New_York", Now);
        var earlyMorning = new DateTimeOffset(2026, 3, 11, 2, 0, 0, TimeSpan.Zero);

        tenant.LocalDate(earlyMorning).Should().Be(new DateOnly(2026, 3, 10));
    }

    [Fact]
    public void LocalDate_InUtc_IsTheUtcDate()
    {
        var tenant = Tenant.Create("entrylab", "EntryLab", null, Now);

        tenant.LocalDate(new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero)).Should().Be(new DateOnly(2026, 3, 10));
    }

    [Fact]
    public void Create_WithAMisCasedZone_IsRejectedOrStoredCanonically()
    {
        TimeZones.Find("Europe/London");

        Tenant tenant;
        try
        {
            tenant = Tenant.Create("entrylab", "EntryLab", "europe/london", Now);
        }
        catch (DomainException)
        {
            return;
        }

        tenant.Timezone.Should().Be("Europe/London");
    }
}
