using PromoStack.Application.Import;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Tests.Import;

public sealed class TenantSlugsTests
{
    [Theory]
    [InlineData("entrylab", "entrylab")]
    [InlineData("tenant_3fa9c2d1", "tenant-3fa9c2d1")]
    [InlineData("Gold.Mike", "gold-mike")]
    [InlineData("__weird__id__", "weird-id")]
    [InlineData("42traders", "t-42traders")]
    [InlineData("ab", "ab-x")]
    [InlineData("admin", "admin-team")]
    [InlineData("ünïcode", "n-code")]
    public void AnOriginalId_BecomesAValidSlug(string original, string slug)
    {
        var mapped = TenantSlugs.For([original])[original];

        mapped.Should().Be(slug);
        TenantSlug.Problem(mapped).Should().BeNull();
    }

    [Fact]
    public void ALongId_IsShortenedToTheLimit() =>
        TenantSlugs.For([new string('a', 60)])[new string('a', 60)].Should().HaveLength(TenantSlug.MaxLength);

    [Fact]
    public void IdsThatWouldMeet_GetNumbers_AndAValidIdKeepsItsOwn()
    {
        var slugs = TenantSlugs.For(["gold_fx", "gold-fx", "Gold FX"]);

        slugs["gold-fx"].Should().Be("gold-fx", "an id that is already a slug keeps it");
        new[] { slugs["gold_fx"], slugs["Gold FX"] }.Should().BeEquivalentTo(["gold-fx-2", "gold-fx-3"]);
        slugs.Values.Should().OnlyContain(s => TenantSlug.Problem(s) == null).And.OnlyHaveUniqueItems();
    }
}
