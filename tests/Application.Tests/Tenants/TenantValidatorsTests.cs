using PromoStack.Application.Tenants;
using PromoStack.Application.Tests.Validation;

namespace PromoStack.Application.Tests.Tenants;

public sealed class TenantValidatorsTests
{
    [Theory]
    [InlineData("Europe/London")]
    [InlineData("UTC")]
    [InlineData(null)]
    public void CreateTenant_Valid_Passes(string? timezone) =>
        Validators.Validate(new CreateTenant("entrylab", "EntryLab", timezone)).IsValid.Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("EntryLab")]
    [InlineData("1entry")]
    [InlineData("entry--lab")]
    [InlineData("entry-")]
    [InlineData("api")]
    [InlineData("admin")]
    public void CreateTenant_BadSlug_FailsOnSlug(string slug) =>
        Validators.Validate(new CreateTenant(slug, "EntryLab", null)).ShouldOnlyFailOn(nameof(CreateTenant.Slug));

    [Fact]
    public void CreateTenant_ReservedSlug_SaysItIsReserved() =>
        Validators.Validate(new CreateTenant("api", "EntryLab", null)).Errors.Should().ContainSingle()
            .Which.ErrorMessage.Should().Contain("reserved");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void CreateTenant_EmptyName_FailsOnName(string name) =>
        Validators.Validate(new CreateTenant("entrylab", name, null)).ShouldOnlyFailOn(nameof(CreateTenant.Name));

    [Fact]
    public void CreateTenant_NameOf200Characters_Passes() =>
        Validators.Validate(new CreateTenant("entrylab", new string('n', 200), null)).IsValid.Should().BeTrue();

    [Fact]
    public void CreateTenant_NameOf201Characters_FailsOnName() =>
        Validators.Validate(new CreateTenant("entrylab", new string('n', 201), null)).ShouldOnlyFailOn(nameof(CreateTenant.Name));

    [Theory]
    [InlineData("Mars/Base")]
    [InlineData("Pacific Standard Time")]
    [InlineData("")]
    public void CreateTenant_BadTimezone_FailsOnTimezone(string timezone) =>
        Validators.Validate(new CreateTenant("entrylab", "EntryLab", timezone)).ShouldOnlyFailOn(nameof(CreateTenant.Timezone));

    [Fact]
    public void CreateTenant_EverythingWrong_ReportsEachField()
    {
        var result = Validators.Validate(new CreateTenant("A", "", "Nowhere/Land"));

        result.Errors.Select(e => e.PropertyName).Should()
            .BeEquivalentTo([nameof(CreateTenant.Slug), nameof(CreateTenant.Name), nameof(CreateTenant.Timezone)]);
    }

    [Fact]
    public void UpdateTenant_Valid_Passes() =>
        Validators.Validate(new UpdateTenant("EntryLab", "Asia/Tokyo")).IsValid.Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void UpdateTenant_EmptyName_FailsOnName(string name) =>
        Validators.Validate(new UpdateTenant(name, "UTC")).ShouldOnlyFailOn(nameof(UpdateTenant.Name));

    [Fact]
    public void UpdateTenant_NameOf201Characters_FailsOnName() =>
        Validators.Validate(new UpdateTenant(new string('n', 201), "UTC")).ShouldOnlyFailOn(nameof(UpdateTenant.Name));

    [Theory]
    [InlineData("")]
    [InlineData("Mars/Base")]
    [InlineData("GMT Standard Time")]
    public void UpdateTenant_BadTimezone_FailsOnTimezone(string timezone) =>
        Validators.Validate(new UpdateTenant("EntryLab", timezone)).ShouldOnlyFailOn(nameof(UpdateTenant.Timezone));

    [Fact]
    public void UpdateTenant_NullTimezone_FailsBecauseUpdateRequiresAZone() =>
        Validators.Validate(new UpdateTenant("EntryLab", null!)).ShouldOnlyFailOn(nameof(UpdateTenant.Timezone));
}
