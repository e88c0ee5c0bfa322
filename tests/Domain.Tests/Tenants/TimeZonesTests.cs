using PromoStack.Domain.Tenants;

namespace PromoStack.Domain.Tests.Tenants;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    [InlineData("Europe/London")]
    [InlineData("Asia/Tokyo")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Sydney")]
    public void IsValidIana_ForAnIanaId_IsTrue(string id) => TimeZones.IsValidIana(id).Should().BeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Mars/Base")]
    [InlineData("Europe/Atlantis")]
    [InlineData("Local")]
    public void IsValidIana_ForAnUnknownId_IsFalse(string? id) => TimeZones.IsValidIana(id).Should().BeFalse();

    [Theory]
    [InlineData("Pacific Standard Time")]
    [InlineData("GMT Standard Time")]
    [InlineData("Tokyo Standard Time")]
    public void IsValidIana_ForAWindowsId_IsFalseEvenThoughTheRuntimeResolvesIt(string windowsId)
    {
        // On Linux with ICU the runtime converts a Windows id to a zone whose HasIanaId is false.
        TimeZoneInfo.TryFindSystemTimeZoneById(windowsId, out _).Should().BeTrue("the runtime resolves Windows ids");

        TimeZones.IsValidIana(windowsId).Should().BeFalse();
    }

    [Fact]
    public void IsValidIana_ForAnIdOverSixtyFourCharacters_IsFalse() =>
        TimeZones.IsValidIana("Europe/" + new string('a', 60)).Should().BeFalse();

    [Fact]
    public void Find_ReturnsTheZoneWithThatId() => TimeZones.Find("Asia/Tokyo").Id.Should().Be("Asia/Tokyo");
}
