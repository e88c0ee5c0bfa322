using PromoStack.Domain.Tenants;

namespace PromoStack.Domain.Tests.Tenants;

public sealed class TenantSlugTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("entrylab")]
    [InlineData("entry-lab")]
    [InlineData("a1-b2-c3")]
    [InlineData("fx2024")]
    [InlineData("apis")]
    [InlineData("my-admin")]
    public void Problem_ForAValidSlug_IsNull(string slug) => TenantSlug.Problem(slug).Should().BeNull();

    [Fact]
    public void Problem_AtTheLengthLimits_IsNull()
    {
        TenantSlug.Problem(new string('a', TenantSlug.MinLength)).Should().BeNull();
        TenantSlug.Problem(new string('a', TenantSlug.MaxLength)).Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("Acme")]
    [InlineData("ACME")]
    [InlineData("1acme")]
    [InlineData("-acme")]
    [InlineData("ac--me")]
    [InlineData("acme-")]
    [InlineData("ac_me")]
    [InlineData("ac me")]
    [InlineData("acme.io")]
    [InlineData("acmé")]
    [InlineData(" acme")]
    public void Problem_ForAMalformedSlug_IsReported(string? slug) => TenantSlug.Problem(slug).Should().NotBeNullOrWhiteSpace();

    [Fact]
    public void Problem_ForASlugOverTheMaximumLength_IsReported() =>
        TenantSlug.Problem(new string('a', TenantSlug.MaxLength + 1)).Should().NotBeNull();

    [Theory]
    [InlineData("api")]
    [InlineData("admin")]
    [InlineData("www")]
    [InlineData("platform")]
    [InlineData("public")]
    [InlineData("docs")]
    [InlineData("health")]
    [InlineData("null")]
    public void Problem_ForAReservedWord_SaysItIsReserved(string slug) =>
        TenantSlug.Problem(slug).Should().Contain("reserved");

    [Fact]
    public void Problem_ForASlugWithATrailingNewline_IsReported() => TenantSlug.Problem("acme\n").Should().NotBeNull();
}
